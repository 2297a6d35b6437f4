/**
 * The one way to fit a law's constants and score the law on evidence, shared by the `score` command, the
 * Explainer's final choice, the discovery loop's gate and its falsification test, so that a law gets the
 * same constants, bits, R² and RMSE wherever it is judged. The rules, in one place:
 *
 * - Rows: a row counts when its target is finite; rows with a missing or infinite target are ignored by the
 *   fit, the residual code, R² and RMSE alike. A law whose prediction is not finite on a counted row cannot
 *   be scored there (`scoreLaw` returns undefined).
 * - Noise: with the evidence's noise scales g_i the constants minimise Σ((y − f)/g)² and the residual code
 *   prices the standardised residuals (see `dataBits`); R² and RMSE stay the plain, unweighted figures people
 *   read.
 * - Constants: Levenberg–Marquardt with restarts (`fitParams` of src/expr) from the given constants (missing
 *   ones start at 1); the refit never returns constants worse than those it started from.
 * - Code book: every law is priced with the evidence's own variable count and noise scales, so totals of
 *   laws scored on the same evidence compare; each fitted constant is priced by its Fisher information on
 *   the evidence (the precision the rows pin it down to; see `descriptionLength`).
 */
import type { Bits } from "../core/bits.js";
import { columnsOf, type Evidence } from "../core/evidence.js";
import { compile, compileJacobian, fitParams, paramCount, variablesOf, type Expr, type FitReport } from "../expr/index.js";
import { descriptionLength } from "./description-length.js";

/** The parts of `Evidence` a law is fitted and scored on. */
export type FitData = Pick<Evidence, "variables" | "columns" | "target" | "scales">;

/** How to refit a law's constants. */
export interface FitLawOptions {
  /** Starting constants (missing or non-finite ones start at 1). */
  init?: readonly number[];
  /** Extra Levenberg–Marquardt starts after the first (default 8, as `fitParams`). */
  restarts?: number;
  /** Seed of the restarts (default 0). */
  seed?: number;
  /** Iterations per start (default 100, as `fitParams`). */
  maxIterations?: number;
  signal?: AbortSignal;
}

/** A law's refitted constants. */
export interface FittedConstants {
  /** One per param of the law: the fit's, or the starting constants when the fit could not improve on them. */
  params: number[];
  /** The fit's criterion at `params` (Σ((y − f)/g)², plain Σ(y − f)² without noise scales); Infinity if not finite. */
  sse: number;
  /** Whether the fit stopped on a convergence criterion rather than the iteration limit. */
  converged: boolean;
  /** What the fitter tried and why it stopped (absent for a law without constants). */
  report?: FitReport;
}

/** How well a law with given constants explains some evidence. */
export interface LawScore {
  /** Description length on the evidence with its own code book (finite). */
  bits: Bits;
  /** Coefficient of determination; see `rSquared` for a constant target. */
  r2: number;
  /** Root-mean-square error (unweighted). */
  rmse: number;
  /** The fit's criterion: Σ((y − f)/g)² with noise scales, else Σ(y − f)² (finite). */
  sse: number;
  /** The law's prediction on every row. */
  predicted: Float64Array;
}

/**
 * Refits the constants of `expr` on `data` from `opts.init` (see the module rules): the fit's constants when
 * they are finite and strictly better than the start, else the start. A law without constants is not fitted.
 */
export function fitLaw(expr: Expr, data: FitData, opts: FitLawOptions = {}): FittedConstants {
  const k = paramCount(expr);
  const start = Array.from({ length: k }, (_, j) => opts.init?.[j] ?? 1);
  const before = lawSse(expr, start, data);
  if (k === 0) return { params: start, sse: before, converged: true };
  const fit = fitParams(expr, data.variables, columnsOf(data), data.target, {
    init: start,
    ...(opts.restarts !== undefined ? { restarts: opts.restarts } : {}),
    seed: opts.seed ?? 0,
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
    signal: opts.signal,
    ...(data.scales ? { scales: data.scales } : {}),
  });
  // Levenberg–Marquardt only steps downhill, but a fit polished on all rows after restarts on a subsample
  // can end above its own start; the start is then the better answer.
  if (Number.isFinite(fit.sse) && fit.params.every(Number.isFinite) && !(before <= fit.sse)) return fit;
  return { params: start, sse: before, converged: fit.converged, ...(fit.report ? { report: fit.report } : {}) };
}

