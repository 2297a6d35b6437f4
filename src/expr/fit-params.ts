/**
 * Fitting a law's constants by least squares, robustly: the criterion is normalised by the target's own
 * scale (so tolerances mean the same for data in nanometres and in pascals), Levenberg–Marquardt is
 * MINPACK-scaled (so constants of any magnitude move alike; see fit-lm.ts), constants that must keep a sign
 * move in log space, and the restarts differ in kind (fit-starts.ts: affine constants solved exactly,
 * magnitudes searched over fifteen decades) before the best point is polished to tight tolerances. What was
 * tried and why the fit stopped comes back in `report`, for the user to read when a fit does not converge.
 */
import { paramCount, type Expr } from "./ast.js";
import { compile } from "./compile.js";
import { compileJacobian } from "./jacobian.js";
import { criterion, isConvergedStop, levenbergMarquardt, POLISH, SEARCH, type LmProblem, type LmResult, type LmStop } from "./fit-lm.js";
import { exponentParams, linearParams, project, scanStart, screenStarts, type StartProblem } from "./fit-starts.js";
import { seededRandom } from "../random/index.js";

/** Options of `fitParams`. */
export interface FitOptions {
  /** First starting point (default: every param 1). */
  init?: ArrayLike<number>;
  /**
   * How hard to look beyond `init` (default 8). With any: Levenberg–Marquardt also runs from the magnitude
   * scans of `init` and of the neutral start (affine constants solved exactly), from the `restarts − 1` best
   * of `40 × restarts` random log-spread points, and from up to 3 rescans of the best fit; the best result is
   * then polished to tight tolerances. 0: one plain run from `init` (the search's inner loop).
   */
  restarts?: number;
  /** Seed of the restart generator (default 0); the fit is deterministic for a given seed. */
  seed?: number;
  /** Levenberg–Marquardt iterations per start (default 100; the final polish may take up to 5× more). */
  maxIterations?: number;
  /** Stops between iterations; the best point so far is returned. */
  signal?: AbortSignal;
  /** Rows used for the restarts when the data are larger (the best start is then polished on all rows; default 2000). */
  subsample?: number;
  /**
   * Per-row noise scales g_i (same length as the target): minimise Σ((y_i − f_i)/g_i)² instead of Σ(y_i − f_i)²
   * (weighted least squares, for noise whose spread grows with the level). Rows whose scale is not a positive
   * finite number are ignored. Absent: the plain unweighted fit.
   */
  scales?: ArrayLike<number>;
}

/** What a fit tried and how it ended, for a user whose fit did not converge. */
export interface FitReport {
  /** Levenberg–Marquardt runs started (the polish not counted). */
  starts: number;
  /** Candidate points scored without derivatives (magnitude scan and random screening). */
  screened: number;
  /** Criterion at the returned params (as `FitResult.sse`). */
  bestSse: number;
  /** Why the final run stopped: a convergence test (exact, ftol, xtol, gtol, stalled) or not (maxIterations, aborted, notFinite). */
  stop: LmStop;
  /** Iterations of the final run. */
  iterations: number;
}

/** Outcome of a constant fit. */
export interface FitResult {
  /** Best params found (length = the law's param count). */
  params: number[];
  /** Sum of squared residuals (each divided by its row's scale when `scales` are given) over the rows with a finite target; Infinity if no finite fit was found. */
  sse: number;
  /** Whether the final run stopped on a convergence criterion rather than the iteration limit. */
  converged: boolean;
  /** What was tried (absent for a law without constants). */
  report?: FitReport;
}

interface Problem extends LmProblem {
  start: StartProblem;
  /** Criterion units back to the caller's: SSE = criterion × outputScale². */
  outputScale2: number;
}

/**
 * Fits the params of `expr` by weighted least squares (see the module comment). Rows whose target or inputs
 * are not finite are ignored. Steps that produce NaN or overflow are rejected like uphill steps, so a bad
 * start costs time, never the result.
 */
