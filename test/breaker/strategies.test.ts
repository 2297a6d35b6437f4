import { describe, expect, it } from "vitest";
import { breakerStrategies, chooseBatch, chooseStage, fitNoiseEstimate, strategiesByName } from "../../src/breaker/index.js";
import type { BreakerContext } from "../../src/breaker/index.js";
import { seededRandom } from "../../src/random/index.js";
import { attackRegion, fullRangeRound } from "../../src/breaker/space.js";
import type { WorldInfo } from "../../src/worlds/world.js";
import { context, grid, info, law } from "./context.js";

/** The shared hand-made context with 101 candidates instead of 11. */
const ctx = (over: Partial<BreakerContext>): BreakerContext => context({ candidates: grid(101), ...over });

describe("Breaker strategies", () => {
  it("coverage picks the candidates farthest from the evidence, spread out", () => {
    const picks = breakerStrategies.coverage.choose(ctx({}), 2, new Set()).map((i) => grid(101)[i].x);
    expect(picks[0]).toBe(10);
    expect(picks[1]).toBeGreaterThan(4);
    expect(picks[1]).toBeLessThan(6);
  });

  it("frontier probes the farthest point of the whole range, even outside the attack region", () => {
    const local = Uint8Array.from(grid(101), (e) => (e.x <= 2 ? 1 : 0));
    expect(breakerStrategies.frontier.choose(ctx({ local }), 3, new Set()).map((i) => grid(101)[i].x)).toEqual([10]);
    expect(breakerStrategies.coverage.choose(ctx({ local }), 1, new Set()).map((i) => grid(101)[i].x)).toEqual([2]);
  });

  it("disagreement asks first where the current law is undefined, even with no competitor", () => {
    const holed = law((x) => Math.sqrt((x - 4) * (x - 6)), 100, "holed");
    const picks = breakerStrategies.disagreement.choose(ctx({ current: holed, competitors: [] }), 2, new Set()).map((i) => grid(101)[i].x);
    expect(picks).toHaveLength(2);
    for (const x of picks) expect(x > 4 && x < 6).toBe(true);
    // A competitor far off elsewhere does not outrank a place where the law predicts nothing.
    const far = law((x) => (x > 9 ? 1e6 : Math.sqrt(Math.abs((x - 4) * (x - 6)))), 100, "far");
    const first = breakerStrategies.disagreement.choose(ctx({ current: holed, competitors: [far] }), 1, new Set()).map((i) => grid(101)[i].x);
    expect(first[0] > 4 && first[0] < 6).toBe(true);
  });

  it("disagreement asks where a competitor departs most from the current law, in noise units", () => {
    // The competitor agrees below x = 6 and departs sharply around x = 8.
    const comp = law((x) => x + 50 * Math.exp(-((x - 8) ** 2)), 100, "bump");
    const picks = breakerStrategies.disagreement.choose(ctx({ competitors: [comp] }), 1, new Set()).map((i) => grid(101)[i].x);
    expect(picks).toEqual([8]);
    expect(breakerStrategies.disagreement.choose(ctx({ competitors: [] }), 3, new Set())).toEqual([]);
  });

  it("residuals target a cluster of same-sign residuals and ignore noise-like ones", () => {
    const exps = grid(41);
    const outputs = exps.map((e, i) => e.x + (e.x > 6 && e.x < 7 ? 4 : i % 2 === 0 ? 0.3 : -0.3));
    const picks = breakerStrategies.residuals.choose(ctx({ evidence: { experiments: exps, outputs } }), 2, new Set()).map((i) => grid(101)[i].x);
    expect(picks.length).toBeGreaterThan(0);
    for (const x of picks) expect(x > 5.5 && x < 7.5).toBe(true);
    const noisy = exps.map((e, i) => e.x + (i % 2 === 0 ? 0.3 : -0.3));
    expect(breakerStrategies.residuals.choose(ctx({ evidence: { experiments: exps, outputs: noisy } }), 2, new Set())).toEqual([]);
  });

  it("the scheduler fills a batch from the mix and falls back when strategies have nothing to say", () => {
    const mix = strategiesByName(["disagreement", "residuals", "coverage"]).map((s) => ({ strategy: s, weight: 1 }));
    const picks = chooseBatch(ctx({}), mix, 6);
    expect(picks).toHaveLength(6);
    expect(new Set(picks.map((p) => p.index)).size).toBe(6);
    expect(picks.every((p) => p.strategy === "coverage")).toBe(true);
    const randomPicks = chooseBatch(ctx({}), [{ strategy: breakerStrategies.random, weight: 1 }], 5);
    expect(randomPicks.map((p) => p.strategy)).toEqual(Array(5).fill("random"));
  });

  it("opens a run with the frontier probe, then rotates the mix one experiment at a time", () => {
    const mix = strategiesByName(["frontier", "disagreement", "coverage"]).map((s, i) => ({ strategy: s, weight: [1, 3, 3][i] }));
    const c = ctx({ competitors: [law((x) => x + 0.5 * Math.max(0, x - 5), 100, "kinked")] });
    const first = chooseBatch(c, mix, 1, 0);
    expect(first.map((p) => p.strategy)).toEqual(["frontier"]);
    expect(grid(101)[first[0].index].x).toBe(10);
    const next = [1, 2, 3, 4].map((offset) => chooseBatch(c, mix, 1, offset)[0].strategy);
    expect(next).toContain("disagreement");
    expect(next).toContain("coverage");
    // Later batches follow the weights: the frontier gets no slot in the next four experiments.
    expect(next).not.toContain("frontier");
  });

  it("for staged worlds prefers the collectable stage deepest in the protocol", () => {
    const staged: WorldInfo = {
      ...info,
      shape: "staged",
      stages: [
        { id: "a", prerequisites: [], initial: true },
        { id: "b", prerequisites: ["a"], initial: false },
        { id: "c", prerequisites: ["b"], initial: false },
        { id: "side", prerequisites: ["a"], initial: false },
      ],
    };
    const c = ctx({ info: staged, collectableStages: [staged.stages![3], staged.stages![2]], collectedStages: ["a", "b"] });
    expect(chooseStage(c, [{ strategy: breakerStrategies.stages, weight: 1 }])).toEqual({ stage: "c", strategy: "stages" });
  });

  it("fits counting noise (variance grows with the mean) and constant noise", () => {
    const rng = seededRandom(3);
    const pred = Array.from({ length: 400 }, (_, i) => 10 + i * 2);
    const obs = pred.map((p) => p + Math.sqrt(p) * (rng() * 2 - 1) * Math.sqrt(3));
    const m = fitNoiseEstimate(pred, obs);
    expect(m.sigma(800) / m.sigma(50)).toBeGreaterThan(2.5);
    const flat = fitNoiseEstimate(pred, pred.map((p, i) => p + (i % 2 ? 1 : -1)));
    expect(flat.sigma(800)).toBeCloseTo(flat.sigma(50), 5);
  });

  it("the attack region grows from the initial sub-range to the full range by round 4", () => {
    expect(attackRegion(info.inputs, 0)[0]).toEqual([0, 0.1]);
    expect(attackRegion(info.inputs, 2)[0][1]).toBeCloseTo(0.55);
    expect(attackRegion(info.inputs, 4)[0]).toEqual([0, 1]);
    const tiny = [{ name: "v", min: 10, max: 10000, kind: "real" as const, initial: [500, 700] as [number, number] }];
    const r1 = attackRegion(tiny, 1)[0];
    expect(r1[0]).toBeLessThan(0.45);
    expect(r1[1]).toBeGreaterThan(0.6);
    expect(fullRangeRound(tiny)).toBe(4);
    expect(fullRangeRound([{ name: "z", min: 0, max: 1, kind: "real" }])).toBe(0);
  });
});
