import type { RunDetail } from "../api";
import { roundLawText } from "../../../src/expr/significant";
import { bitsComparison } from "../../../src/report/words";

const KIND: Record<string, string> = {
  regime_split: "the law splits into regimes",
  new_variable: "a new quantity matters",
  ontology_break: "a new kind of quantity was needed",
  structural: "the form of the law changed",
  structural_revision: "the form of the law changed",
};

/** Each break of a run in one plain sentence. */
export function Breaks({ detail }: { detail: RunDetail }) {
  const breaks = detail.roundViews.filter((r) => r.break && r.break.type !== "parameter_update");
  return (
    <section className="card" aria-labelledby="breaks-title">
      <h2 id="breaks-title">Where the old law broke</h2>
      {breaks.length === 0 ? (
        <p className="muted">{detail.status === "running" ? "No break yet: the current law has survived every experiment so far." : "The starting law was never broken."}</p>
      ) : (
        <ol className="breaks">
          {breaks.map((r) => (
            <li key={r.round}>
              <strong>Round {r.round}</strong> ({KIND[r.break?.type ?? ""] ?? r.break?.type}
              {/bits shorter/.test(r.break?.sentence ?? "") ? "" : `; ${bitsComparison(r.break?.gainBits ?? 0, detail.observations.filter((o) => o.round <= r.round && o.output !== null).length)}`}):{" "}
              {roundLawText(r.break?.sentence ?? "")}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
