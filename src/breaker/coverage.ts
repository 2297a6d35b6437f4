import { unitDistance, unitPoint } from "./space.js";
import { candidatePoints } from "./pick.js";
import type { BreakerStrategy } from "./types.js";

/**
 * Coverage: reach beyond the support of the evidence. Maximin space filling over the full range —
 * each pick is the candidate farthest from every observation and every earlier pick — so the run
 * leaves the comfortable initial sub-range where the received theory was built. It keeps to the round's
 * attack region, so the support grows outward step by step instead of jumping to the far corners.
 */
export const coverageStrategy: BreakerStrategy = {
  name: "coverage",
  summary: "space-filling: the candidates farthest from all evidence (leaves the initial sub-range first)",
  choose(ctx, count, taken) {
    const pts = candidatePoints(ctx);
    const nearest = new Float64Array(pts.length).fill(Infinity);
    const visit = (q: number[]) => {
      for (let i = 0; i < pts.length; i++) nearest[i] = Math.min(nearest[i], unitDistance(pts[i], q));
    };
    for (const e of ctx.evidence.experiments) visit(unitPoint(ctx.inputs, e));
    for (const t of taken) visit(pts[t]);
    const out: number[] = [];
    while (out.length < count) {
      let best = -1;
      for (let i = 0; i < pts.length; i++) if ((!ctx.local || ctx.local[i]) && !taken.has(i) && !out.includes(i) && nearest[i] > 1e-12 && (best < 0 || nearest[i] > nearest[best])) best = i;
      if (best < 0) break;
      out.push(best);
      visit(pts[best]);
    }
    return out;
  },
};