export function fitParams(
  expr: Expr,
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: FitOptions = {},
): FitResult {
  const k = paramCount(expr);
  if (opts.scales && opts.scales.length !== target.length) throw new Error(`fitParams: ${opts.scales.length} scales for ${target.length} rows`);
  const inputs = columns.slice(0, variables.length);
  const rows = finiteRows(inputs, target, opts.scales);
  const cols = rows ? inputs.map((c) => pick(c, rows)) : inputs.map((c) => c);
  const y = rows ? pick(target, rows) : target;
  const w = noiseWeights(y.length, opts.scales, rows);
  const law = compile(expr, variables);
  if (k === 0) {
    const f = law.evaluate(cols, [], new Float64Array(y.length));
    let s = 0;
    for (let i = 0; i < y.length; i++) s += ((f[i] - y[i]) * w[i]) ** 2;
    return { params: [], sse: Number.isFinite(s) ? s : Infinity, converged: true };
  }
  // Output normalisation: residuals are measured in units of the weighted RMS of the target.
  let ms = 0;
  for (let i = 0; i < y.length; i++) ms += (y[i] * w[i]) ** 2;
  ms /= Math.max(1, y.length);
  const outputScale2 = ms > 0 && Number.isFinite(ms) ? ms : 1;
  const c = w.map((v) => v / Math.sqrt(outputScale2));
  const jac = compileJacobian(expr, variables);
  const linear = opts.restarts === 0 ? [] : linearParams(expr);
  const full: Problem = {
    jac,
    columns: cols,
    target: y,
    weights: c,
    exact: 1e-24 * Math.max(1, y.length),
    outputScale2,
    start: { law, columns: cols, target: y, weights: c, linear },
  };
  const maxIterations = opts.maxIterations ?? 100;
  const restarts = opts.restarts ?? 8;
  const limit = opts.subsample ?? 2000;
  const sub = y.length > limit * 1.5 ? subsampleProblem(full, limit) : full;
  const init = Array.from({ length: k }, (_, j) => {
    const x = opts.init ? Number(opts.init[j]) : 1;
    return Number.isFinite(x) ? x : 1;
  });

  let starts = 0;
  let screened = 0;
  const run = (p: Problem, start: number[], tolerances: typeof SEARCH, iterations: number): LmResult => {
    // The search's inner loop (no restarts) runs the plain method: the probes cost more than they save there.
    const logSpace = restarts > 0 ? needsSign(p, start) : undefined;
    return levenbergMarquardt(p, start, { ...tolerances, maxIterations: iterations, logSpace, signal: opts.signal });
  };
  let best = run(sub, init, SEARCH, maxIterations);
  const fromInit = best;
  starts++;
  if (restarts > 0) {
    const rand = seededRandom(opts.seed ?? 0);
    const exponents = exponentParams(expr);
    const consider = (start: number[]): void => {
      if (best.sse <= sub.exact || opts.signal?.aborted) return;
      const r = run(sub, start, SEARCH, maxIterations);
      starts++;
      if (r.sse < best.sse || (!Number.isFinite(best.sse) && Number.isFinite(r.sse))) best = r;
    };
    // The given start with its affine constants solved and the others scanned over magnitudes.
    const scanned = scanStart(sub.start, init, exponents, opts.signal);
    screened += scanned.evaluations;
    if (Number.isFinite(scanned.sse)) consider(scanned.x);
    // A given start may sit in a poor basin a scan cannot leave; the neutral start (every constant 1) is scanned too.
    if (init.some((v) => v !== 1)) {
      const neutral = scanStart(sub.start, init.map(() => 1), exponents, opts.signal);
      screened += neutral.evaluations;
      if (Number.isFinite(neutral.sse)) consider(neutral.x);
    }
    // Then the best of many random log-spread points, and log-spread points around the best fit so far.
    const draws = Math.min(40 * restarts, 2000);
    const centre = Number.isFinite(best.sse) ? best.x : scanned.x;
    const screen = screenStarts(sub.start, centre, exponents, draws, Math.max(0, restarts - 1), rand, opts.signal);
    screened += screen.evaluations;
    for (const point of screen.points) consider(point.x);
    // Scan again from the best fit while that helps (at most 3 times): with some constants now right, the
    // others' basins show in the scan (the second period of a sum of cycles once the first is found).
    for (let round = 0; round < 3 && Number.isFinite(best.sse) && !opts.signal?.aborted; round++) {
      const before = best.sse;
      const rescanned = scanStart(sub.start, best.x, exponents, opts.signal);
      screened += rescanned.evaluations;
      if (!(rescanned.sse < before * (1 - 1e-6))) break;
      consider(rescanned.x);
      if (!(best.sse < before * (1 - 1e-6))) break;
    }
    // Among optima equal to rounding, the one reached from the caller's start keeps the caller's labelling
    // (which of two exponentials is "b2"), so a start near an answer returns that answer.
    if (best !== fromInit && fromInit.sse <= best.sse * (1 + 1e-9)) best = fromInit;
  }
  // Polish the best point on all rows with tight tolerances (always when restarts ran or rows were subsampled).
  if (Number.isFinite(best.sse) && (restarts > 0 || sub !== full) && !opts.signal?.aborted) {
    // Without restarts (the search's inner loop) the polish keeps the caller's iteration budget.
    const polished = run(full, best.x, restarts > 0 ? POLISH : SEARCH, restarts > 0 ? Math.max(5 * maxIterations, 200) : maxIterations);
    if (sub !== full || polished.sse <= best.sse) best = polished;
  } else if (sub !== full) {
    best = { ...best, sse: Number.isFinite(best.sse) ? scoreOn(full, best.x) : Infinity };
  }
  if (restarts > 0 && Number.isFinite(best.sse)) best = { ...best, ...preferStartSigns(full, best.x, best.sse, init) };
  const sse = Number.isFinite(best.sse) ? best.sse * outputScale2 : Infinity;
  return {
    params: best.x,
    sse,
    converged: isConvergedStop(best.stop),
    report: { starts, screened, bestSse: sse, stop: best.stop, iterations: best.iterations },
  };
}

