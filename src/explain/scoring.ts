/**
 * Scores a candidate tree on the search rows: abstract its constants and look its raw shape up; evaluate
 * it with its inherited constants, or — when its structure can win — simplify it, look the simplified
 * shape up in a cache keyed by structural hash (each shape is fitted once), fit constants by
 * Levenberg–Marquardt and return the normalised loss. This is where every evaluation of the search is spent.
 */
import type { Expr } from "../expr/ast.js";
import { compile, complexity, exprKey, fitParams, hashString, simplify, UnknownVariableError } from "../expr/index.js";
import { columnIndexer } from "../expr/compile.js";
import { buildTreePlan, type Plan } from "../expr/plan.js";
import { runPlan } from "../expr/vector-eval.js";
import type { PopMember } from "./pop-member.js";
import { inlineParams, paramize, shapeKey } from "./tree-ops.js";
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

/** How a raw shape (a child's tree with its free constants abstracted, before simplification) evaluates. */
interface RawShape {
  /** The interpreter plan of the raw shape, or null when it names an input the search does not have. */
  plan: Plan | null;
  complexity: number;
  hash: string;
}

/**
 * Rows a constant fit runs on. Levenberg–Marquardt's cost grows with the rows; a few dozen rows spread over
 * the search rows pin a shape's constants as well as all of them do, and the loss is then measured on all.
 */
export const FIT_ROWS = 48;

/** `data` thinned to `m` rows spread evenly over it (itself when it has at most 1.5·m rows). */
export function thinRows(data: SearchData, m: number): SearchData {
  const n = data.target.length;
  if (n <= m * 1.5) return data;
  const idx = Array.from({ length: m }, (_, k) => Math.floor((k * n) / m));
  const take = (c: Float64Array) => Float64Array.from(idx, (i) => c[i]);
  return { variables: data.variables, columns: data.columns.map(take), target: take(data.target), targetVariance: data.targetVariance, ...(data.scales ? { scales: take(data.scales) } : {}) };
}

/** Entries kept per cache before it is cleared (a search visits far fewer shapes than this per epoch). */
const CACHE_LIMIT = 200_000;

/**
 * Fits and caches candidate shapes; counts the evaluations it performs. The hot path — a child scored
 * with the constants it inherited — costs one key walk, a map look-up and one interpreted evaluation on a
 * shared scratch: it is neither simplified nor compiled afresh. Simplification and the constant fit are
 * spent only on children whose structure can win (better than their parent, or drawn for a refit).
 */
export class Scorer {
  private readonly cache = new Map<string, { loss: number; params: number[]; expr: Expr; complexity: number; hash: string } | null>();
  /** Fit results by raw shape key, so a child whose raw shape was fitted before costs a look-up. */
  private readonly fittedByRaw = new Map<string, { loss: number; params: number[]; expr: Expr; complexity: number; hash: string } | null>();
  private readonly rawShapes = new Map<string, RawShape>();
  private readonly columnIndex: (name: string) => number;
  private readonly scratch: Float64Array[] = [];
  /** Candidates fitted or evaluated so far (cache hits are free and not counted). */
  evaluations = 0;
  /** Of those, the ones whose constants were fitted (the rest were evaluated with inherited constants). */
  fits = 0;
  private readonly buffer: Float64Array;

  /** The rows constants are fitted on: every row, or an even spread of FIT_ROWS of them. */
  private readonly fitData: SearchData;

  constructor(
    private readonly data: SearchData,
    private readonly fitIterations = 12,
    /** Share of candidates whose constants are refitted (the rest keep their inherited values). */
    private readonly fitRate = 0.08,
    /** Rows the constant fit runs on (the loss is always measured on every row); more rows than this are thinned. */
    fitRows = FIT_ROWS,
  ) {
    this.buffer = new Float64Array(data.target.length);
    this.columnIndex = columnIndexer(data.variables);
    this.fitData = thinRows(data, fitRows);
  }

