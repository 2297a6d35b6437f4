import { compile, type Expr } from "../expr/index.js";
import type { Bits, Evidence } from "../explain/types.js";
import { descriptionLength, type MdlOptions } from "./description-length.js";
import { rootMeanSquareError, rSquared } from "./score-law.js";

/** How well a fitted law explains some evidence. */
export interface EvidenceScore {
  bits: Bits;
  r2: number;
  rmse: number;
  predicted: Float64Array;
}

/**
 * Scores a fitted law on evidence with the evidence's own code book (its variable count, target precision
 * and noise scales), so that every law scored through here on the same evidence is comparable. Prefer this
 * to calling `descriptionLength` directly.
 */
export function scoreOnEvidence(expr: Expr, params: ArrayLike<number>, evidence: Evidence, opts: Omit<MdlOptions, "variableCount" | "scales"> = {}): EvidenceScore {
  const columns = evidence.variables.map((name) => evidence.columns[name]);
  const predicted = compile(expr, evidence.variables).evaluate(columns, params, new Float64Array(evidence.target.length));
  return {
    bits: descriptionLength(expr, params, evidence.target, predicted, { ...opts, variableCount: evidence.variables.length, ...(evidence.scales ? { scales: evidence.scales } : {}) }),
    r2: rSquared(evidence.target, predicted),
    rmse: rootMeanSquareError(evidence.target, predicted),
    predicted,
  };
}
