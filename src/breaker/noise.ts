import type { NoiseEstimate } from "./types.js";

/**
 * Fits the spread of observations around the law: variance = a + b·|prediction| by least squares on the
 * squared residuals, clamped so it never goes below a tenth of the pooled variance. This covers constant
 * noise (b = 0) and counting noise (Poisson: variance equals the mean) with one form.
 */
export function fitNoiseEstimate(predicted: ArrayLike<number>, observed: ArrayLike<number>): NoiseEstimate {
  const xs: number[] = [];
  const r2: number[] = [];
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i];
    const y = observed[i];
    if (!Number.isFinite(p) || !Number.isFinite(y)) continue;
    xs.push(Math.abs(p));
    r2.push((y - p) ** 2);
  }
  const n = xs.length;
  if (n === 0) return { sigma: () => 1 };
  const pooled = r2.reduce((a, b) => a + b, 0) / n;
  let a = pooled;
  let b = 0;
  if (n >= 4) {
    const mx = xs.reduce((s, x) => s + x, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (xs[i] - mx) ** 2;
      sxy += (xs[i] - mx) * (r2[i] - pooled);
    }
    if (sxx > 0 && sxy > 0) {
      b = sxy / sxx;
      a = Math.max(0, pooled - b * mx);
    }
  }
  const floor = Math.max(pooled / 10, Number.MIN_VALUE);
  const scale = Math.max(...xs, 1e-300);
  return {
    sigma(pred: number) {
      const v = a + b * Math.min(Math.abs(pred), 10 * scale);
      return Math.sqrt(Math.max(floor, Number.isFinite(v) ? v : floor));
    },
  };
}
