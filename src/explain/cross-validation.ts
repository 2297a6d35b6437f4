/**
 * k-fold cross-validation of a law's shape: its constants are refitted on the training folds (from the
 * constants fitted on all rows) and the law predicts each held-out fold. The held-out error says how well
 * the shape, not one set of constants, predicts rows it has not seen — what a scientist with a small table
 * asks of a law, and the check on the description-length choice where a table is too small for the
 * asymptotic code to be trusted.
 */
import { compile, paramCount, variablesOf, type Expr } from "../expr/index.js";
import { fitLaw, type FitData } from "../mdl/fit-and-score.js";
import { Rng } from "../random/index.js";

/** Tables with at most this many counted rows are cross-validated leave-one-out; larger ones in `DEFAULT_FOLDS` folds. */
export const LEAVE_ONE_OUT_ROWS = 12;
/** Folds of a table larger than `LEAVE_ONE_OUT_ROWS`. */
export const DEFAULT_FOLDS = 10;

/** The held-out error of a law's shape. */
export interface CrossValidation {
  /** Number of folds (the row count for leave-one-out). */
  folds: number;
  /** Root-mean-square held-out error, in the target's units; Infinity when the law could not predict some held-out row. */
  rmse: number;
  /**
   * The held-out error that laws are compared by: the root mean square of (y − f)/g under the evidence's
   * noise scales g, else equal to `rmse`.
   */
  error: number;
  /**
   * Each counted row's held-out residual (y − f)/g (g = 1 without noise scales), in row order; absent when
   * the error is Infinity. For paired comparisons of two laws on the same folds (`clearlyBetter`).
   */
  residuals?: Float64Array;
}

/** How many standard errors the mean paired difference must exceed for one law to predict clearly better. */
export const PAIRED_Z = 2;
/** One-sided level of the sign test that can also show a law predicts clearly better (about that of `PAIRED_Z`). */
export const SIGN_TEST_LEVEL = 0.025;
/** A held-out error this many times smaller is clearly better whatever the tests say (four times the squared error). */
export const DECISIVE_RATIO = 2;

/**
 * Whether law `a` predicts the held-out rows clearly better than law `b` (both cross-validated on the same
 * folds): its error is below b's divided by `margin`, and the paired squared held-out residuals say so
 * beyond chance — their mean difference exceeds `PAIRED_Z` standard errors, or `a` is better on so many
 * rows that a sign test rejects a coin at `SIGN_TEST_LEVEL` (on six rows: all six) — or its error is at
 * most 1/`DECISIVE_RATIO` of b's. One lucky row does not decide a close call, nor does a large error on one
 * row hide a law that is worse on every row. Errors below `floor`
 * count as `floor`. Without residuals (an infinite error) the margin alone decides.
 */
export function clearlyBetter(a: CrossValidation, b: CrossValidation, margin: number, floor = 0): boolean {
  const ea = Math.max(a.error, floor);
  const eb = Math.max(b.error, floor);
  if (!(ea * margin < eb)) return false;
  if (ea * DECISIVE_RATIO <= eb) return true;
  if (!a.residuals || !b.residuals || a.residuals.length !== b.residuals.length) return true;
  const n = a.residuals.length;
  if (n < 3) return true;
  let mean = 0;
  let wins = 0;
  let losses = 0;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = b.residuals[i] ** 2 - a.residuals[i] ** 2;
    mean += d[i] / n;
    if (d[i] > 0) wins += 1;
    else if (d[i] < 0) losses += 1;
  }
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  return mean > PAIRED_Z * se || signTestP(wins, wins + losses) < SIGN_TEST_LEVEL;
}

/** P(at least `wins` heads in `trials` tosses of a fair coin): the one-sided p-value of a sign test. */
export function signTestP(wins: number, trials: number): number {
  if (trials <= 0 || wins <= 0) return 1;
  // Σ_{j ≥ wins} C(trials, j)·2^−trials, term by term in logarithms (no overflow for large tables).
  let logTerm = -trials * Math.LN2;
  for (let j = 1; j <= wins; j++) logTerm += Math.log((trials - j + 1) / j);
  let p = 0;
  for (let j = wins; j <= trials; j++) {
    p += Math.exp(logTerm);
    logTerm += Math.log((trials - j) / (j + 1));
  }
  return Math.min(1, p);
}

