/**
 * Levenberg–Marquardt for weighted least squares, in the form MINPACK's lmder made standard: the damping
 * term is μ·D² with D the running maximum of the column norms of the Jacobian (so the method does not care
 * in which units a constant is written), μ is updated by Nielsen's rule from the gain ratio, and the stop
 * tests are MINPACK's: relative reduction of the sum of squares (ftol), relative step size (xtol) and the
 * cosine between residual and Jacobian columns (gtol).
 *
 * A constant may be moved in log space (θ = log|p|, its sign held), which the caller chooses for constants
 * the law needs to keep one sign (a base of a fractional power, the argument of a log): steps then scale with
 * the constant's magnitude and never cross zero.
 */
import type { CompiledJacobian } from "./jacobian.js";
import { solveSpd } from "./linear-solve.js";
import { leastSquaresQr } from "./fit-qr.js";

/** Why a Levenberg–Marquardt run stopped. */
export type LmStop = "exact" | "ftol" | "xtol" | "gtol" | "stalled" | "maxIterations" | "aborted" | "notFinite";

/** A weighted least-squares problem: minimise Σ (c_i·(f_i − y_i))² over the law's params. */
export interface LmProblem {
  jac: CompiledJacobian;
  columns: Float64Array[];
  target: Float64Array;
  /** Per-row factor c_i (noise weight divided by the output scale); the criterion is Σ(c_i·r_i)². */
  weights: Float64Array;
  /** Below this criterion the fit is exact to float precision. */
  exact: number;
}

/** Tolerances and limits of one run. */
export interface LmOptions {
  maxIterations: number;
  ftol: number;
  xtol: number;
  gtol: number;
  /** Params moved as log|p| with their sign held (p must be non-zero at the start). */
  logSpace?: readonly boolean[];
  /** After convergence, take undamped Gauss–Newton steps solved by QR while they do not raise the criterion (the polish). */
  finish?: boolean;
  signal?: AbortSignal;
}

/** Outcome of one run. */
export interface LmResult {
  x: number[];
  /** Σ(c_i·r_i)² at x (Infinity when no finite point was found). */
  sse: number;
  stop: LmStop;
  iterations: number;
}

/** Default tolerances for restarts; the final polish uses `POLISH`. */
export const SEARCH: Omit<LmOptions, "maxIterations"> = { ftol: 1e-10, xtol: 1e-10, gtol: 1e-12 };
/** Tight tolerances for the final run from the best point (certified-value accuracy). */
export const POLISH: Omit<LmOptions, "maxIterations"> = { ftol: 1e-16, xtol: 1e-15, gtol: 1e-15, finish: true };

/** Whether a stop reason counts as convergence (as opposed to running out of iterations or time). */
export function isConvergedStop(stop: LmStop): boolean {
  return stop === "exact" || stop === "ftol" || stop === "xtol" || stop === "gtol" || stop === "stalled";
}

const START_RESCUES = [0.5, 0.1, -1, 2, 0.01, 0];

/** Runs Levenberg–Marquardt from `start`; steps that give NaN or overflow are rejected like uphill steps. */
export function levenbergMarquardt(p: LmProblem, start: readonly number[], opts: LmOptions): LmResult {
  const r = lmCore(p, start, opts);
  if (!opts.finish || !Number.isFinite(r.sse) || r.stop === "aborted" || r.stop === "exact") return r;
  return { ...r, ...gaussNewtonFinish(p, r.x, r.sse, opts.logSpace ?? []) };
}

/**
 * Undamped Gauss–Newton steps by QR from a converged point: near the optimum they converge quadratically
 * (for small residuals) to the exact least-squares point, where a damped method stops on tolerances a few
 * digits short in ill-conditioned directions. A step is kept only when the criterion does not rise beyond
 * rounding; at most 8.
 */
