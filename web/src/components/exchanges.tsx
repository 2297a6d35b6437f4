import type { RunDetail } from "../api";

/** What the language model was asked and answered, when a run used one. */
export function Exchanges({ detail }: { detail: RunDetail }) {
  if (detail.exchanges.length === 0) return null;
  return (
    <section className="card" aria-labelledby="llm-title">
      <h2 id="llm-title">Suggestions from the language model</h2>
      <p className="muted">Every suggested law was checked against the measurements; only those that explained them in fewer bits were kept.</p>
      {detail.exchanges.map((x, i) => (
        <details key={i} className="exchange">
          <summary>
            {x.role} · round {x.round ?? "–"} · {x.tokens ?? "?"} tokens · {x.latencyMs !== null ? `${Math.round(x.latencyMs)} ms` : "cached"}
          </summary>
          <h3>Asked</h3>
          <pre>{x.request}</pre>
          <h3>Answered</h3>
          <pre>{x.response}</pre>
        </details>
      ))}
    </section>
  );
}
