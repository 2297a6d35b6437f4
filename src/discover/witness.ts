import type { Evidence } from "../core/evidence.js";
import { compile, UnknownVariableError, type Expr } from "../expr/index.js";
import { fitNoiseEstimate } from "../breaker/noise.js";
import type { LawState } from "../core/law.js";
import type { BreakWitness } from "./types.js";

/**
 * The observation that shows the break most plainly: where the old law missed by the most noise-widths,
 * noise being judged from the new law's residuals (the better account of the data).
 */
export function findWitness(
  oldExpr: Expr,
  oldParams: readonly number[],
  newPredicted: Float64Array,
  evidence: Evidence,
  rows: readonly number[],
  /** Variables to show in the sentence (the world's inputs and the derived ones either law uses). */
  shown: readonly string[] = evidence.variables,
): BreakWitness | undefined {
  let oldPred: Float64Array;
  try {
    oldPred = compile(oldExpr, evidence.variables).evaluate(
      evidence.variables.map((v) => evidence.columns[v]),
      oldParams,
    );
  } catch (err) {
    // The old law may use a derived column this round's evidence no longer offers: then there is no witness.
    if (!(err instanceof UnknownVariableError)) throw err;
    return undefined;
  }
  const noise = fitNoiseEstimate(newPredicted, evidence.target);
  let best = -1;
  let bestZ = -Infinity;
  for (const i of rows) {
    const z = Math.abs(evidence.target[i] - oldPred[i]) / noise.sigma(newPredicted[i]);
    if (Number.isFinite(z) && z > bestZ) {
      bestZ = z;
      best = i;
    }
  }
  if (best < 0) return undefined;
  const inputs: Record<string, number> = {};
  for (const v of shown) if (evidence.columns[v]) inputs[v] = evidence.columns[v][best];
  return { inputs, predicted: oldPred[best], observed: evidence.target[best], noiseWidths: bestZ };
}

/** The witness of a break from `old` to `next`: among the rows answered this round (all rows when none), shown over the world's inputs and the derived variables either law uses. */
export function breakWitness(old: LawState, next: LawState, evidence: Evidence, newRows: readonly number[], inputs: readonly string[]): BreakWitness | undefined {
  let pred: Float64Array;
  try {
    pred = compile(next.expr, evidence.variables).evaluate(
      evidence.variables.map((v) => evidence.columns[v]),
      next.params,
    );
  } catch (err) {
    // Only a law over columns this evidence lacks cannot be evaluated here; it then has no witness.
    if (!(err instanceof UnknownVariableError)) throw err;
    return undefined;
  }
  const rows = newRows.length > 0 ? newRows : [...Array(evidence.target.length).keys()];
  const shown = [...inputs, ...Object.keys(old.derived), ...Object.keys(next.derived).filter((d) => !(d in old.derived))];
  return findWitness(old.expr, old.params, pred, evidence, rows, shown);
}
