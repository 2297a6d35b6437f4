import type { RunDetail } from "../api";
import { roundLawText } from "../../../src/expr/significant";
import { bits, fitWords } from "../format";
import { LawMath } from "./law-math";

/** The law after each round, with its length in bits and how well it fits. */
export function History({ detail }: { detail: RunDetail }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">The law, round by round</h2>
      {detail.roundViews.length === 0 ? (
        <p className="muted">No round has finished yet.</p>
      ) : (
        <div className="scroll">
          <table className="history">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Law</th>
                <th scope="col">Length</th>
                <th scope="col">Fit</th>
                <th scope="col">New experiments</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {detail.roundViews.map((r) => (
                <tr key={r.round} className={r.break && r.break.type !== "parameter_update" ? "is-break" : undefined}>
                  <td>{r.round}</td>
                  <td>
                    <LawMath latex={r.latex} text={roundLawText(r.law)} />
                  </td>
                  <td>{bits(r.bits)}</td>
                  <td>{fitWords(r.r2)}</td>
                  <td>{r.experiments}</td>
                  <td>{r.break ? (r.break.type === "parameter_update" ? "constants refitted" : `break: ${r.break.type.replace(/_/g, " ")}`) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