/**
 * Among optima that differ only by signs the law cannot see (a Gaussian's width ±σ with its amplitude, a
 * period ±P with its sine's amplitude), the one with the signs of the start: positive from the neutral start.
 * Flips each param whose sign differs from the start's, alone or with one other whose sign also differs (or
 * whose start is 0), when the criterion stays equal to rounding.
 */
function preferStartSigns(p: Problem, x: number[], sse: number, init: readonly number[]): { x: number[]; sse: number } {
  const buf = new Float64Array(p.target.length);
  const at = (v: number[]): number => criterion(p, p.start.law.evaluate(p.columns, v, buf));
  let cur = x.slice();
  let curSse = sse;
  const tolerance = (s: number): number => s * (1 + 1e-12) + 1e-300;
  for (let i = 0; i < cur.length; i++) {
    if (!(cur[i] !== 0 && init[i] !== 0 && Math.sign(cur[i]) !== Math.sign(init[i]))) continue;
    for (let j = -1; j < cur.length; j++) {
      if (j === i) continue;
      const flipped = cur.slice();
      flipped[i] = -flipped[i];
      if (j >= 0) flipped[j] = -flipped[j];
      // Only flips that leave fewer signs different from the start's (flipping a matched partner does not count).
      if (j >= 0 && init[j] !== 0 && Math.sign(cur[j]) === Math.sign(init[j])) continue;
      const s = at(flipped);
      if (s <= tolerance(curSse)) {
        cur = flipped;
        curSse = Math.min(curSse, s);
        break;
      }
    }
  }
  return { x: cur, sse: curSse };
}

/**
 * Which params the law needs to keep their sign at `x`: giving one the other sign, at its size or a thousandth
 * of it, makes the law NaN or infinite on some row (a base of a fractional power, a factor inside a log or a
 * square root). Those move in log space.
 */
function needsSign(p: Problem, x: readonly number[]): boolean[] {
  const buf = new Float64Array(p.target.length);
  const finiteAt = (v: number[]): boolean => {
    const f = p.start.law.evaluate(p.columns, v, buf);
    for (let i = 0; i < f.length; i++) if (!Number.isFinite(f[i])) return false;
    return true;
  };
  if (!finiteAt(x.slice())) return x.map(() => false);
  // Small negative values too: log(x + b) only needs b > −min x, not b > 0, and must stay free to cross zero.
  return x.map((v, j) => {
    if (v === 0 || !Number.isFinite(v)) return false;
    const flipped = x.slice();
    return [-1, -1e-3].every((f) => {
      flipped[j] = f * v;
      return !finiteAt(flipped);
    });
  });
}

function scoreOn(p: Problem, x: number[]): number {
  const s = project({ ...p.start, linear: [] }, x.slice(), []);
  return Number.isFinite(s) ? s : Infinity;
}

/** 1/g_i for the kept rows (all ones without scales). */
function noiseWeights(n: number, scales: ArrayLike<number> | undefined, rows: Int32Array | null): Float64Array {
  const w = new Float64Array(n).fill(1);
  if (scales) for (let i = 0; i < n; i++) w[i] = 1 / scales[rows ? rows[i] : i];
  return w;
}

function finiteRows(columns: readonly Float64Array[], target: Float64Array, scales?: ArrayLike<number>): Int32Array | null {
  const keep: number[] = [];
  let dropped = false;
  for (let i = 0; i < target.length; i++) {
    let ok = Number.isFinite(target[i]) && (!scales || (scales[i] > 0 && Number.isFinite(scales[i])));
    for (let c = 0; ok && c < columns.length; c++) ok = Number.isFinite(columns[c][i]);
    if (ok) keep.push(i);
    else dropped = true;
  }
  return dropped ? Int32Array.from(keep) : null;
}

function pick(a: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]];
  return out;
}

function subsampleProblem(p: Problem, m: number): Problem {
  const n = p.target.length;
  const rows = new Int32Array(m);
  // Evenly spaced rows: deterministic and covers the whole range of sorted or unsorted data.
  for (let i = 0; i < m; i++) rows[i] = Math.floor((i * n) / m);
  const columns = p.columns.map((c) => pick(c, rows));
  const target = pick(p.target, rows);
  const weights = pick(p.weights, rows);
  return { ...p, columns, target, weights, exact: (p.exact * m) / n, start: { ...p.start, columns, target, weights } };
}
