/**
 * Scores a candidate tree on the search rows: simplify, abstract its constants, look the shape up in
 * a cache keyed by structural hash (each shape is fitted once), fit constants by Levenberg–Marquardt
 * and return the normalised loss. This is where every evaluation of the search is spent.
 */
import type { Expr } from "../expr/ast.js";
import { compile, complexity, exprHash, fitParams, simplify, UnknownVariableError } from "../expr/index.js";
import type { PopMember } from "./pop-member.js";
import { inlineParams, paramize } from "./tree-ops.js";
import { scaledSquaredError } from "../core/noise.js";

/** The data one search works on (possibly a row subsample and possibly π-transformed variables). */
export interface SearchData {
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  /** Variance of the target (the loss normaliser; of the standardised target with scales); 1 when the target is constant. */
  targetVariance: number;
  /** Per-row noise scales of these rows: the loss is then the weighted Σ((f − y)/g)², as in the final choice. */
  scales?: Float64Array;
}

/** Fits and caches candidate shapes; counts the evaluations it performs. */
export class Scorer {
  private readonly cache = new Map<string, { loss: number; params: number[]; expr: Expr; complexity: number } | null>();
  /** Candidates fitted or evaluated so far (cache hits are free and not counted). */
  evaluations = 0;
  private readonly buffer: Float64Array;

  constructor(
    private readonly data: SearchData,
    private readonly fitIterations = 12,
    /** Share of candidates whose constants are refitted (the rest keep their inherited values). */
    private readonly fitRate = 0.08,
  ) {
    this.buffer = new Float64Array(data.target.length);
  }

  /**
   * Scores `tree`. Its constants are refitted by Levenberg–Marquardt with probability `fitRate`
   * (decided by `draw` ∈ [0, 1)) or when the shape is new and cheap; otherwise the inherited constants are
   * evaluated as they are, which costs one compiled evaluation instead of a fit (PySR's optimiser probability).
   */
  score(tree: Expr, birth: number, seed: number, draw = 0, parentLoss = Infinity): PopMember | null {
    const simplified = simplify(tree);
    const { expr: shape, init } = paramize(simplified);
    const hash = exprHash(shape);
    let hit = this.cache.get(hash);
    if (hit === undefined && init.length > 0 && draw >= this.fitRate) {
      const quick = this.evaluateAsIs(shape, init);
      if (!quick) return null;
      // A child already better than its parent with inherited constants is promising: fit it.
      if (!(quick.loss < parentLoss)) return { expr: simplified, hash, loss: quick.loss, complexity: quick.complexity, birth };
    }
    if (hit === undefined) {
      hit = this.fit(shape, init, seed);
      this.cache.set(hash, hit);
      if (this.cache.size > 200_000) this.cache.clear();
    }
    if (!hit) return null;
    return { expr: hit.expr, hash, loss: hit.loss, complexity: hit.complexity, birth };
  }

  private evaluateAsIs(shape: Expr, params: number[]): { loss: number; complexity: number } | null {
    this.evaluations++;
    const { variables, columns, target, targetVariance, scales } = this.data;
    const n = target.length;
    let sse: number;
    try {
      const pred = compile(shape, variables).evaluate(columns, params, this.buffer);
      sse = scaledSquaredError(pred, target, scales);
    } catch (err) {
      // As in fit: a tree naming an input the search does not have; anything else is a bug.
      if (!(err instanceof UnknownVariableError)) throw err;
      return null;
    }
    if (!Number.isFinite(sse)) return null;
    return { loss: sse / n / targetVariance, complexity: complexity(shape) };
  }

  private fit(shape: Expr, init: number[], seed: number): { loss: number; params: number[]; expr: Expr; complexity: number } | null {
    this.evaluations++;
    const { variables, columns, target, targetVariance, scales } = this.data;
    const n = target.length;
    let params = init;
    let sse: number;
    try {
      if (init.length > 0) {
        const fit = fitParams(shape, variables, columns, target, { init, restarts: 0, seed, maxIterations: this.fitIterations, ...(scales ? { scales } : {}) });
        params = fit.params;
        sse = fit.sse;
      } else {
        const pred = compile(shape, variables).evaluate(columns, params);
        sse = scaledSquaredError(pred, target, scales);
      }
    } catch (err) {
      // A seed law may name an input the search does not have (screened out): it cannot be scored here.
      if (!(err instanceof UnknownVariableError)) throw err;
      return null;
    }
    if (!Number.isFinite(sse)) return null;
    const loss = sse / n / targetVariance;
    return { loss, params, expr: inlineParams(shape, params), complexity: complexity(shape) };
  }
}
