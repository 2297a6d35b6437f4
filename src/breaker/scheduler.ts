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
 * Splits a batch among strategies in proportion to their weights, in the mix's order. A strategy that
 * has nothing to say (no competitors yet, residuals look like noise) passes its unused slots on to the
 * next one; whatever is still unfilled at the end goes to coverage, then to random sampling, so a
 * batch is always full while candidates remain.
 */
export function chooseBatch(ctx: BreakerContext, mix: readonly WeightedStrategy[], count: number): Pick[] {
  const active = mix.filter((m) => m.weight > 0);
  const total = active.reduce((s, m) => s + m.weight, 0);
  const quotas = active.map((m) => Math.floor((count * m.weight) / (total || 1)));
  let rest = count - quotas.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0 && active.length > 0; i = (i + 1) % active.length, rest--) quotas[i]++;
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
