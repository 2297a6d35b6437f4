/**
 * Independent streams from one seed. A stream is keyed by (seed, labels) — ("breaker", round 3),
 * ("experiment", 17) — and never carried from one round or experiment to the next, so a resumed run, a
 * run batched differently and an uninterrupted one draw exactly the same numbers.
 */
import { mix32, Rng } from "./generator.js";

/** A label of a stream: its text is what counts, so 3 and "3" name the same stream. */
export type StreamLabel = string | number;

/**
 * The 32-bit seed of the stream (seed, ...labels): FNV-1a over the labels' text, started from the mixed
 * seed (both 32-bit halves, so seeds above 2^32 stay apart) and finalised so that neighbouring labels
 * (experiment 16, 17) give unrelated seeds.
 */
export function deriveSeed(seed: number, ...labels: readonly StreamLabel[]): number {
  const lo = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 4294967296) >>> 0;
  let h = mix32(lo ^ mix32(hi ^ 0x5bd1e995));
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A separator (a control character labels do not use), so ("ab") and ("a", "b") differ.
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The generator of the stream (seed, ...labels). */
export function derive(seed: number, ...labels: readonly StreamLabel[]): Rng {
  return new Rng(deriveSeed(seed, ...labels));
}
