/**
 * Scale-free fit of a degree sequence: the discrete power law p(k) ∝ k^-α for k ≥ k_min, α by exact
 * maximum likelihood, k_min by the smallest Kolmogorov–Smirnov distance (Clauset, Shalizi & Newman 2009),
 * and a Vuong likelihood-ratio test against a discrete exponential tail on the same data.
 */

/** The result of a fit. */
export interface PowerLawFit {
  alpha: number;
  xmin: number;
  /** Number of observations at or above xmin. */
  tail: number;
  /** KS distance between the empirical tail and the fitted law. */
  ks: number;
  /** Log-likelihood ratio power law − exponential, its normalised form and two-sided p-value. */
  vsExponential: { logLikelihoodRatio: number; normalizedR: number; p: number; favours: "power law" | "exponential" | "neither" };
}

/** Hurwitz zeta ζ(s, q) = Σ_{k≥0} (k+q)^-s for s > 1, q > 0, by direct sum plus Euler–Maclaurin tail. */
export function hurwitzZeta(s: number, q: number): number {
  const N = 30;
  let sum = 0;
  for (let k = 0; k < N; k++) sum += Math.pow(k + q, -s);
  const a = N + q;
  sum += Math.pow(a, 1 - s) / (s - 1) + 0.5 * Math.pow(a, -s);
  sum += (s * Math.pow(a, -s - 1)) / 12 - (s * (s + 1) * (s + 2) * Math.pow(a, -s - 3)) / 720;
  return sum;
}

function goldenMin(f: (x: number) => number, lo: number, hi: number, iterations = 80): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iterations; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

function fitAlpha(tail: number[], xmin: number): number {
  const n = tail.length;
  const sumLog = tail.reduce((s, x) => s + Math.log(x), 0);
  return goldenMin((alpha) => n * Math.log(hurwitzZeta(alpha, xmin)) + alpha * sumLog, 1.01, 8);
}

function ksDistance(tail: number[], alpha: number, xmin: number): number {
  const z = hurwitzZeta(alpha, xmin);
  const n = tail.length;
  let maxD = 0;
  let i = 0;
  let cdfModel = 0;
  const xmax = tail[n - 1];
  for (let x = xmin; x <= xmax; x++) {
    cdfModel += Math.pow(x, -alpha) / z;
    while (i < n && tail[i] <= x) i++;
    maxD = Math.max(maxD, Math.abs(i / n - cdfModel));
  }
  return maxD;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 for erf; accurate to 1.5e-7, enough for a p-value.
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Fits a power law to positive integer data (zeros are ignored); undefined when fewer than `minTail` points. */
export function fitPowerLaw(data: readonly number[], minTail = 10): PowerLawFit | undefined {
  const xs = data.filter((x) => x >= 1).map(Math.round).sort((a, b) => a - b);
  if (xs.length < minTail) return undefined;
  let best: { alpha: number; xmin: number; ks: number; start: number } | undefined;
  const candidates = [...new Set(xs)];
  for (const xmin of candidates) {
    const start = xs.findIndex((x) => x >= xmin);
    const tail = xs.slice(start);
    if (tail.length < minTail || new Set(tail).size < 2) break;
    const alpha = fitAlpha(tail, xmin);
    const ks = ksDistance(tail, alpha, xmin);
    if (!best || ks < best.ks) best = { alpha, xmin, ks, start };
  }
  if (!best) return undefined;
  const tail = xs.slice(best.start);
  const n = tail.length;
  const z = hurwitzZeta(best.alpha, best.xmin);
  // Discrete exponential on k ≥ xmin: p(k) = (1 − e^-λ) e^{-λ(k − xmin)}, MLE λ = ln(1 + 1/(mean − xmin)).
  const mean = tail.reduce((s, x) => s + x, 0) / n;
  const lambda = mean > best.xmin ? Math.log(1 + 1 / (mean - best.xmin)) : 50;
  const diffs = tail.map((k) => -best!.alpha * Math.log(k) - Math.log(z) - (Math.log(1 - Math.exp(-lambda)) - lambda * (k - best!.xmin)));
  const R = diffs.reduce((s, d) => s + d, 0);
  const mu = R / n;
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mu) ** 2, 0) / n);
  const normalizedR = sd > 0 ? R / (sd * Math.sqrt(n)) : 0;
  const p = 2 * (1 - normalCdf(Math.abs(normalizedR)));
  const favours = p < 0.1 ? (R > 0 ? "power law" : "exponential") : "neither";
  return { alpha: best.alpha, xmin: best.xmin, tail: n, ks: best.ks, vsExponential: { logLikelihoodRatio: R, normalizedR, p, favours } };
}
