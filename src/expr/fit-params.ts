import { paramCount, type Expr } from "./ast.js";
import { compile } from "./compile.js";
import { compileJacobian, type CompiledJacobian } from "./jacobian.js";
import { solveSpd } from "./linear-solve.js";
import { normal, seededRandom } from "../random/index.js";

/** Options of `fitParams`. */
export interface FitOptions {
  /** First starting point (default: every param 1). */
  init?: ArrayLike<number>;
  /** Extra starts after the first: small-integer exponents, perturbations of the best point and random points (default 8). */
  restarts?: number;
  /** Seed of the restart generator (default 0); the fit is deterministic for a given seed. */
  seed?: number;
  /** Levenberg–Marquardt iterations per start (default 100). */
  maxIterations?: number;
  /** Stops between iterations; the best point so far is returned. */
  signal?: AbortSignal;
  /** Rows used for the restarts when the data are larger (the best start is then polished on all rows; default 2000). */
  subsample?: number;
  /**
   * Per-row noise scales g_i (same length as the target): minimise Σ((y_i − f_i)/g_i)² instead of Σ(y_i − f_i)²
   * (weighted least squares, for noise whose spread grows with the level). Rows whose scale is not a positive
   * finite number are ignored. Absent: the plain unweighted fit, unchanged.
   */
  scales?: ArrayLike<number>;
}

/** Outcome of a constant fit. */
export interface FitResult {
  /** Best params found (length = the law's param count). */
  params: number[];
  /** Sum of squared residuals (each divided by its row's scale when `scales` are given) over the rows with a finite target; Infinity if no finite fit was found. */
  sse: number;
  /** Whether the best start stopped on a convergence criterion rather than the iteration limit. */
  converged: boolean;
}

interface Problem {
  jac: CompiledJacobian;
  columns: Float64Array[];
  target: Float64Array;
  /** 1/g_i per row for a weighted fit; null for the unweighted one (which keeps its own, faster loops). */
  weights: Float64Array | null;
  /** Fits whose SSE falls below this are exact to float precision; no need to look further. */
  exact: number;
}

