/**
 * Dense least squares for the fast paths (monomials, linear-in-features models).
 * Householder QR on the design matrix: stable enough for ill-conditioned feature sets, and the
 * problems are small (at most a few dozen columns).
 */

/** Result of an ordinary least-squares solve. */
export interface LeastSquaresFit {
  /** Coefficients, one per column (0 for columns dropped as rank-deficient). */
  coef: number[];
  /** Sum of squared residuals. */
  sse: number;
  /** Whether every column was used (false when some were linearly dependent). */
  fullRank: boolean;
}

/**
 * Solves min ‖X·b − y‖² for X given as columns (each of length n).
 * Columns that are (numerically) dependent on earlier ones get coefficient 0.
 */
export function leastSquares(columns: readonly Float64Array[], y: Float64Array): LeastSquaresFit {
  const n = y.length;
  const p = columns.length;
  const a = columns.map((c) => Float64Array.from(c));
  const r = Float64Array.from(y);
  const diag = new Float64Array(p);
  const used: boolean[] = new Array(p).fill(false);
  const norms0 = a.map((c) => Math.sqrt(dot(c, c)));
  let rank = 0;
  // Householder reflections applied column by column; a column whose remaining norm is tiny
  // relative to its original norm is dependent and is skipped.
  const reflectors: { v: Float64Array; row: number }[] = [];
  for (let j = 0; j < p; j++) {
    const col = a[j];
    if (!finiteArray(col) || norms0[j] === 0) continue;
    const k = rank;
    if (k >= n) break;
    let norm = 0;
    for (let i = k; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (norm <= 1e-10 * norms0[j]) continue;
    const alpha = col[k] > 0 ? -norm : norm;
    const v = new Float64Array(n);
    for (let i = k; i < n; i++) v[i] = col[i];
    v[k] -= alpha;
    const vnorm2 = dotFrom(v, v, k);
    if (vnorm2 === 0) continue;
    const apply = (x: Float64Array): void => {
      const s = (2 * dotFrom(v, x, k)) / vnorm2;
      for (let i = k; i < n; i++) x[i] -= s * v[i];
    };
    for (let jj = j; jj < p; jj++) if (finiteArray(a[jj])) apply(a[jj]);
    apply(r);
    reflectors.push({ v, row: k });
    diag[j] = a[j][k];
    used[j] = true;
    rank++;
  }
  // Back substitution over the used columns (row index = their order of use).
  const usedIdx: number[] = [];
  for (let j = 0; j < p; j++) if (used[j]) usedIdx.push(j);
  const coef = new Array<number>(p).fill(0);
  for (let t = usedIdx.length - 1; t >= 0; t--) {
    const j = usedIdx[t];
    let s = r[t];
    for (let u = t + 1; u < usedIdx.length; u++) s -= a[usedIdx[u]][t] * coef[usedIdx[u]];
    coef[j] = s / diag[j];
  }
  let sse = 0;
  for (let i = rank; i < n; i++) sse += r[i] * r[i];
  return { coef, sse, fullRank: rank === p };
}

/** Predictions X·b for columns X. */
export function predictLinear(columns: readonly Float64Array[], coef: readonly number[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const c = coef[j];
    if (c === 0) continue;
    const col = columns[j];
    for (let i = 0; i < n; i++) out[i] += c * col[i];
  }
  return out;
}

/** Dot product. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function dotFrom(a: Float64Array, b: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Whether every entry is finite. */
export function finiteArray(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** Mean of an array (NaN for empty). */
export function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/** Population variance. */
export function variance(a: ArrayLike<number>): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - m) * (a[i] - m);
  return s / a.length;
}

/** Sum of squared differences between `a` and `b` (Infinity if any term is not finite). */
export function sumSquaredError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Number.isFinite(s) ? s : Infinity;
}
