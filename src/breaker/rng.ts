/**
 * Seeded randomness for the Breaker. Every stream is derived from (run seed, labels) rather than
 * carried across rounds, so a resumed run draws exactly what an uninterrupted one would have drawn.
 */

/** A deterministic generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** FNV-1a over the text of the labels, mixed into a 32-bit seed. */
export function seedFor(seed: number, ...labels: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = labels.join("\u0000");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= Math.floor(seed / 2 ** 32);
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for experiment design. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one purpose of one round of one run. */
export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
  return makeRng(seedFor(seed, ...labels));
}