/**
 * Scores a law with the given constants on `data` (see the module rules): bits with the evidence's code
 * book, R², RMSE and the fit's criterion. Undefined when it cannot be scored there: no counted row, a
 * variable the evidence lacks, or a prediction (or description length) that is not finite on a counted row.
 */
export function scoreLaw(expr: Expr, params: readonly number[], data: FitData): LawScore | undefined {
  const { variables, target, scales } = data;
  if (!variablesOf(expr).every((v) => variables.includes(v))) return undefined;
  if (!target.some(Number.isFinite)) return undefined;
  const predicted = compile(expr, variables).evaluate(columnsOf(data), params, new Float64Array(target.length));
  const plain = squaredError(target, predicted);
  if (!Number.isFinite(plain)) return undefined;
  const sse = scales ? scaledError(target, predicted, scales) : plain;
  if (!Number.isFinite(sse)) return undefined;
  const curvature = paramCurvature(expr, params, data);
  const bits = descriptionLength(expr, params, target, predicted, { variableCount: variables.length, ...(scales ? { scales } : {}), ...(curvature ? { curvature } : {}) });
  if (!Number.isFinite(bits.total)) return undefined;
  return { bits, r2: rSquared(target, predicted), rmse: rootMeanSquareError(target, predicted), sse, predicted };
}

/**
 * The law's sensitivity to each constant, Σ_i (∂f_i/∂θ_j / g_i)² over the counted rows (the diagonal of the
 * Fisher information times the residual variance), by which `descriptionLength` prices the constants.
 * Undefined for a law without constants; NaN for a constant whose derivative is not finite on some row.
 */
export function paramCurvature(expr: Expr, params: readonly number[], data: FitData): number[] | undefined {
  const k = paramCount(expr);
  if (k === 0 || params.length < k) return undefined;
  const { target, scales } = data;
  const { dParams } = compileJacobian(expr, data.variables).evaluate(columnsOf(data), params);
  return dParams.map((d) => {
    let s = 0;
    for (let i = 0; i < target.length; i++) {
      if (!Number.isFinite(target[i])) continue;
      const v = scales ? d[i] / scales[i] : d[i];
      s += v * v;
    }
    return Number.isFinite(s) ? s : NaN;
  });
}

/** The fit's criterion Σ((y − f)/g)² (plain Σ(y − f)² without noise scales) over the counted rows; Infinity if not finite. */
export function lawSse(expr: Expr, params: readonly number[], data: FitData): number {
  if (!variablesOf(expr).every((v) => data.variables.includes(v))) return Infinity;
  const predicted = compile(expr, data.variables).evaluate(columnsOf(data), params, new Float64Array(data.target.length));
  const s = data.scales ? scaledError(data.target, predicted, data.scales) : squaredError(data.target, predicted);
  return Number.isFinite(s) ? s : Infinity;
}

/**
 * Coefficient of determination 1 − SSE/SST over the rows with a finite target. A constant target (SST = 0)
 * gives 1 when it is matched exactly and 0 otherwise — the law explains none of a variance that is not
 * there — rather than 1 − SSE/0 = −∞, so that R² stays a finite number in every report and journal (the
 * convention of scikit-learn's `r2_score`). −∞ when a prediction on such a row is not finite.
 */
export function rSquared(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i])) continue;
    n += 1;
    sum += target[i];
  }
  const mean = sum / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    const r = y - predicted[i];
    sse += r * r;
    sst += (y - mean) * (y - mean);
  }
  if (!Number.isFinite(sse)) return -Infinity;
  if (!(sst > 0)) return sse === 0 ? 1 : 0;
  return 1 - sse / sst;
}

/** Root-mean-square error over the rows with a finite target (0 with none; Infinity if a prediction there is not finite). */
export function rootMeanSquareError(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) n += 1;
  if (n === 0) return 0;
  const sse = squaredError(target, predicted);
  return Number.isFinite(sse) ? Math.sqrt(sse / n) : Infinity;
}

/** Σ(y − f)² over the rows with a finite target. */
function squaredError(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i])) continue;
    const r = target[i] - predicted[i];
    s += r * r;
  }
  return s;
}

/** Σ((f − y)/g)² over the rows with a finite target. */
function scaledError(target: ArrayLike<number>, predicted: ArrayLike<number>, scales: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) s += ((predicted[i] - target[i]) / scales[i]) ** 2;
  return s;
}