/**
 * Fits the params of `expr` by least squares with Levenberg–Marquardt (Marquardt's diagonal scaling) from
 * several starts. Rows whose target or inputs are not finite are ignored. Steps that produce NaN or overflow
 * are rejected like uphill steps, so a bad start costs time, never the result.
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
  const rows = finiteRows(columns.slice(0, variables.length), target, opts.scales);
  const cols = rows ? columns.slice(0, variables.length).map((c) => pick(c, rows)) : columns.slice(0, variables.length).map((c) => c);
  const y = rows ? pick(target, rows) : target;
  const w = opts.scales ? inverseScales(opts.scales, rows) : null;
  if (k === 0) {
    const f = compile(expr, variables).evaluate(cols, [], new Float64Array(y.length));
    return { params: [], sse: sumSquares(f, y, w), converged: true };
  }
  const jac = compileJacobian(expr, variables);
  const scale = sumSquares(new Float64Array(y.length), y, w) / Math.max(1, y.length);
  const exact = 1e-24 * Math.max(scale, 1e-300) * Math.max(1, y.length);
  const full: Problem = { jac, columns: cols, target: y, weights: w, exact };
  const limit = opts.subsample ?? 2000;
  const sub = y.length > limit * 1.5 ? subsampleProblem(full, limit) : full;

  const rand = seededRandom(opts.seed ?? 0);
  const maxIterations = opts.maxIterations ?? 100;
  const restarts = opts.restarts ?? 8;
  const init = Array.from({ length: k }, (_, j) => {
    const x = opts.init ? Number(opts.init[j]) : 1;
    return Number.isFinite(x) ? x : 1;
  });

  let best = { x: init, sse: Infinity, converged: false };
  const consider = (start: number[]): void => {
    const r = levenbergMarquardt(sub, start, maxIterations, opts.signal);
    if (r.sse < best.sse || (!Number.isFinite(best.sse) && Number.isFinite(r.sse))) best = r;
  };
  consider(init);
  const exponents = exponentParams(expr);
  for (let s = 0; s < restarts && best.sse > sub.exact && !opts.signal?.aborted; s++) {
    const start = new Array<number>(k);
    if (exponents.size > 0 && s % 2 === 0) {
      // Exponents of physical laws are small integers or halves, and a negative base allows nothing else.
      const value = EXPONENT_STARTS[(s / 2) % EXPONENT_STARTS.length];
      for (let j = 0; j < k; j++) start[j] = exponents.has(j) ? value : init[j];
      consider(start);
      continue;
    }
    const fresh = s % 2 === 1 || !Number.isFinite(best.sse);
    for (let j = 0; j < k; j++) {
      if (fresh) {
        // Log-uniform magnitude over 1e-2..1e2 with a random sign covers constants of most laws.
        start[j] = (rand() < 0.5 ? -1 : 1) * Math.pow(10, 4 * rand() - 2);
      } else {
        start[j] = best.x[j] * Math.exp(0.5 * normal(rand)) * (rand() < 0.1 ? -1 : 1);
      }
    }
    consider(start);
  }
  if (sub !== full && Number.isFinite(best.sse)) {
    best = levenbergMarquardt(full, best.x, maxIterations, opts.signal);
  } else if (sub !== full) {
    best = { ...best, sse: evaluateSse(full, best.x) };
  }
  return { params: best.x, sse: Number.isFinite(best.sse) ? best.sse : Infinity, converged: best.converged };
}

function levenbergMarquardt(p: Problem, start: number[], maxIterations: number, signal?: AbortSignal): { x: number[]; sse: number; converged: boolean } {
  const k = start.length;
  const n = p.target.length;
  let x = start.slice();
  const bufs: Float64Array[] = Array.from({ length: k + 1 }, () => new Float64Array(n));
  let { value, dParams } = p.jac.evaluate(p.columns, x, bufs);
  let sse = sumSquares(value, p.target, p.weights);
  // A start where the law is NaN somewhere (log of a negative, overflow) cannot be improved by steps:
  // move it toward zero or flip it until the law is finite everywhere, and start from there.
  for (const factor of START_RESCUES) {
    if (Number.isFinite(sse)) break;
    x = start.map((v) => v * factor);
    ({ value, dParams } = p.jac.evaluate(p.columns, x, bufs));
    sse = sumSquares(value, p.target, p.weights);
  }
  if (!Number.isFinite(sse)) return { x: start.slice(), sse: Infinity, converged: false };
  const jtj = new Float64Array(k * k);
  const jtr = new Float64Array(k);
  const trialBufs: Float64Array[] = Array.from({ length: k + 1 }, () => new Float64Array(n));
  let lambda = -1;
  for (let iter = 0; iter < maxIterations; iter++) {
    if (sse <= p.exact) return { x, sse, converged: true };
    if (signal?.aborted) return { x, sse, converged: false };
    jtj.fill(0);
    jtr.fill(0);
    // A param whose slope is undefined on some row (an integer exponent of a negative base, a kink of abs)
    // cannot move without making that row NaN: hold it fixed for this step and move the others.
    const frozen = dParams.map((col) => {
      for (let i = 0; i < n; i++) if (!Number.isFinite(col[i])) return true;
      return false;
    });
    if (p.weights) accumulateWeighted(p, value, dParams, frozen, jtj, jtr);
    else {
      for (let i = 0; i < n; i++) {
        const r = value[i] - p.target[i];
        for (let a = 0; a < k; a++) {
          if (frozen[a]) continue;
          const ja = dParams[a][i];
          jtr[a] += ja * r;
          for (let b = 0; b <= a; b++) if (!frozen[b]) jtj[a * k + b] += ja * dParams[b][i];
        }
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) jtj[b * k + a] = jtj[a * k + b];
    for (let a = 0; a < k; a++) if (frozen[a]) jtj[a * k + a] = 1;
    let maxDiag = 0;
    for (let a = 0; a < k; a++) maxDiag = Math.max(maxDiag, jtj[a * k + a]);
    if (!Number.isFinite(maxDiag) || maxDiag === 0) return { x, sse, converged: maxDiag === 0 };
    if (lambda < 0) lambda = 1e-3;
    let improved = false;
    while (lambda < 1e16) {
      const damped = jtj.slice();
      for (let a = 0; a < k; a++) damped[a * k + a] += lambda * Math.max(jtj[a * k + a], 1e-12 * maxDiag);
      const rhs = jtr.map((g) => -g);
      const step = solveSpd(damped, rhs, k);
      if (step) {
        const trial = x.map((xi, a) => xi + step[a]);
        const t = p.jac.evaluate(p.columns, trial, trialBufs);
        const trialSse = sumSquares(t.value, p.target, p.weights);
        if (Number.isFinite(trialSse) && trialSse < sse) {
          const relGain = (sse - trialSse) / Math.max(sse, 1e-300);
          let stepNorm = 0;
          let xNorm = 0;
          for (let a = 0; a < k; a++) {
            stepNorm += step[a] * step[a];
            xNorm += trial[a] * trial[a];
          }
          x = trial;
          sse = trialSse;
          // Swap buffers: the trial evaluation becomes the current one.
          const old = bufs.splice(0, bufs.length, t.value, ...t.dParams);
          trialBufs.splice(0, trialBufs.length, ...old);
          value = t.value;
          dParams = t.dParams;
          lambda = Math.max(lambda / 3, 1e-12);
          improved = true;
          if (relGain < 1e-12 || Math.sqrt(stepNorm) < 1e-13 * (Math.sqrt(xNorm) + 1e-13)) return { x, sse, converged: true };
          break;
        }
      }
      lambda *= 4;
    }
    if (!improved) return { x, sse, converged: true };
  }
  return { x, sse, converged: sse <= p.exact };
}

/** Adds Σ w_i²·J_ia·J_ib and Σ w_i²·J_ia·r_i (the weighted normal equations) into `jtj` (lower triangle) and `jtr`. */
function accumulateWeighted(
  p: Problem,
  value: Float64Array,
  dParams: Float64Array[],
  frozen: boolean[],
  jtj: Float64Array,
  jtr: Float64Array,
): void {
  const w = p.weights as Float64Array;
  const k = dParams.length;
  for (let i = 0; i < p.target.length; i++) {
    const w2 = w[i] * w[i];
    const r = (value[i] - p.target[i]) * w2;
    for (let a = 0; a < k; a++) {
      if (frozen[a]) continue;
      const ja = dParams[a][i];
      jtr[a] += ja * r;
      const jaw = ja * w2;
      for (let b = 0; b <= a; b++) if (!frozen[b]) jtj[a * k + b] += jaw * dParams[b][i];
    }
  }
}

