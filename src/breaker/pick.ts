import { unitDistance, unitPoint } from "./space.js";
import type { BreakerContext } from "./types.js";

/** Unit-cube coordinates of every candidate of a context (computed once per strategy call). */
export function candidatePoints(ctx: BreakerContext): number[][] {
  return ctx.candidates.map((c) => unitPoint(ctx.inputs, c));
}

/**
 * Greedy batch selection by score with repulsion: after each pick, nearby candidates lose score in
 * proportion to their closeness (Gaussian of width `radius` in the unit cube), so a batch spreads over
 * the several places worth asking instead of piling onto one. Non-finite or non-positive scores are never picked.
 */
export function greedyPick(
  points: readonly number[][],
  scores: Float64Array,
  count: number,
  taken: ReadonlySet<number>,
  radius = 0.05,
): number[] {
  const s = Float64Array.from(scores, (x) => (Number.isFinite(x) ? x : -Infinity));
  for (const t of taken) repel(points, s, t, radius);
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    for (let i = 0; i < s.length; i++) if (!taken.has(i) && !chosen.includes(i) && s[i] > 0 && (best < 0 || s[i] > s[best])) best = i;
    if (best < 0) break;
    chosen.push(best);
    repel(points, s, best, radius);
  }
  return chosen;
}

function repel(points: readonly number[][], s: Float64Array, at: number, radius: number): void {
  const p = points[at];
  if (!p) return;
  for (let i = 0; i < s.length; i++) {
    const d = unitDistance(points[i], p);
    s[i] *= 1 - Math.exp(-(d * d) / (2 * radius * radius));
  }
}
