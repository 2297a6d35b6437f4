import type { Bits } from "../core/bits.js";
import type { Expr } from "../expr/ast.js";
import type { CrossValidation } from "./cross-validation.js";
import type { IslandExecutorFactory } from "./island-executor.js";

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
  /**
   * Where the search's islands run (default: in this process, one after another). src/parallel's
   * `islandExecutor(threads)` runs them on worker threads; results are reproducible for a given seed and
   * executor (and thread count).
   */
  executor?: IslandExecutorFactory;
  /**
   * Laws to start from (contract infix, trees, or trees with their fitted constants); language-model
   * proposals and the previous round arrive here. Their constants are refitted, never dropped.
   */
  warmStart?: WarmStart[];
  /** Whether to try the fast paths (monomial, linear-in-features, enumeration) before searching (default true). */
  fastPaths?: boolean;
  /**
   * The building blocks the search and the fast paths may use (`+ - * / ^ min max` and function names;
   * see operator-choice.ts); default: the search's default vocabulary and every fast-path law.
   */
  operators?: readonly string[];
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
  /**
   * Held-out error of the chosen law's shape, its constants refitted on the other folds (leave-one-out or
   * k-fold on tables under 200 rows, 5-fold on a sample of larger ones; see final-choice.ts).
   */
  crossValidation?: CrossValidation;
  /** Problems noticed on the way (e.g. units contradicted by the data, a chosen law undefined near the data). */
  warnings?: string[];
}
