/**
 * Sequence identity of a design to natural sequences. Identity is the number of identical aligned pairs in the
 * best semi-global alignment (the design aligned end to end, free end gaps in the natural sequence; match +1,
 * mismatch 0, gap −0.5 per residue) divided by the design's length. A design's identity is its highest
 * identity to any natural sequence (0 = nothing in common, 1 = a natural sequence or fragment of one); its
 * novelty is 1 − identity.
 */
import type { NaturalSequence } from "./natural-sequences.js";

const GAP = -0.5;

/** Identity (0–1) of `design` to its best-matching stretch of `natural`. */
export function alignedIdentity(design: string, natural: string): number {
  const n = design.length;
  const m = natural.length;
  if (n === 0) return 0;
  // score[j] and matches[j] for the previous row; row i aligns design[0..i).
  let prevScore = new Float64Array(m + 1);
  let prevMatch = new Int32Array(m + 1);
  let curScore = new Float64Array(m + 1);
  let curMatch = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    curScore[0] = GAP * i;
    curMatch[0] = 0;
    const a = design.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const same = a === natural.charCodeAt(j - 1) ? 1 : 0;
      let best = prevScore[j - 1] + same;
      let bm = prevMatch[j - 1] + same;
      const up = prevScore[j] + GAP;
      if (up > best || (up === best && prevMatch[j] > bm)) { best = up; bm = prevMatch[j]; }
      const left = curScore[j - 1] + GAP;
      if (left > best || (left === best && curMatch[j - 1] > bm)) { best = left; bm = curMatch[j - 1]; }
      curScore[j] = best;
      curMatch[j] = bm;
    }
    [prevScore, curScore] = [curScore, prevScore];
    [prevMatch, curMatch] = [curMatch, prevMatch];
  }
  // Free end gap in the natural sequence: take the best cell of the last row.
  let best = -Infinity;
  let matches = 0;
  for (let j = 0; j <= m; j++) {
    if (prevScore[j] > best || (prevScore[j] === best && prevMatch[j] > matches)) { best = prevScore[j]; matches = prevMatch[j]; }
  }
  return matches / n;
}

/** Highest identity of a design to any natural sequence, and which one (novelty is 1 − identity). */
export function novelty(design: string, natural: readonly NaturalSequence[]): { identity: number; nearest: string | null } {
  let identity = 0;
  let nearest: string | null = null;
  for (const s of natural) {
    const id = alignedIdentity(design, s.sequence);
    if (id > identity) { identity = id; nearest = s.id; }
  }
  return { identity, nearest };
}

/** Fraction of identical positions of two equal-length sequences (ungapped). */
export function hammingIdentity(a: string, b: string): number {
  let same = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return n === 0 ? 0 : same / Math.max(a.length, b.length);
}
