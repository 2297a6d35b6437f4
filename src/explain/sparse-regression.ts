/**
 * Sparse subset selection over a feature library: stepwise least squares with exchanges. Each step
 * adds the feature that lowers the residual most, then tries swapping each chosen feature for any
 * other while that helps; two-term models are searched exhaustively when the library is small
 * (greedy forward selection alone is fooled by features that mix two true terms). Selection runs on at most 256 rows; the coefficients of every model size are refitted on
 * all rows, and the description-length rule, not a fixed penalty, decides how many terms to keep.
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

const SELECTION_ROWS = 256;
/** Libraries up to this size get an exhaustive search over all pairs of features. */
const MAX_PAIR_SEARCH = 400;

/** Stepwise selection up to `maxTerms` features; one model per size (0 = intercept only). */
export function forwardSelect(features: readonly Feature[], y: Float64Array, maxTerms: number, signal?: AbortSignal): LinearModel[] {
  const n = y.length;
  const m = Math.min(n, SELECTION_ROWS);
  const ySub = y.subarray(0, m);
  const sub = features.map((f) => f.values.subarray(0, m));
  const onesSub = new Float64Array(m).fill(1);
  const sseOf = (chosen: readonly number[]): number => {
    const fit = leastSquares([onesSub, ...chosen.map((j) => sub[j])], ySub);
    return fit.fullRank ? fit.sse : Infinity;
  };
  const chosen: number[] = [];
  const models: LinearModel[] = [refit(features, [], y)];
  let current = sseOf([]);
  for (let step = 0; step < maxTerms; step++) {
    if (signal?.aborted) break;
    let bestJ = -1;
    let bestSse = current;
    for (let j = 0; j < features.length; j++) {
      if (chosen.includes(j)) continue;
      const sse = sseOf([...chosen, j]);
      // Ties (within rounding) go to the cheaper feature.
      if (sse < bestSse * (1 - 1e-9) || (bestJ >= 0 && sse <= bestSse * (1 + 1e-9) && features[j].cost < features[bestJ].cost)) {
        bestJ = j;
        bestSse = sse;
      }
    }
    if (bestJ < 0) break;
    chosen.push(bestJ);
    if (chosen.length === 2 && features.length <= MAX_PAIR_SEARCH) bestSse = bestPair(chosen, bestSse, features.length, sseOf, signal);
    current = exchange(chosen, bestSse, features.length, sseOf, signal);
    models.push(refit(features, chosen, y));
    if (current <= 1e-28 * m) break;
  }
  return models;
}

// Exhaustive search over pairs: two-term laws are common, and pairs are cheap to try on few rows.
function bestPair(chosen: number[], sse: number, p: number, sseOf: (c: readonly number[]) => number, signal?: AbortSignal): number {
  for (let a = 0; a < p; a++) {
    if (signal?.aborted) break;
    for (let b = a + 1; b < p; b++) {
      const s = sseOf([a, b]);
      if (s < sse * (1 - 1e-9)) {
        chosen[0] = a;
        chosen[1] = b;
        sse = s;
      }
    }
  }
  return sse;
}

// Swaps chosen features for unchosen ones while the residual drops (at most a few passes).
function exchange(chosen: number[], sse: number, p: number, sseOf: (c: readonly number[]) => number, signal?: AbortSignal): number {
  for (let pass = 0; pass < 3 && chosen.length > 1; pass++) {
    let improved = false;
    for (let t = 0; t < chosen.length; t++) {
      if (signal?.aborted) return sse;
      for (let j = 0; j < p; j++) {
        if (chosen.includes(j)) continue;
        const trial = chosen.slice();
        trial[t] = j;
        const s = sseOf(trial);
        if (s < sse * (1 - 1e-9)) {
          chosen[t] = j;
          sse = s;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return sse;
}

function refit(features: readonly Feature[], chosen: readonly number[], y: Float64Array): LinearModel {
  const n = y.length;
  const fit = leastSquares([new Float64Array(n).fill(1), ...chosen.map((j) => features[j].values)], y);
  let expr: Expr = param(0);
  const params = [fit.coef[0]];
  chosen.forEach((j, t) => {
    expr = add(expr, mul(param(t + 1), features[j].expr));
    params.push(fit.coef[t + 1]);
  });
  return { expr, params, sse: fit.sse, terms: chosen.length };
}
