import type { Expr } from "../expr/ast.js";

/** The data the Explainer compresses: named input columns and a target column of equal length. */
export interface Evidence {
  /** Input variable names, in column order. */
  variables: string[];
  /** One column per variable (same length as `target`). */
  columns: Record<string, Float64Array>;
  target: Float64Array;
  targetName: string;
  /** Unit of each variable and of the target (by name), in the grammar of `src/expr/units`; optional. */
  units?: Record<string, string>;
  /**
   * Per-row noise scales g_i of the target (same length; from `noiseScales` of `src/mdl/noise-model.ts`): laws
   * are fitted by weighted least squares and priced on residuals standardised by them. Absent: absolute noise.
   */
  scales?: Float64Array;
}

/** Description length of a law on some evidence, in bits. */
export interface Bits {
  model: number;
  data: number;
  total: number;
}

/** One law on the Pareto front of complexity versus error. */
export interface ParetoEntry {
  expr: Expr;
  params: number[];
  /** Contract infix with the fitted constants substituted. */
  law: string;
  complexity: number;
  bits: Bits;
  r2: number;
  rmse: number;
}

/** Live progress of a search, reported a few times a second. */
export interface ExplainProgress {
  best: string;
  bits: number;
  r2: number;
  evaluations: number;
  evaluationsPerSecond: number;
  seconds: number;
}

/** How the Explainer may search. */
/** A law to start the search from: contract infix, a tree (constants start at 1), or a tree with its constants. */
export type WarmStart = string | Expr | { expr: Expr; params: readonly number[] };

export interface ExplainOptions {
  seed?: number;
  /** Wall-time budget in seconds. */
  timeSeconds?: number;
  /** Budget in candidate evaluations (whichever budget ends first stops the search). */
  maxEvaluations?: number;
  /** Worker threads (default: all cores); results are reproducible for a given seed and thread count. */
  threads?: number;
  /**
   * Laws to start from (contract infix, trees, or trees with their fitted constants); language-model
   * proposals and the previous round arrive here. Their constants are refitted, never dropped.
   */
  warmStart?: WarmStart[];
  /** Whether to try the fast paths (monomial, linear-in-features, enumeration) before searching (default true). */
  fastPaths?: boolean;
  /** Stops the search early; the best law so far is still returned. */
  signal?: AbortSignal;
  onProgress?: (p: ExplainProgress) => void;
}

/** What the Explainer found. Mirrors the `explain --json` contract. */
export interface ExplainResult {
  target: string;
  expr: Expr;
  params: number[];
  law: string;
  complexity: number;
  bits: Bits;
  r2: number;
  rmse: number;
  pareto: ParetoEntry[];
  evaluations: number;
  seconds: number;
  /** Rows ignored because a cell was missing or not finite. */
  droppedRows?: number;
  /** Problems noticed on the way (e.g. units contradicted by the data). */
  warnings?: string[];
}