/** How to cross-validate. */
export interface CrossValidationOptions {
  /** Number of folds (default: leave-one-out up to `LEAVE_ONE_OUT_ROWS` rows, else `DEFAULT_FOLDS`). */
  folds?: number;
  /** Seed of the fold assignment (default 0). */
  seed?: number;
  /** Levenberg–Marquardt iterations per refit (default 50). */
  maxIterations?: number;
  /** Extra starts per refit (default 0: the constants fitted on all rows are a good start). */
  restarts?: number;
  signal?: AbortSignal;
}

/** The default number of folds for `rows` counted rows (see `LEAVE_ONE_OUT_ROWS`). */
export function defaultFolds(rows: number): number {
  return rows <= LEAVE_ONE_OUT_ROWS ? rows : DEFAULT_FOLDS;
}

/**
 * The fold of each of `rows` rows: a seeded shuffle dealt round-robin into `k` folds, so fold sizes differ
 * by at most one. With k = rows it is leave-one-out (fold i holds row i).
 */
export function foldAssignment(rows: number, k: number, seed = 0): Int32Array {
  const folds = new Int32Array(rows);
  if (k >= rows) {
    for (let i = 0; i < rows; i++) folds[i] = i;
    return folds;
  }
  const order = Array.from({ length: rows }, (_, i) => i);
  const rng = new Rng(seed);
  for (let i = rows - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.forEach((row, r) => (folds[row] = r % k));
  return folds;
}

/**
 * Cross-validates the shape of `expr` on `data`: for each fold, refits the constants on the other rows
 * (starting from `params`) and predicts the fold's rows. Rows with a non-finite target take no part. A law
 * without constants is simply evaluated. The error is Infinity when a refitted law is not finite on a
 * held-out row (it cannot predict there), or when a law has more constants than a fold has training rows.
 */
export function crossValidate(expr: Expr, params: readonly number[], evidence: FitData, opts: CrossValidationOptions = {}): CrossValidation {
  // Only the inputs the law reads are copied into the folds (a table may have thousands of columns).
  const used = new Set(variablesOf(expr));
  const data: FitData = { ...evidence, variables: evidence.variables.filter((v) => used.has(v)) };
  const counted: number[] = [];
  for (let i = 0; i < data.target.length; i++) if (Number.isFinite(data.target[i])) counted.push(i);
  const n = counted.length;
  const k = Math.max(2, Math.min(n, opts.folds ?? defaultFolds(n)));
  if (n < 2) return { folds: 0, rmse: Infinity, error: Infinity };
  const fold = foldAssignment(n, k, opts.seed ?? 0);
  const program = compile(expr, data.variables);
  const constants = paramCount(expr);
  const hasConstants = constants > 0;
  let sse = 0;
  let scaled = 0;
  const residuals = new Float64Array(n);
  const position = new Map(counted.map((row, r) => [row, r]));
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    counted.forEach((row, r) => (fold[r] === f ? test : train).push(row));
    if (test.length === 0) continue;
    // More constants than training rows: the training rows do not determine them, and a refit that starts
    // from the constants fitted on all rows would keep those, held-out rows included. Not a prediction.
    if (constants > train.length) return { folds: k, rmse: Infinity, error: Infinity };
    let fitted = params;
    if (hasConstants && train.length > 0) {
      fitted = fitLaw(expr, rowsOf(data, train), {
        init: params,
        restarts: opts.restarts ?? 0,
        seed: opts.seed ?? 0,
        maxIterations: opts.maxIterations ?? 50,
        signal: opts.signal,
      }).params;
    }
    const held = rowsOf(data, test);
    const predicted = program.evaluate(
      held.variables.map((v) => held.columns[v]),
      fitted,
      new Float64Array(test.length),
    );
    for (let i = 0; i < test.length; i++) {
      const r = held.target[i] - predicted[i];
      if (!Number.isFinite(r)) return { folds: k, rmse: Infinity, error: Infinity };
      sse += r * r;
      const g = held.scales ? held.scales[i] : 1;
      scaled += (r / g) ** 2;
      residuals[position.get(test[i])!] = r / g;
    }
  }
  return { folds: k, rmse: Math.sqrt(sse / n), error: Math.sqrt((data.scales ? scaled : sse) / n), residuals };
}

/** The rows of `data` with the given indices (columns, target and noise scales alike). */
function rowsOf(data: FitData, rows: readonly number[]): FitData {
  const pick = (a: Float64Array) => Float64Array.from(rows, (i) => a[i]);
  const columns: Record<string, Float64Array> = {};
  for (const v of data.variables) columns[v] = pick(data.columns[v]);
  return { variables: data.variables, columns, target: pick(data.target), ...(data.scales ? { scales: pick(data.scales) } : {}) };
}
