import { coverageStrategy } from "./coverage.js";
import { randomStrategy } from "./random.js";
import type { BreakerContext, BreakerStrategy } from "./types.js";

/** A strategy with its share of each batch. */
export interface WeightedStrategy {
  strategy: BreakerStrategy;
  weight: number;
}

/** One experiment of a batch and the strategy that chose it. */
export interface Pick {
  index: number;
  strategy: string;
}

/**
 * Slots of a batch per strategy: positions `offset … offset + count − 1` of one smooth weighted
 * round-robin sequence over the whole run (at each position every strategy gains its weight and the one
 * with the most credit takes the slot, paying the total; ties go to the earlier in the mix). Each
 * strategy thus gets its share of the run's experiments however small the batches: with batches of one,
 * a mix of weights 1:3:2:3 still alternates among all strategies instead of always asking the first.
 * `lead` (an index) starts with enough credit to take position 0, and its share stays the same after.
 */
export function batchQuotas(weights: readonly number[], count: number, offset = 0, lead = -1): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map(() => 0);
  if (total <= 0 || weights.length === 0) return quotas;
  const credit = weights.map((w, i) => (i === lead && w > 0 ? total - w : 0));
  for (let pos = 0; pos < offset + count; pos++) {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      credit[i] += weights[i];
      if (credit[i] > credit[best]) best = i;
    }
    credit[best] -= total;
    if (pos >= offset) quotas[best]++;
  }
  return quotas;
}

/** The strategy that opens a run's first designed batch. */
const LEAD = "frontier";

/**
 * Splits a batch among strategies by their weights (`batchQuotas`; `offset` = experiments the Breaker
 * chose earlier in the run), in the mix's order. A strategy that has nothing to say (no competitors yet,
 * residuals look like noise) passes its unused slots on to the next one; whatever is still unfilled at
 * the end goes to coverage, then to random sampling, so a batch is always full while candidates remain.
 */
export function chooseBatch(ctx: BreakerContext, mix: readonly WeightedStrategy[], count: number, offset = 0): Pick[] {
  const active = mix.filter((m) => m.weight > 0);
  // The run opens with the boldest probe: a theory built in a comfortable corner is most exposed where
  // it extrapolates furthest, so that is the first place to attack it.
  const quotas = batchQuotas(active.map((m) => m.weight), count, offset, active.findIndex((m) => m.strategy.name === LEAD));
  const taken = new Set<number>();
  const picks: Pick[] = [];
  let carry = 0;
  const take = (strategy: BreakerStrategy, n: number) => {
    if (n <= 0) return 0;
    const got = strategy.choose(ctx, n, taken).slice(0, n);
    for (const i of got) {
      if (taken.has(i) || i < 0 || i >= ctx.candidates.length) continue;
      taken.add(i);
      picks.push({ index: i, strategy: strategy.name });
    }
    return got.length;
  };
  active.forEach((m, k) => {
    const want = quotas[k] + carry;
    carry = want - take(m.strategy, want);
  });
  for (const fallback of [coverageStrategy, randomStrategy]) {
    const missing = count - picks.length;
    if (missing <= 0) break;
    take(fallback, missing);
  }
  return picks;
}

/** The stage to collect next: the first strategy in the mix with a preference decides. */
export function chooseStage(ctx: BreakerContext, mix: readonly WeightedStrategy[]): { stage: string; strategy: string } | undefined {
  for (const m of mix) {
    const s = m.weight > 0 ? m.strategy.chooseStage?.(ctx) : undefined;
    if (s !== undefined) return { stage: s, strategy: m.strategy.name };
  }
  const first = ctx.collectableStages?.[0];
  return first ? { stage: first.id, strategy: "order" } : undefined;
}
