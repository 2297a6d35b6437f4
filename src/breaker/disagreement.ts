import { candidatePoints, greedyPick } from "./pick.js";
import type { BreakerStrategy } from "./types.js";

/** Bits of description length over which a competitor's vote halves (a law much worse than the current one counts less). */
const BITS_SCALE = 20;

/** Score of a candidate where the current law predicts nothing (NaN, ±∞): above any finite disagreement. */
const UNDEFINED_SCORE = 1e300;

/**
 * Disagreement: ask where the competing laws (Pareto front, received theory, proposals) differ most
 * from the current law, measured in units of the expected noise there. A large normalised gap is a
 * place where one experiment can tell the laws apart. Competitors far worse in bits are down-weighted.
 * Where the current law itself is undefined (a square root of a negative number, a pole between the
 * observations) it predicts nothing at all, so any finite answer refutes it: those places come first.
 */
export const disagreementStrategy: BreakerStrategy = {
  name: "disagreement",
  summary: "where the competing laws differ most from the current law, in units of the noise (first: where it is undefined)",
  choose(ctx, count, taken) {
    const current = ctx.current;
    if (!current || ctx.candidates.length === 0) return [];
    const base = current.predict(ctx.candidates);
    const scores = new Float64Array(ctx.candidates.length);
    let any = false;
    for (let i = 0; i < base.length; i++) {
      if (!Number.isFinite(base[i])) {
        scores[i] = UNDEFINED_SCORE;
        any = true;
      }
    }
    for (const comp of ctx.competitors) {
      if (comp.law === current.law) continue;
      const w = 1 / (1 + Math.max(0, comp.bits - current.bits) / BITS_SCALE);
      const p = comp.predict(ctx.candidates);
      for (let i = 0; i < p.length; i++) {
        if (!Number.isFinite(p[i]) || !Number.isFinite(base[i])) continue;
        const z = (w * Math.abs(p[i] - base[i])) / ctx.noise.sigma(base[i]);
        if (z > scores[i]) scores[i] = z;
        any = true;
      }
    }
    if (!any) return [];
    return greedyPick(candidatePoints(ctx), scores, count, taken);
  },
};
