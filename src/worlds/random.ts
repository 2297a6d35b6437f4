/**
 * Seeded random streams for worlds.
 *
 * Each experiment draws from its own stream, keyed by (seed, query index), so an answer never depends on
 * how experiments were batched or whether the run was interrupted and resumed: experiment #k of a run
 * with seed s always sees the same noise.
 */

/** A source of uniform numbers in [0, 1) plus the distributions the simulators need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** Exponential with mean 1. */
  exponential(): number;
  /** Poisson with the given mean (mean ≥ 0; exact for every mean). */
  poisson(mean: number): number;
}

/** splitmix32 finaliser: spreads the bits of a 32-bit integer. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Folds any finite seed (including large or fractional ones) into 32 bits. */
function seedBits(seed: number): number {
  const lo = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 4294967296) >>> 0;
  return mix32(lo ^ mix32(hi ^ 0x5bd1e995));
}

/** The stream of experiment number `index` of a run with `seed` (an optional `salt` separates unrelated streams). */
export function streamFor(seed: number, index: number, salt = 0): Rng {
  const s = seedBits(seed);
  const i = seedBits(index);
  let a = mix32(s ^ 0xa511e9b3);
  let b = mix32(i ^ 0x63d83595);
  let c = mix32((s + Math.imul(i, 0x27d4eb2f) + salt) | 0);
  let d = 1;
  // sfc32: small, fast, passes PractRand; 12 warm-up rounds decorrelate neighbouring keys.
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let k = 0; k < 12; k++) next32();
  const next = (): number => (next32() + (next32() >>> 11) * 4294967296) / 9007199254740992;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    // Polar Box–Muller: no trigonometry, exact normal deviates.
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const r = u * u + v * v;
      if (r > 0 && r < 1) {
        const f = Math.sqrt((-2 * Math.log(r)) / r);
        spare = v * f;
        return u * f;
      }
    }
  };
  const exponential = (): number => -Math.log(1 - next());
  const poisson = (mean: number): number => samplePoisson(mean, next);
  return { next, normal, exponential, poisson };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error below 1e-14). */
export function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = g[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Poisson deviate: multiplication method below mean 10, Hörmann's transformed rejection (PTRS) above. */
function samplePoisson(mean: number, next: () => number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson mean must be finite and non-negative, got ${mean}`);
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