const EXPONENT_STARTS = [2, 3, 1, -1, 0.5, 4, -2, 1.5];
const START_RESCUES = [0.5, 0.1, -1, 2, 0.01, 0];

/** Indices of params that stand directly as an exponent (`x^p`). */
function exponentParams(expr: Expr): Set<number> {
  const out = new Set<number>();
  const walk = (e: Expr): void => {
    if (e.kind === "binary") {
      if (e.op === "^" && e.right.kind === "param") out.add(e.right.index);
      walk(e.left);
      walk(e.right);
    } else if (e.kind === "unary") {
      walk(e.arg);
    }
  };
  walk(expr);
  return out;
}

function evaluateSse(p: Problem, x: number[]): number {
  const { value } = p.jac.evaluate(p.columns, x);
  const s = sumSquares(value, p.target, p.weights);
  return Number.isFinite(s) ? s : Infinity;
}

/** Σ (f_i − y_i)², or Σ ((f_i − y_i)·w_i)² with weights; NaN or overflow anywhere makes it Infinity. */
function sumSquares(f: Float64Array<ArrayBufferLike>, y: Float64Array<ArrayBufferLike>, w: Float64Array | null = null): number {
  let s = 0;
  if (w) {
    for (let i = 0; i < y.length; i++) {
      const r = (f[i] - y[i]) * w[i];
      s += r * r;
    }
  } else {
    for (let i = 0; i < y.length; i++) {
      const r = f[i] - y[i];
      s += r * r;
    }
  }
  return Number.isFinite(s) ? s : Infinity;
}

/** 1/g_i for the kept rows (all rows when `rows` is null). */
function inverseScales(scales: ArrayLike<number>, rows: Int32Array | null): Float64Array {
  const n = rows ? rows.length : scales.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / scales[rows ? rows[i] : i];
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
  return { jac: p.jac, columns: p.columns.map((c) => pick(c, rows)), target: pick(p.target, rows), weights: p.weights ? pick(p.weights, rows) : null, exact: (p.exact * m) / n };
}
