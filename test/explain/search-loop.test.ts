import { describe, expect, it } from "vitest";
import { num, type Expr } from "../../src/expr/ast.js";
import { defaultSearchConfig } from "../../src/explain/explain.js";
import type { IslandState } from "../../src/explain/island.js";
import type { EpochReport, IslandExecutor, IslandExecutorFactory, IslandJob } from "../../src/explain/island-executor.js";
import type { PopMember } from "../../src/explain/pop-member.js";
import type { SearchConfig } from "../../src/explain/search-config.js";
import { runSearch } from "../../src/explain/search-loop.js";

const member = (hash: string, complexity: number, loss: number): PopMember => ({ expr: num(loss), hash, loss, complexity, birth: 0 });

function job(over: Partial<SearchConfig> = {}): IslandJob {
  const cfg: SearchConfig = { ...defaultSearchConfig(), islands: 2, migrants: 1, seed: 1, maxEvaluations: Infinity, deadline: Infinity, exactLoss: 1e-12, ...over };
  return { data: { variables: ["x"], columns: [Float64Array.of(1, 2)], target: Float64Array.of(1, 2), targetVariance: 1 }, cfg };
}

/**
 * An executor that does no search: each island spends min(quota, `perEpoch`) evaluations per epoch and
 * reports a member whose loss halves every epoch (or `lossAt(epoch)`), so the loop's rules can be watched.
 */
class FakeExecutor implements IslandExecutor {
  evaluations = 0;
  readonly quotas: number[] = [];
  readonly epochs: number[] = [];
  readonly seen: IslandState[][] = [];
  closed = false;
  started: readonly Expr[] | null = null;

  constructor(
    private readonly islands: number,
    private readonly perEpoch = 10,
    private readonly lossAt: (epoch: number, island: number) => number = (e) => 0.5 ** e,
    private readonly failAt = Infinity,
  ) {}

  async start(seeds: readonly Expr[]): Promise<EpochReport> {
    this.started = seeds;
    const islands = Array.from({ length: this.islands }, (_, i) => {
      const m = member(`start-${i}`, 5 + i, 0.9);
      return { state: { members: [m, member(`own-${i}`, 9, 0.95)], step: 0 }, front: [m] };
    });
    return { islands, evaluations: this.evaluations };
  }

