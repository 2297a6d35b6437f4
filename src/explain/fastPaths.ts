/**
 * The cheap strategies tried before (and beside) the evolutionary search: a constant, monomials
 * from log-linear regression and sparse linear-in-features models. Each returns candidate laws for
 * the final description-length choice; an exact one lets the explainer stop in milliseconds.
 */
import { param } from "../expr/ast.js";
import { buildFeatures } from "./features.js";
import type { Candidate } from "./finalSelection.js";
import { fitMonomials } from "./monomial.js";
import { forwardSelect } from "./sparseRegression.js";

/** Candidates from the fast paths over the given columns (all rows, or a subsample for speed). */
export function fastPathCandidates(variables: readonly string[], columns: readonly Float64Array[], target: Float64Array, signal?: AbortSignal): Candidate[] {
  const out: Candidate[] = [];
  let mean = 0;
  for (let i = 0; i < target.length; i++) mean += target[i];
  out.push({ expr: param(0), params: [mean / target.length], source: "constant" });
  for (const m of fitMonomials(variables, columns, target).slice(0, 3)) out.push({ expr: m.expr, params: m.params, source: "monomial" });
  if (signal?.aborted) return out;
  const features = buildFeatures(variables, columns, { maxPairVariables: 8, hingeKnots: 3 });
  for (const m of forwardSelect(features, target, 6, signal)) if (m.terms > 0) out.push({ expr: m.expr, params: m.params, source: `linear-${m.terms}` });
  return out;
}
