import { Mulberry32 } from "../random/mulberry32.js";

/** The design search's seeded generator, so every design run is reproducible from its seed. */
export class Rng extends Mulberry32 {
  /** Exponentially distributed with mean 1 (the waiting "hazard budget" of kinetic Monte Carlo). */
  exponential(): number {
    return -Math.log(1 - this.next());
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Index drawn with probability proportional to the (non-negative) weights. */
  pick(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Derives an independent child seed from a seed and a stream index (for replicas and per-candidate noise). */
export function childSeed(seed: number, index: number): number {
  let h = (Math.floor(seed) * 0x27d4eb2d + index * 0x165667b1 + 0x3c6ef372) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
