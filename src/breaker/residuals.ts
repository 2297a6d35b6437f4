import { unitDistance, unitPoint } from "./space.js";
import { candidatePoints, greedyPick } from "./pick.js";
import type { BreakerStrategy } from "./types.js";

/** Kernel width in the unit cube: how far a residual's structure is trusted to extend. */
const BANDWIDTH = 0.08;

/**
 * Residual structure: where the current law misses systematically. Each candidate is scored by the
 * kernel-weighted sum of the standardised residuals around it, divided by the root of the summed squared
 * weights — a local z-statistic that is large inside clusters of same-sign residuals (a missed bump, a
 * curvature, a kink) and small where residuals alternate like noise. Asking there, densely, either
 * confirms the misfit or clears the law.
 */
export const residualsStrategy: BreakerStrategy = {
  name: "residuals",
  summary: "where residuals of the current law cluster with one sign (systematic misfit)",
  choose(ctx, count, taken) {
    const current = ctx.current;
    if (!current) return [];
    const exps = ctx.evidence.experiments;
    const idx: number[] = [];
    exps.forEach((_, i) => {
      if (ctx.evidence.outputs[i] !== null) idx.push(i);
    });
    if (idx.length < 3) return [];
    const pred = current.predict(idx.map((i) => exps[i]));
    const pts: number[][] = [];
    const z: number[] = [];
    idx.forEach((i, k) => {
      const y = ctx.evidence.outputs[i] as number;
      if (!Number.isFinite(pred[k])) return;
      pts.push(unitPoint(ctx.inputs, exps[i]));
      z.push((y - pred[k]) / ctx.noise.sigma(pred[k]));
    });
    if (pts.length < 3) return [];
    const cands = candidatePoints(ctx);
    const scores = new Float64Array(cands.length);
    for (let c = 0; c < cands.length; c++) {
      if (ctx.local && !ctx.local[c]) continue;
      let sw = 0;
      let sw2 = 0;
      for (let i = 0; i < pts.length; i++) {
        const d = unitDistance(cands[c], pts[i]);
        const w = Math.exp(-(d * d) / (2 * BANDWIDTH * BANDWIDTH));
        sw += w * z[i];
        sw2 += w * w;
      }
      // Below ~1.5 the cluster is indistinguishable from noise; the strategy then yields its slots.
      const stat = sw2 > 1e-9 ? Math.abs(sw) / Math.sqrt(sw2) : 0;
      scores[c] = stat > 1.5 ? stat : 0;
    }
    return greedyPick(cands, scores, count, taken, BANDWIDTH / 2);
  },
};