  /**
   * Scores `tree`. Its constants are refitted by Levenberg–Marquardt with probability `fitRate`
   * (decided by `draw` ∈ [0, 1)) or when the shape is new and cheap; otherwise the inherited constants are
   * evaluated as they are, which costs one interpreted evaluation instead of a fit (PySR's optimiser
   * probability). A child that beats its parent with inherited constants is promising and is fitted.
   */
  score(tree: Expr, birth: number, seed: number, draw = 0, parentLoss = Infinity): PopMember | null {
    const raw = shapeKey(tree);
    const fitted = this.fittedByRaw.get(raw.key);
    if (fitted !== undefined) return fitted ? { expr: fitted.expr, hash: fitted.hash, loss: fitted.loss, complexity: fitted.complexity, birth } : null;
    if (raw.constants.length > 0 && draw >= this.fitRate) {
      const shape = this.rawShape(tree, raw.key);
      if (!shape.plan) return null;
      const loss = this.evaluatePlan(shape.plan, raw.constants);
      if (!Number.isFinite(loss)) return null;
      if (!(loss < parentLoss)) return { expr: tree, hash: shape.hash, loss, complexity: shape.complexity, birth };
    }
    const simplified = simplify(tree);
    const { expr: shape, init } = paramize(simplified);
    const shapeKeyText = exprKey(shape);
    const hash = hashString(shapeKeyText);
    let hit = this.cache.get(hash);
    if (hit === undefined) {
      hit = this.fit(shape, init, seed, hash);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(hash, hit);
    }
    if (this.fittedByRaw.size >= CACHE_LIMIT) this.fittedByRaw.clear();
    this.fittedByRaw.set(raw.key, hit);
    // The fitted law's own raw shape is the simplified shape: its children that only move constants hit too.
    this.fittedByRaw.set(shapeKeyText, hit);
    if (!hit) return null;
    return { expr: hit.expr, hash, loss: hit.loss, complexity: hit.complexity, birth };
  }

  private rawShape(tree: Expr, key: string): RawShape {
    let shape = this.rawShapes.get(key);
    if (shape === undefined) {
      const { expr } = paramize(tree);
      let plan: Plan | null;
      try {
        plan = buildTreePlan(expr, this.columnIndex);
      } catch (err) {
        // A tree naming an input the search does not have; anything else is a bug.
        if (!(err instanceof UnknownVariableError)) throw err;
        plan = null;
      }
      shape = { plan, complexity: complexity(expr), hash: hashString(key) };
      if (this.rawShapes.size >= CACHE_LIMIT) this.rawShapes.clear();
      this.rawShapes.set(key, shape);
    }
    return shape;
  }

  /** Normalised loss of a plan at `params` on the search rows (NaN/Infinity when not finite). */
  private evaluatePlan(plan: Plan, params: readonly number[]): number {
    this.evaluations++;
    const { columns, target, targetVariance, scales } = this.data;
    const n = target.length;
    const pred = runPlan(plan, columns, params, n, [this.buffer], this.scratch)[0];
    return scaledSquaredError(pred, target, scales) / n / targetVariance;
  }

  private fit(shape: Expr, init: number[], seed: number, hash: string): { loss: number; params: number[]; expr: Expr; complexity: number; hash: string } | null {
    this.evaluations++;
    if (init.length > 0) this.fits++;
    const { variables, columns, target, targetVariance, scales } = this.data;
    const n = target.length;
    let params = init;
    let sse: number;
    try {
      if (init.length > 0) {
        const rows = this.fitData;
        const fit = fitParams(shape, variables, rows.columns, rows.target, { init, restarts: 0, seed, maxIterations: this.fitIterations, ...(rows.scales ? { scales: rows.scales } : {}) });
        params = fit.params;
        sse = fit.sse;
        if (rows !== this.data && Number.isFinite(sse)) {
          // Fitted on a thinned set of rows: the loss that ranks the law is measured on every row.
          const pred = runPlan(buildTreePlan(shape, this.columnIndex), columns, params, n, [this.buffer], this.scratch)[0];
          sse = scaledSquaredError(pred, target, scales);
        }
      } else {
        const pred = compile(shape, variables).evaluate(columns, params, this.buffer);
        sse = scaledSquaredError(pred, target, scales);
      }
    } catch (err) {
      // A seed law may name an input the search does not have (screened out): it cannot be scored here.
      if (!(err instanceof UnknownVariableError)) throw err;
      return null;
    }
    if (!Number.isFinite(sse)) return null;
    const loss = sse / n / targetVariance;
    return { loss, params, expr: inlineParams(shape, params), complexity: complexity(shape), hash };
  }
}
