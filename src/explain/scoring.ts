/**
 * Scores a candidate tree on the search rows: simplify, abstract its constants, look the shape up in
 * a cache keyed by structural hash (each shape is fitted once), fit constants by Levenberg–Marquardt
 * and return the normalised loss. This is where every evaluation of the search is spent.
 */
import type { Expr } from "../expr/ast.js";
import { compile, complexity, exprHash, fitParams, simplify } from "../expr/index.js";
import type { PopMember } from "./popMember.js";
import { inlineParams, paramize } from "./treeOps.js";

/** The data one search works on (possibly a row subsample and possibly π-transformed variables). */
export interface SearchData {
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  /** Variance of the target (the loss normaliser); 1 when the target is constant. */
  targetVariance: number;
}

/** Fits and caches candidate shapes; counts the evaluations it performs. */
export class Scorer {
  private readonly cache = new Map<string, { loss: number; params: number[]; expr: Expr; complexity: number } | null>();
  /** Candidates fitted so far (cache hits are free and not counted). */
  evaluations = 0;

  constructor(
    private readonly data: SearchData,
    private readonly fitIterations = 12,
  ) {}

  /** Scores `tree`; null when it cannot be evaluated (non-finite everywhere, unsimplifiable…). */
  score(tree: Expr, birth: number, seed: number): PopMember | null {
    let simplified: Expr;
    try {
      simplified = simplify(tree);
    } catch {
      return null;
    }
    const { expr: shape, init } = paramize(simplified);
    const hash = exprHash(shape);
    let hit = this.cache.get(hash);
    if (hit === undefined) {
      hit = this.fit(shape, init, seed);
      this.cache.set(hash, hit);
      if (this.cache.size > 200_000) this.cache.clear();
    }
    if (!hit) return null;
    return { expr: hit.expr, hash, loss: hit.loss, complexity: hit.complexity, birth };
  }

  private fit(shape: Expr, init: number[], seed: number): { loss: number; params: number[]; expr: Expr; complexity: number } | null {
    this.evaluations++;
    const { variables, columns, target, targetVariance } = this.data;
    const n = target.length;
    let params = init;
    let sse: number;
    try {
      if (init.length > 0) {
        const fit = fitParams(shape, variables, columns, target, { init, restarts: 0, seed, maxIterations: this.fitIterations });
        params = fit.params;
        sse = fit.sse;
      } else {
        const pred = compile(shape, variables).evaluate(columns, params);
        sse = 0;
        for (let i = 0; i < n; i++) sse += (pred[i] - target[i]) ** 2;
      }
    } catch {
      return null;
    }
    if (!Number.isFinite(sse)) return null;
    const loss = sse / n / targetVariance;
    return { loss, params, expr: inlineParams(shape, params), complexity: complexity(shape) };
  }
}
