/** Deterministic row subsampling: the search fits on a few hundred rows, the final choice on all. */
import { Rng } from "../random/index.js";

/** Indices of `k` rows out of `n` chosen by a seeded shuffle (all rows, in order, when n ≤ k). */
export function sampleRows(n: number, k: number, seed: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const idx = Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(seed);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b);
}

/** The rows `rows` of a column. */
export function takeRows(col: Float64Array, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (i) => col[i]);
}
