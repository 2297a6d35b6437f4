import { Mulberry32 } from "../random/mulberry32.js";

/** A seeded generator so path sampling, analogy search and planted benchmarks are reproducible. */
export class SeededRandom extends Mulberry32 {
  /** One element chosen uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
