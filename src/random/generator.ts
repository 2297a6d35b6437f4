import { exponential, normal, pick, poisson, shuffle, uniform, weightedIndex, type UniformSource } from "./distributions.js";

/** The murmur3 finaliser: every input bit flips about half of the output bits (seeds and stream keys). */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The project's one seeded generator: mulberry32 with splitmix-style seed mixing, so nearby seeds (1, 2, 3…)
 * do not start alike and every run is reproducible from its seed on any machine. Every draw of every layer
 * comes from one of these (or from `seededRandom`, the same generator as a plain function); independent
 * streams come from `derive` (streams.ts), never from a second core.
 */
export class Rng {
  private state: number;

  /** Creates a generator; equal seeds give equal streams. */
  constructor(seed: number) {
    this.state = mix32(Math.floor(seed) ^ 0x9e3779b9);
  }

  /** Uniform float in [0, 1). A bound function, so `rng.next` can be handed on as a `UniformSource`. */
  readonly next: UniformSource = () => {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return uniform(this.next, lo, hi);
  }

  /** Standard normal draw. */
  normal(): number {
    return normal(this.next);
  }

  /** Exponential with mean 1. */
  exponential(): number {
    return exponential(this.next);
  }

  /** Poisson with the given mean (mean ≥ 0; exact for every mean). */
  poisson(mean: number): number {
    return poisson(this.next, mean);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return pick(this.next, items);
  }

  /** Index chosen with probability proportional to `weights` (non-negative, not all zero). */
  weighted(weights: ArrayLike<number>): number {
    return weightedIndex(this.next, weights);
  }

  /** A shuffled copy of `items`. */
  shuffle<T>(items: readonly T[]): T[] {
    return shuffle(this.next, items);
  }

  /**
   * A fresh 32-bit seed drawn from this stream, for a child whose seed depends on how far the parent has
   * come (the Explainer's per-candidate fits); streams keyed by fixed labels use `derive` instead.
   */
  fork(): number {
    return Math.floor(this.next() * 4294967296);
  }
}

/** The generator of `seed` as a plain uniform source in [0, 1), for code that passes functions around. */
export function seededRandom(seed: number): UniformSource {
  return new Rng(seed).next;
}
