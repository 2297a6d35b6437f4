import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.js";
import { defaultSearchConfig } from "../../src/explain/explain.js";
import { inProcessExecutor } from "../../src/explain/in-process-executor.js";
import type { IslandJob } from "../../src/explain/island-executor.js";
import { IslandHost } from "../../src/explain/island-host.js";
import type { SearchConfig } from "../../src/explain/search-config.js";
import { islandExecutor, islandWorkerPath, workerThreadExecutor } from "../../src/parallel/index.js";
import { makeEvidence } from "../explain/helpers.js";

const x = Float64Array.from({ length: 24 }, (_, i) => 1 + i / 12);
const z = Float64Array.from({ length: 24 }, (_, i) => 2 + Math.sin(i));
const data = { variables: ["x", "z"], columns: [x, z], target: Float64Array.from(x, (a, i) => Math.exp(-a / z[i]) + a * z[i]), targetVariance: 1 };

function job(over: Partial<SearchConfig> = {}): IslandJob {
  const cfg: SearchConfig = { ...defaultSearchConfig(), populationSize: 12, epochSteps: 30, seed: 9, maxEvaluations: Infinity, deadline: Infinity, exactLoss: 1e-12, ...over };
  return { data, cfg };
}

describe("worker-thread islands", () => {
  it("find the compiled worker under dist/ when running from the TypeScript sources", () => {
    // npm test builds dist/ first; without it the executor falls back to in-process islands.
    const path = islandWorkerPath();
    expect(path).toBe(fileURLToPath(new URL("../../dist/parallel/island-worker.js", import.meta.url)));
  });

  it("run in-process for one thread and on workers for more", () => {
    expect(islandExecutor(1)).toBe(inProcessExecutor);
    expect(islandExecutor(2)).not.toBe(inProcessExecutor);
  });

  it("evolve each island exactly as a host of its own would (one worker per island)", async () => {
    const j = job();
    const ex = await workerThreadExecutor(4)(j);
    try {
      const started = await ex.start([]);
      const evolved = await ex.evolve(
        started.islands.map((r) => r.state),
        1,
        40,
      );
      for (let i = 0; i < 4; i++) {
        const alone = new IslandHost(j, () => false);
        const s = alone.start(i, []);
        expect(JSON.stringify(started.islands[i])).toBe(JSON.stringify(s));
        expect(JSON.stringify(evolved.islands[i])).toBe(JSON.stringify(alone.evolve(i, s.state, 1, 40)));
      }
    } finally {
      await ex.close();
    }
  });

  it("end an epoch in flight when the signal aborts", async () => {
    const ctrl = new AbortController();
    const ex = await workerThreadExecutor(2)(job({ epochSteps: 10_000_000 }), ctrl.signal);
    try {
      const started = await ex.start([]);
      setTimeout(() => ctrl.abort(), 100);
      const t0 = Date.now();
      await ex.evolve(
        started.islands.map((r) => r.state),
        1,
        Infinity,
      );
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await ex.close();
    }
  });

  it("give the Explainer a reproducible result for a given seed and thread count", async () => {
    const hard = () => makeEvidence(100, ["x", "z", "u", "w"], (r) => Math.exp(-r.x / (r.z + 0.5)) + Math.log(r.x * r.z + 2) + r.u / r.w, { seed: 5 });
    const a = await explain(hard(), { seed: 3, executor: islandExecutor(2), maxEvaluations: 400 });
    const b = await explain(hard(), { seed: 3, executor: islandExecutor(2), maxEvaluations: 400 });
    expect(a.law).toBe(b.law);
    expect(a.evaluations).toBe(b.evaluations);
    expect(a.r2).toBeGreaterThan(0.5);
  });
});