function gaussNewtonFinish(p: LmProblem, start: number[], startSse: number, logSpace: readonly boolean[]): { x: number[]; sse: number } {
  const n = p.target.length;
  const k = start.length;
  let x = start;
  let sse = startSse;
  for (let step = 0; step < 8; step++) {
    const ev = p.jac.evaluate(p.columns, x);
    const moving: number[] = [];
    for (let a = 0; a < k; a++) if (ev.dParams[a].every(Number.isFinite)) moving.push(a);
    if (moving.length === 0) break;
    const useLog = x.map((v, j) => logSpace[j] === true && v !== 0);
    const cols = moving.map((a) => {
      const c = new Float64Array(n);
      const chain = useLog[a] ? x[a] : 1;
      for (let i = 0; i < n; i++) c[i] = ev.dParams[a][i] * chain * p.weights[i];
      return c;
    });
    const rhs = new Float64Array(n);
    for (let i = 0; i < n; i++) rhs[i] = (p.target[i] - ev.value[i]) * p.weights[i];
    const delta = leastSquaresQr(cols, rhs);
    if (!delta) break;
    const trial = x.slice();
    let tiny = true;
    moving.forEach((a, m) => {
      trial[a] = useLog[a] ? x[a] * Math.exp(delta[m]) : x[a] + delta[m];
      if (Math.abs(trial[a] - x[a]) > 4e-16 * Math.abs(x[a])) tiny = false;
    });
    const trialSse = criterion(p, p.jac.evaluate(p.columns, trial).value);
    if (!(trialSse <= sse * (1 + 1e-14))) break;
    x = trial;
    sse = Math.min(sse, trialSse);
    if (tiny) break;
  }
  return { x, sse: criterion(p, p.jac.evaluate(p.columns, x).value) };
}

function lmCore(p: LmProblem, start: readonly number[], opts: LmOptions): LmResult {
  const k = start.length;
  const n = p.target.length;
  const logSpace = opts.logSpace ?? [];
  let bufs: Float64Array[] = Array.from({ length: k + 1 }, () => new Float64Array(n));
  let trialBufs: Float64Array[] = Array.from({ length: k + 1 }, () => new Float64Array(n));
  let x = start.slice();
  let ev = p.jac.evaluate(p.columns, x, bufs);
  let sse = criterion(p, ev.value);
  // A start where the law is NaN somewhere cannot be improved by steps: shrink or flip it until it is finite.
  for (const factor of START_RESCUES) {
    if (Number.isFinite(sse)) break;
    x = start.map((v) => v * factor);
    ev = p.jac.evaluate(p.columns, x, bufs);
    sse = criterion(p, ev.value);
  }
  if (!Number.isFinite(sse)) return { x: start.slice(), sse: Infinity, stop: "notFinite", iterations: 0 };
  const useLog = logSpace.map((l, j) => l === true && x[j] !== 0 && Number.isFinite(Math.log(Math.abs(x[j]))));
  const sign = x.map((v) => (v < 0 ? -1 : 1));
  let theta = x.map((v, j) => (useLog[j] ? Math.log(Math.abs(v)) : v));
  const toX = (t: readonly number[]): number[] => t.map((v, j) => (useLog[j] ? sign[j] * Math.exp(v) : v));

  const jtj = new Float64Array(k * k);
  const g = new Float64Array(k);
  const diag = new Float64Array(k);
  const damped = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  let mu = -1;
  let nu = 2;
  for (let iter = 0; iter < opts.maxIterations; iter++) {
    if (sse <= p.exact) return { x, sse, stop: "exact", iterations: iter };
    if (opts.signal?.aborted) return { x, sse, stop: "aborted", iterations: iter };
    const frozen = normalEquations(p, ev.value, ev.dParams, x, useLog, jtj, g);
    let maxDiag = 0;
    for (let a = 0; a < k; a++) {
      const d = Math.sqrt(jtj[a * k + a]);
      if (!frozen[a] && d > diag[a]) diag[a] = d;
      maxDiag = Math.max(maxDiag, diag[a]);
    }
    if (!Number.isFinite(maxDiag) || maxDiag === 0) return { x, sse, stop: maxDiag === 0 ? "gtol" : "notFinite", iterations: iter };
    // A column that has never moved the residual gets a small scale so that it still damps.
    for (let a = 0; a < k; a++) if (!(diag[a] > 0)) diag[a] = 1e-8 * maxDiag;
    // gtol: every column nearly orthogonal to the residual.
    let gmax = 0;
    for (let a = 0; a < k; a++) if (!frozen[a] && jtj[a * k + a] > 0) gmax = Math.max(gmax, Math.abs(g[a]) / Math.sqrt(jtj[a * k + a] * sse));
    if (gmax <= opts.gtol) return { x, sse, stop: "gtol", iterations: iter };
    if (mu < 0) mu = 1e-3;
    let accepted = false;
    for (let tries = 0; tries < 60 && !accepted; tries++) {
      damped.set(jtj);
      for (let a = 0; a < k; a++) {
        damped[a * k + a] += mu * diag[a] * diag[a];
        rhs[a] = -g[a];
      }
      const step = solveSpd(damped, rhs, k);
      if (!step) {
        mu *= nu;
        nu *= 2;
        continue;
      }
      // Predicted reduction of the criterion: δᵀ(μD²δ − g) for the damped Gauss–Newton model.
      let predicted = 0;
      let stepNorm = 0;
      let thetaNorm = 0;
      for (let a = 0; a < k; a++) {
        predicted += step[a] * (mu * diag[a] * diag[a] * step[a] - g[a]);
        stepNorm += (diag[a] * step[a]) ** 2;
        thetaNorm += (diag[a] * theta[a]) ** 2;
      }
      const trialTheta = theta.map((t, a) => t + step[a]);
      const trialX = toX(trialTheta);
      const t = p.jac.evaluate(p.columns, trialX, trialBufs);
      const trialSse = criterion(p, t.value);
      const actual = sse - trialSse;
      const rho = Number.isFinite(trialSse) && predicted > 0 ? actual / predicted : -1;
      const smallStep = Math.sqrt(stepNorm) <= opts.xtol * (Math.sqrt(thetaNorm) + opts.xtol);
      if (rho > 0) {
        accepted = true;
        theta = trialTheta;
        x = trialX;
        const prev = sse;
        sse = trialSse;
        [bufs, trialBufs] = [trialBufs, bufs];
        ev = t;
        mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        if (Math.abs(actual) <= opts.ftol * prev && predicted <= opts.ftol * prev && rho <= 2) return { x, sse, stop: "ftol", iterations: iter + 1 };
        if (smallStep) return { x, sse, stop: "xtol", iterations: iter + 1 };
      } else {
        // A rejected step that is already below the step tolerance: no smaller step can help.
        if (smallStep && Number.isFinite(trialSse)) return { x, sse, stop: "xtol", iterations: iter + 1 };
        mu *= nu;
        nu *= 2;
      }
    }
    if (!accepted) return { x, sse, stop: "stalled", iterations: iter + 1 };
  }
  return { x, sse, stop: sse <= p.exact ? "exact" : "maxIterations", iterations: opts.maxIterations };
}

