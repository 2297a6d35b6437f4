import { useEffect, useState } from "react";
import { api, type RunListItem, type ServerInfo } from "../api";
import { StartRunForm } from "../components/start-run-form";
import { StatusBadge } from "../components/status-badge";
import { when } from "../format";

/** The home page: start a discovery, and every discovery so far. */
export function RunsPage({ info }: { info: ServerInfo }) {
  const [runs, setRuns] = useState<RunListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<{ runs: RunListItem[] }>("/api/runs").then(
        (r) => live && (setRuns(r.runs), setError(null)),
        (e: Error) => live && setError(e.message),
      );
    void load();
    const t = setInterval(load, 4000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, []);
  return (
    <div className="stack">
      <StartRunForm info={info} />
      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">Discoveries</h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {runs && runs.length === 0 && <p className="muted">None yet. Start one above.</p>}
        {runs && runs.length > 0 && (
          <table className="runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Experiment</th>
                <th scope="col">Status</th>
                <th scope="col">Rounds</th>
                <th scope="col">Law found</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.runId}>
                  <td>
                    <a href={`#/runs/${r.runId}`}>{when(r.createdAt)}</a>
                  </td>
                  <td>{r.world}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>{r.rounds}</td>
                  <td>
                    <code className="law-text">{r.finalLaw ?? "–"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