  async evolve(states: readonly IslandState[], epoch: number, quota: number): Promise<EpochReport> {
    if (epoch >= this.failAt) throw new Error("worker lost");
    this.epochs.push(epoch);
    this.quotas.push(quota);
    this.seen.push(states.map((s) => ({ members: s.members.slice(), step: s.step })));
    const islands = states.map((s, i) => {
      this.evaluations += Math.min(quota, this.perEpoch);
      const m = member(`e${epoch}-i${i}`, 3 + i, this.lossAt(epoch, i));
      return { state: { members: s.members, step: s.step + 1 }, front: [m] };
    });
    return { islands, evaluations: this.evaluations };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function factoryOf(ex: FakeExecutor, calls: { job?: IslandJob; signal?: AbortSignal } = {}): IslandExecutorFactory {
  return async (j, signal) => {
    calls.job = j;
    calls.signal = signal;
    return ex;
  };
}

describe("the epoch loop over an executor", () => {
  it("stops when the evaluation budget is spent, giving each island an equal share of what is left", async () => {
    const ex = new FakeExecutor(2, 20);
    const out = await runSearch(job({ maxEvaluations: 95 }), [], { executor: factoryOf(ex) });
    expect(out.stoppedBy).toBe("evaluations");
    // 95 left → 48 each (40 spent), 55 → 28 each (40), 15 → 8 each (16): shares are rounded up, so the
    // budget is overshot by less than one evaluation per island.
    expect(out.evaluations).toBe(96);
    expect(ex.quotas).toEqual([48, 28, 8]);
    expect(ex.epochs).toEqual([1, 2, 3]);
    expect(ex.closed).toBe(true);
  });

  it("stops at the next epoch boundary once the signal aborts, and closes the executor", async () => {
    const ex = new FakeExecutor(2);
    const ctrl = new AbortController();
    const calls: { signal?: AbortSignal } = {};
    const out = await runSearch(job(), [], {
      executor: factoryOf(ex, calls),
      signal: ctrl.signal,
      onEpoch: () => {
        if (ex.epochs.length === 3) ctrl.abort();
      },
    });
    expect(out.stoppedBy).toBe("signal");
    expect(ex.epochs).toEqual([1, 2, 3]);
    expect(calls.signal).toBe(ctrl.signal);
    expect(ex.closed).toBe(true);
  });

  it("runs no epoch when aborted before it starts", async () => {
    const ex = new FakeExecutor(2);
    const ctrl = new AbortController();
    ctrl.abort();
    const out = await runSearch(job(), [], { executor: factoryOf(ex), signal: ctrl.signal });
    expect(out.stoppedBy).toBe("signal");
    expect(ex.epochs).toEqual([]);
  });

  it("stops when a law is exact, and when the deadline has passed", async () => {
    const exact = new FakeExecutor(2, 10, (e, i) => (e === 4 && i === 1 ? 0 : 0.5));
    expect((await runSearch(job(), [], { executor: factoryOf(exact) })).stoppedBy).toBe("exact");
    expect(exact.epochs).toEqual([1, 2, 3, 4]);
    const late = new FakeExecutor(2);
    expect((await runSearch(job({ deadline: Date.now() - 1 }), [], { executor: factoryOf(late) })).stoppedBy).toBe("time");
    expect(late.epochs).toEqual([]);
  });

  it("hands the executor its job and seeds, and returns the Pareto front of everything the islands reported", async () => {
    const ex = new FakeExecutor(2, 10);
    const calls: { job?: IslandJob } = {};
    const j = job({ maxEvaluations: 40 });
    const seeds = [num(1)];
    const out = await runSearch(j, seeds, { executor: factoryOf(ex, calls) });
    expect(calls.job).toBe(j);
    expect(ex.started).toBe(seeds);
    // Epochs 1 and 2 (20 evaluations each): start members at complexity 5, 6; epoch members at 3, 4.
    expect(out.pareto.map((m) => m.hash)).toEqual(["e2-i0"]);
    expect(out.evaluations).toBe(40);
  });

  it("migrates front members into the states it hands to the next epoch", async () => {
    const ex = new FakeExecutor(2, 10);
    await runSearch(job({ maxEvaluations: 60, migrants: 1 }), [], { executor: factoryOf(ex) });
    // Epoch 2 sees the states migration made from epoch 1's front (e1-i0 is its only member).
    for (const state of ex.seen[1]) expect(state.members.some((m) => m.hash === "e1-i0")).toBe(true);
    // Migration is seeded by (seed, epoch): the same run migrates the same way.
    const again = new FakeExecutor(2, 10);
    await runSearch(job({ maxEvaluations: 60, migrants: 1 }), [], { executor: factoryOf(again) });
    expect(JSON.stringify(again.seen)).toBe(JSON.stringify(ex.seen));
  });

  it("reports each epoch's best law and evaluation count", async () => {
    const ex = new FakeExecutor(2, 10);
    const heard: [string | undefined, number][] = [];
    await runSearch(job({ maxEvaluations: 60 }), [], { executor: factoryOf(ex), onEpoch: (best, evals) => heard.push([best?.hash, evals]) });
    expect(heard).toEqual([
      ["e1-i0", 20],
      ["e2-i0", 40],
      ["e3-i0", 60],
    ]);
  });

  it("closes the executor when an epoch fails, and lets the failure through", async () => {
    const ex = new FakeExecutor(2, 10, undefined, 2);
    await expect(runSearch(job(), [], { executor: factoryOf(ex) })).rejects.toThrow("worker lost");
    expect(ex.closed).toBe(true);
  });
});
