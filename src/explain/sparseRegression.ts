/**
 * Sparse subset selection over a feature library: forward stepwise least squares (add the feature
 * that lowers the residual most, refit all coefficients by OLS). It returns the best model of every
 * size, so the description-length rule, not a fixed penalty, decides how many terms the law keeps.
 */
import { add, mul, param, type Expr } from "../expr/ast.js";
import type { Feature } from "./features.js";
import { leastSquares } from "./linalg.js";

/** A linear-in-features law: c0 + Σ cᵢ·featureᵢ. */
export interface LinearModel {
  expr: Expr;
  params: number[];
  sse: number;
  terms: number;
}

/** Forward stepwise selection up to `maxTerms` features; one model per size (0 = intercept only). */
export function forwardSelect(features: readonly Feature[], y: Float64Array, maxTerms: number, signal?: AbortSignal): LinearModel[] {
  const n = y.length;
  const ones = new Float64Array(n).fill(1);
  const chosen: number[] = [];
  const models: LinearModel[] = [];
  let current = leastSquares([ones], y);
  models.push(buildModel(features, chosen, current.coef, current.sse));
  for (let step = 0; step < maxTerms; step++) {
    if (signal?.aborted) break;
    let bestJ = -1;
    let bestSse = current.sse;
    let bestCoef: number[] = [];
    const base = [ones, ...chosen.map((j) => features[j].values)];
    for (let j = 0; j < features.length; j++) {
      if (chosen.includes(j)) continue;
      const fit = leastSquares([...base, features[j].values], y);
      if (!fit.fullRank) continue;
      // Ties (within rounding) go to the cheaper feature.
      const better = fit.sse < bestSse * (1 - 1e-9) || (bestJ >= 0 && fit.sse <= bestSse * (1 + 1e-9) && features[j].cost < features[bestJ].cost);
      if (better) {
        bestJ = j;
        bestSse = fit.sse;
        bestCoef = fit.coef;
      }
    }
    if (bestJ < 0) break;
    chosen.push(bestJ);
    current = { coef: bestCoef, sse: bestSse, fullRank: true };
    models.push(buildModel(features, chosen, bestCoef, bestSse));
    if (bestSse <= 1e-28 * n) break;
  }
  return models;
}

function buildModel(features: readonly Feature[], chosen: number[], coef: number[], sse: number): LinearModel {
  let expr: Expr = param(0);
  const params = [coef[0]];
  chosen.forEach((j, t) => {
    const term = mul(param(t + 1), features[j].expr);
    expr = add(expr, term);
    params.push(coef[t + 1]);
  });
  return { expr, params, sse, terms: chosen.length };
}
