import { coverageStrategy } from "./coverage.js";
import type { BreakerStrategy } from "./types.js";

/**
 * Frontier: the single boldest probe — the candidate farthest from all evidence anywhere in the full
 * range, ignoring the attack region. A received theory built in a comfortable corner usually fails
 * first where it extrapolates furthest, so one such probe per batch falsifies it early, while the rest
 * of the batch (coverage, residuals) advances the support step by step.
 */
export const frontierStrategy: BreakerStrategy = {
  name: "frontier",
  summary: "the one experiment farthest from all evidence in the whole range (boldest extrapolation)",
  choose(ctx, count, taken) {
    const { local: _local, ...global } = ctx;
    return coverageStrategy.choose(global, Math.min(count, 1), taken);
  },
};
