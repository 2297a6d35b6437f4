import { describe, expect, it } from "vitest";
import { v, type Expr } from "../../src/expr/ast.js";
import { parse } from "../../src/expr/index.js";
import { defaultSearchConfig } from "../../src/explain/explain.js";
import { inProcessExecutor } from "../../src/explain/in-process-executor.js";
import type { IslandJob } from "../../src/explain/island-executor.js";
import { IslandHost } from "../../src/explain/island-host.js";
import { Scorer } from "../../src/explain/scoring.js";
import type { SearchConfig } from "../../src/explain/search-config.js";
import { powersAreFixed } from "../../src/explain/tree-ops.js";

const x = Float64Array.from({ length: 24 }, (_, i) => 1 + i / 12);
const z = Float64Array.from({ length: 24 }, (_, i) => 2 + Math.sin(i));
const data = { variables: ["x", "z"], columns: [x, z], target: Float64Array.from(x, (a, i) => a * a + z[i]), targetVariance: 1 };

function job(over: Partial<SearchConfig> = {}): IslandJob {
  const cfg: SearchConfig = { ...defaultSearchConfig(), populationSize: 12, epochSteps: 30, seed: 4, maxEvaluations: Infinity, deadline: Infinity, exactLoss: 1e-12, ...over };
  return { data, cfg };
}
const never = () => false;
const hashes = (ms: { hash: string }[]) => ms.map((m) => m.hash);

describe("an island host", () => {
  it("starts and evolves an island the same way for the same (seed, island, epoch), and differently for another island", () => {
    const a = new IslandHost(job(), never);
    const b = new IslandHost(job(), never);
    const startA = a.start(0, []);
    expect(JSON.stringify(b.start(0, []))).toBe(JSON.stringify(startA));
    expect(JSON.stringify(b.evolve(0, startA.state, 1, Infinity))).toBe(JSON.stringify(a.evolve(0, startA.state, 1, Infinity)));
    expect(hashes(new IslandHost(job(), never).start(1, []).state.members)).not.toEqual(hashes(startA.state.members));
  });

  it("answers plain-data tasks exactly as its direct calls", () => {
    const seeds = [parse("x*x", { variables: ["x", "z"] })];
    const direct = new IslandHost(job(), never);
    const byTask = new IslandHost(job(), never);
    const started = direct.start(2, direct.scoreSeeds(seeds));
    const reply = byTask.run({ type: "start", island: 2, seeds });
    expect(JSON.stringify(reply.report)).toBe(JSON.stringify(started));
    expect(reply.evaluations).toBe(direct.evaluations);
    const evolved = byTask.run({ type: "evolve", island: 2, state: reply.report.state, epoch: 1, quota: 50 });
    expect(JSON.stringify(evolved.report)).toBe(JSON.stringify(direct.evolve(2, started.state, 1, 50)));
  });

  it("reports the Pareto front of what it scored, seeds included", () => {
    const host = new IslandHost(job(), never);
    const seeds = host.scoreSeeds([parse("x^2 + z", { variables: ["x", "z"] })]);
    const { front } = host.start(0, seeds);
    expect(front.at(-1)?.hash).toBe(seeds[0].hash);
    for (let k = 1; k < front.length; k++) expect(front[k].loss).toBeLessThan(front[k - 1].loss);
  });

  it("spends at most its quota (plus the one step in flight) and keeps members within the size limit", () => {
    const host = new IslandHost(job({ maxSize: 7, epochSteps: 400 }), never);
    let state = host.start(0, []).state;
    for (let epoch = 1; epoch <= 3; epoch++) {
      const before = host.evaluations;
      state = host.evolve(0, state, epoch, 25).state;
      expect(host.evaluations - before).toBeLessThanOrEqual(26);
    }
    for (const m of state.members) {
      expect(m.complexity).toBeLessThanOrEqual(7);
      expect(powersAreFixed(m.expr)).toBe(true);
    }
  });

  it("leaves an island as it was when told to stop, or given no quota", () => {
    const stopped = new IslandHost(job(), () => true);
    const start = stopped.start(0, []);
    expect(stopped.evolve(0, start.state, 1, Infinity).state).toEqual(start.state);
    const broke = new IslandHost(job(), never);
    const s = broke.start(0, []).state;
    expect(broke.evolve(0, s, 1, 0).state).toEqual(s);
  });
});

describe("the scorer's failures", () => {
  it("rejects a seed that names an input the search does not have", () => {
    expect(new Scorer(data).score(parse("w*x", { variables: ["w", "x"] }), 0, 1)).toBeNull();
  });

  it("lets a malformed tree (a bug) through instead of calling it a rejected candidate", () => {
    const bogus = { kind: "unary", op: "frobnicate", arg: v("x") } as unknown as Expr;
    expect(() => new Scorer(data).score(bogus, 0, 1)).toThrow(/frobnicate/);
  });
});

describe("the in-process executor", () => {
  it("deals only the seeds that score, in turn, so a bad seed does not move the others", async () => {
    const vars = { variables: ["x", "z", "w"] };
    const seeds = [parse("w + x", vars), parse("x*x*z", vars), parse("sqrt(z)*x", vars)];
    const ex = await inProcessExecutor(job(), undefined);
    const { islands } = await ex.start(seeds);
    const scored = new IslandHost(job(), never).scoreSeeds(seeds.slice(1));
    expect(islands).toHaveLength(4);
    expect(islands[0].state.members[0].hash).toBe(scored[0].hash);
    expect(islands[1].state.members[0].hash).toBe(scored[1].hash);
    await ex.close();
  });

  it("evolves every island each epoch and counts the evaluations of the whole search", async () => {
    const ex = await inProcessExecutor(job(), undefined);
    const started = await ex.start([]);
    const next = await ex.evolve(
      started.islands.map((r) => r.state),
      1,
      20,
    );
    expect(next.islands).toHaveLength(4);
    expect(next.evaluations).toBeGreaterThan(started.evaluations);
    next.islands.forEach((r, i) => expect(r.state.step).toBeGreaterThan(started.islands[i].state.step));
  });
});
