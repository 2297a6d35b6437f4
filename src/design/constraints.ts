/**
 * Sequence constraints of a design: fixed length, a maximum fraction of any one amino acid, a maximum
 * homopolymer run, and a minimum Shannon entropy in every 12-residue window (a SEG-like low-complexity filter;
 * Wootton & Federhen 1993). `repair` rewrites violating positions with the generator so every candidate the
 * search evaluates is admissible.
 */
import { AMINO_ACIDS } from "./amino-acids.js";
import type { Rng } from "../random/index.js";

/** Limits every designed sequence must respect. */
export interface SequenceConstraints {
  /** Maximum fraction of the sequence any single amino acid may take (0–1). */
  maxFraction: number;
  /** Longest allowed run of one amino acid. */
  maxRun: number;
  /** Minimum Shannon entropy (bits) of every window of `window` residues. */
  minEntropy: number;
  /** Window of the low-complexity filter. */
  window: number;
  /** Amino acids never to use (e.g. "C" to avoid cysteines). */
  exclude?: string;
}

/** Default constraints: ≤ 30 % of any residue, runs ≤ 4, window entropy ≥ 2.2 bits over 12 residues. */
export const DEFAULT_CONSTRAINTS: SequenceConstraints = { maxFraction: 0.3, maxRun: 4, minEntropy: 2.2, window: 12 };

function entropy(seq: string, start: number, width: number): number {
  const counts = new Map<string, number>();
  for (let i = start; i < start + width; i++) counts.set(seq[i], (counts.get(seq[i]) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) { const p = c / width; h -= p * Math.log2(p); }
  return h;
}

/** Positions that break a constraint (empty when the sequence is admissible). */
export function violations(seq: string, c: SequenceConstraints): number[] {
  const bad = new Set<number>();
  if (c.exclude) for (let i = 0; i < seq.length; i++) if (c.exclude.includes(seq[i])) bad.add(i);
  let run = 1;
  for (let i = 1; i < seq.length; i++) {
    run = seq[i] === seq[i - 1] ? run + 1 : 1;
    if (run > c.maxRun) bad.add(i);
  }
  const counts = new Map<string, number[]>();
  for (let i = 0; i < seq.length; i++) { const l = counts.get(seq[i]) ?? []; l.push(i); counts.set(seq[i], l); }
  const limit = Math.max(1, Math.floor(c.maxFraction * seq.length));
  for (const pos of counts.values()) if (pos.length > limit) for (const p of pos.slice(limit)) bad.add(p);
  if (seq.length >= c.window) {
    for (let s = 0; s + c.window <= seq.length; s += 1) {
      if (entropy(seq, s, c.window) < c.minEntropy) bad.add(s + Math.floor(c.window / 2));
    }
  }
  return [...bad].sort((a, b) => a - b);
}

/** Rewrites violating positions until the sequence is admissible (or `rounds` passes are spent). */
export function repair(seq: string, c: SequenceConstraints, rng: Rng, rounds = 20): string {
  const chars = seq.split("");
  const allowed = c.exclude ? [...AMINO_ACIDS].filter((a) => !c.exclude!.includes(a)).join("") : AMINO_ACIDS;
  for (let r = 0; r < rounds; r++) {
    const bad = violations(chars.join(""), c);
    if (bad.length === 0) break;
    for (const p of bad) {
      let aa = chars[p];
      while (aa === chars[p]) aa = allowed[rng.int(allowed.length)];
      chars[p] = aa;
    }
  }
  return chars.join("");
}
