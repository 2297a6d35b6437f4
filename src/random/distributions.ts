/**
 * Every draw the project makes, written once over a plain uniform source (as stdlib-js builds each of its
 * distributions on one base generator). `Rng` exposes them as methods; code that passes uniform sources
 * around (`seededRandom(seed)`) calls them directly.
 */
import { DistributionError } from "./errors.js";
import { logGamma } from "./log-gamma.js";

/** A source of uniform numbers in [0, 1), such as `new Rng(seed).next`. */
export type UniformSource = () => number;

/** Uniform float in [lo, hi). */
export function uniform(next: UniformSource, lo: number, hi: number): number {
  return lo + (hi - lo) * next();
}

/** Uniform integer in [0, n). */
export function int(next: UniformSource, n: number): number {
  return Math.floor(next() * n);
}

/** Standard normal (mean 0, variance 1) by Box–Muller; `1 - u` keeps the logarithm's argument in (0, 1]. */
export function normal(next: UniformSource): number {
  const u = 1 - next();
  const w = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
}

/** Exponential with mean 1 (a waiting time, or the hazard budget of kinetic Monte Carlo). */
export function exponential(next: UniformSource): number {
  return -Math.log(1 - next());
}

/** Poisson with the given mean, exact for every mean: multiplication below 10, Hörmann's PTRS above. */
export function poisson(next: UniformSource, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new DistributionError(`poisson mean must be finite and non-negative, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = next();
    while (p > limit) {
      k += 1;
      p *= next();
    }
    return k;
  }
  // Hörmann, "The transformed rejection method for generating Poisson random variables" (1993).
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = next() - 0.5;
    const v = next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logGamma(k + 1)) return k;
  }
}

/** One element of a non-empty array, chosen uniformly. */
export function pick<T>(next: UniformSource, items: readonly T[]): T {
  return items[int(next, items.length)];
}

/** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
export function weightedIndex(next: UniformSource, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let r = next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A shuffled copy (Fisher–Yates, from the last position down). */
export function shuffle<T>(next: UniformSource, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(next, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
