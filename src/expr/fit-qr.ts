/**
 * Linear least squares min‖A·x − b‖ by Householder QR (A is n×k, column-major columns). QR works with the
 * conditioning of A, where the normal equations square it: the difference between six and ten correct
 * digits in a final Gauss–Newton step of an ill-conditioned fit.
 */

/** Solves min‖A·x − b‖; null when A is rank-deficient to working precision or the result is not finite. */
export function leastSquaresQr(columns: readonly Float64Array[], b: Float64Array): Float64Array | null {
  const k = columns.length;
  const n = b.length;
  if (n < k) return null;
  const a = columns.map((c) => Float64Array.from(c.subarray(0, n)));
  const r = Float64Array.from(b);
  const diag = new Float64Array(k);
  let largest = 0;
  for (let j = 0; j < k; j++) {
    const col = a[j];
    let norm = 0;
    for (let i = j; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    largest = Math.max(largest, norm);
    if (!(norm > 1e-14 * largest) || !Number.isFinite(norm)) return null;
    const alpha = col[j] > 0 ? -norm : norm;
    // Householder vector v = col − alpha·e_j stored in place of the column (below and on the diagonal).
    col[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += col[i] * col[i];
    diag[j] = alpha;
    if (vv === 0) continue;
    for (let m = j + 1; m < k; m++) {
      const c = a[m];
      let s = 0;
      for (let i = j; i < n; i++) s += col[i] * c[i];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) c[i] -= f * col[i];
    }
    let s = 0;
    for (let i = j; i < n; i++) s += col[i] * r[i];
    const f = (2 * s) / vv;
    for (let i = j; i < n; i++) r[i] -= f * col[i];
  }
  const x = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = r[j];
    for (let m = j + 1; m < k; m++) s -= a[m][j] * x[m];
    x[j] = s / diag[j];
    if (!Number.isFinite(x[j])) return null;
  }
  return x;
}
