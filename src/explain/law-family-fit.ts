/**
 * Shared pieces of the measurement-law fast paths (power–exponential products, saturating curves, rise
 * and decay, piecewise-linear laws). Each family is a law that is linear in some constants once a few
 * others (a rate, a half-saturation, a breakpoint) are fixed, so the families scan those few on a grid
 * and solve the linear ones exactly at every grid point (variable projection). The best grid point is
 * a start Levenberg–Marquardt cannot get wrong, and the final choice refits it under the noise model.
 */
import type { Expr } from "../expr/ast.js";

/** A weighted linear fit: coefficients and the weighted sum of squared residuals Σ(w·(y − Xb))². */
export interface LinearFit {
  coef: number[];
  sse: number;
}

/**
 * min Σ (wᵢ·(yᵢ − Σⱼ bⱼ·Xⱼᵢ))² over b (w absent: unweighted), by the normal equations of the columns
 * scaled to unit norm (the families fit two to four columns thousands of times per scan, where a QR
 * with its copies costs ten times more). Null when a column is not finite or zero, or the columns are
 * (nearly) dependent: the family's law would then not be what it claims.
 */
export function weightedFit(columns: readonly Float64Array[], y: Float64Array, w: Float64Array | null): LinearFit | null {
  const n = y.length;
  const k = columns.length;
  const norms = new Array<number>(k);
  for (let a = 0; a < k; a++) {
    const c = columns[a];
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = w ? c[i] * w[i] : c[i];
      s += x * x;
    }
    if (!(s > 0) || !Number.isFinite(s)) return null;
    norms[a] = Math.sqrt(s);
  }
  const gram: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rhs = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const wi2 = w ? w[i] * w[i] : 1;
    for (let a = 0; a < k; a++) {
      const xa = (columns[a][i] / norms[a]) * wi2;
      rhs[a] += xa * y[i];
      for (let b = 0; b <= a; b++) gram[a][b] += (xa * columns[b][i]) / norms[b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[b][a] = gram[a][b];
  const beta = choleskySolve(gram, rhs);
  if (!beta) return null;
  const coef = beta.map((x, a) => x / norms[a]);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    let r = y[i];
    for (let a = 0; a < k; a++) r -= coef[a] * columns[a][i];
    sse += (w ? r * w[i] : r) ** 2;
  }
  return Number.isFinite(sse) && coef.every(Number.isFinite) ? { coef, sse } : null;
}

/** `count` log-spaced values from lo to hi (both > 0). */
export function logGrid(lo: number, hi: number, count: number): number[] {
  if (!(lo > 0) || !(hi > lo) || count < 2) return lo > 0 ? [lo] : [];
  return Array.from({ length: count }, (_, j) => lo * (hi / lo) ** (j / (count - 1)));
}

/** Smallest and largest value, and the smallest non-zero magnitude, of a column. */
export function extent(x: ArrayLike<number>): { min: number; max: number; minAbs: number; maxAbs: number } {
  let min = Infinity;
  let max = -Infinity;
  let minAbs = Infinity;
  let maxAbs = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
    const a = Math.abs(v);
    if (a > 0 && a < minAbs) minAbs = a;
    if (a > maxAbs) maxAbs = a;
  }
  return { min, max, minAbs, maxAbs };
}

/** Row weights 1/gᵢ from noise scales (null without scales: the plain fit). */
export function rowWeights(scales: ArrayLike<number> | undefined): Float64Array | null {
  if (!scales) return null;
  const w = new Float64Array(scales.length);
  for (let i = 0; i < w.length; i++) w[i] = scales[i] > 0 && Number.isFinite(scales[i]) ? 1 / scales[i] : 0;
  return w;
}

/** A column filled with ones (the intercept of a linear fit). */
export function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/** One law of a one-input family with its grid-fitted constants (a start for the final refit). */
export interface FamilyLaw {
  expr: Expr;
  params: number[];
  /** Weighted SSE at these constants. */
  sse: number;
  /** Candidate source name (`saturating-hill`, `piecewise-min`, …). */
  source: string;
}

/**
 * Scans `grid` (each point a vector of the nonlinear constants), fits the linear ones by `weightedFit`
 * on `basis(point)` and returns the best point with its coefficients; null when no point gives a fit.
 */
export function bestOnGrid<T>(
  grid: readonly T[],
  basis: (point: T) => Float64Array[] | null,
  y: Float64Array,
  w: Float64Array | null,
): { point: T; coef: number[]; sse: number } | null {
  let best: { point: T; coef: number[]; sse: number } | null = null;
  for (const point of grid) {
    const cols = basis(point);
    if (!cols) continue;
    const fit = weightedFit(cols, y, w);
    if (fit && (!best || fit.sse < best.sse)) best = { point, coef: fit.coef, sse: fit.sse };
  }
  return best;
}

/** Solves the small SPD system A·x = b by Cholesky; null when A is (nearly) singular (collinear features). */
export function choleskySolve(a: number[][], b: number[]): number[] | null {
  const k = b.length;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      if (i === j) {
        // Columns scaled to unit norm give a unit diagonal: a pivot this small means near-collinearity.
        if (!(s > 1e-10 * Math.max(1, a[i][i]))) return null;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  const z = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[i][m] * z[m];
    z[i] = s / l[i][i];
  }
  const x = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i];
    for (let m = i + 1; m < k; m++) s -= l[m][i] * x[m];
    x[i] = s / l[i][i];
  }
  return x;
}