/**
 * Fills JᵀJ and g = Jᵀr of the weighted problem in the internal coordinates; returns which params are held
 * this step (a derivative that is not finite on some row: an integer exponent of a negative base, a kink).
 */
function normalEquations(
  p: LmProblem,
  value: Float64Array,
  dParams: Float64Array[],
  x: readonly number[],
  useLog: readonly boolean[],
  jtj: Float64Array,
  g: Float64Array,
): boolean[] {
  const k = dParams.length;
  const n = p.target.length;
  const w = p.weights;
  const frozen = dParams.map((col) => {
    for (let i = 0; i < n; i++) if (!Number.isFinite(col[i])) return true;
    return false;
  });
  // Chain rule of the log coordinates: ∂f/∂θ = p·∂f/∂p.
  const chain = x.map((v, j) => (useLog[j] ? v : 1));
  jtj.fill(0);
  g.fill(0);
  for (let i = 0; i < n; i++) {
    const w2 = w[i] * w[i];
    const r = (value[i] - p.target[i]) * w2;
    for (let a = 0; a < k; a++) {
      if (frozen[a]) continue;
      const ja = dParams[a][i] * chain[a];
      g[a] += ja * r;
      const jaw = ja * w2;
      for (let b = 0; b <= a; b++) if (!frozen[b]) jtj[a * k + b] += jaw * dParams[b][i] * chain[b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) jtj[b * k + a] = jtj[a * k + b];
  for (let a = 0; a < k; a++) if (frozen[a]) jtj[a * k + a] = 1;
  return frozen;
}

/** Σ(c_i·(f_i − y_i))²; Infinity when not finite. */
export function criterion(p: Pick<LmProblem, "target" | "weights">, f: Float64Array): number {
  const y = p.target;
  const w = p.weights;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const r = (f[i] - y[i]) * w[i];
    s += r * r;
  }
  return Number.isFinite(s) ? s : Infinity;
}
