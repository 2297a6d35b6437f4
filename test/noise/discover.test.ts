import { describe, expect, it } from "vitest";
import { discover, resumeRun } from "../../src/discover/index.js";
import type { ExplainFn } from "../../src/discover/explainer.js";
import type { RunResult } from "../../src/discover/index.js";
import { buildEvidence } from "../../src/discover/evidence.js";
import { assessLaw } from "../../src/discover/laws.js";
import type { Evidence } from "../../src/core/evidence.js";
import { parse } from "../../src/expr/index.js";
import { RunStore } from "../../src/journal/index.js";
import { dataBits } from "../../src/mdl/description-length.js";
import { noiseScales } from "../../src/core/noise.js";
import type { World } from "../../src/worlds/world.js";
import { candidateExplainer, parabolaWorld } from "../discover/stand-ins.js";

const forms = candidateExplainer(["a*x + b", "a*x^2 + b", "a*x^2 + b*x + c"]);
const options = { world: { name: "parabola" }, seed: 5, rounds: 3, batch: 6, initialCount: 8, patience: 2 };

/** The stand-in Explainer, recording the evidence of each call. */
function spy(seen: Evidence[]): ExplainFn {
  return async (ev, o) => {
    seen.push(ev);
    return forms(ev, o);
  };
}

function declaring(kind: "relative" | "poisson" | undefined) {
  return async (_spec: unknown, o: { seed: number; queryOffset?: number }): Promise<World> => {
    const w = parabolaWorld(o.seed, o.queryOffset ?? 0);
    return kind ? { ...w, info: { ...w.info, noiseModel: { kind } } } : w;
  };
}

const comparable = (r: RunResult) => ({ ...r, runId: "", seconds: 0, rounds: r.rounds.map((x) => ({ ...x, seconds: 0 })) });

describe("the discovery loop under a noise model", () => {
  it("weighs the evidence by the world's declaration, and --noise overrides it", async () => {
    const byWorld: Evidence[] = [];
    await discover(options, { store: RunStore.memory(), explain: spy(byWorld), openWorld: declaring("poisson") });
    expect(byWorld.length).toBeGreaterThan(1);
    for (const ev of byWorld) expect(Array.from(ev.scales!)).toEqual(Array.from(noiseScales(ev.target, "poisson")!));

    const overridden: Evidence[] = [];
    await discover({ ...options, noise: "relative" }, { store: RunStore.memory(), explain: spy(overridden), openWorld: declaring("poisson") });
    for (const ev of overridden) expect(Array.from(ev.scales!)).toEqual(Array.from(noiseScales(ev.target, "relative")!));

    const plain: Evidence[] = [];
    await discover({ ...options, noise: "absolute" }, { store: RunStore.memory(), explain: spy(plain), openWorld: declaring("poisson") });
    for (const ev of plain) expect(ev.scales).toBeUndefined();
  });

  it("journals --noise with the run, so a resumed run rebuilds the same weights and the same result", async () => {
    const opts = { ...options, noise: "relative" as const };
    const whole = await discover(opts, { store: RunStore.memory(), explain: forms, openWorld: declaring(undefined) });
    const store = RunStore.memory();
    const ctl = new AbortController();
    let seen = 0;
    const partial = await discover(opts, {
      store,
      explain: forms,
      openWorld: declaring(undefined),
      runId: "n1",
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === "observations" && ++seen === 2) ctl.abort();
      },
    });
    expect(partial.status).toBe("aborted");
    expect((store.getRun("n1")!.options as { noise?: string }).noise).toBe("relative");
    const after: Evidence[] = [];
    const resumed = await resumeRun("n1", { store, explain: spy(after), openWorld: declaring(undefined) });
    expect(after.length).toBeGreaterThan(0);
    for (const ev of after) expect(ev.scales).toBeDefined();
    expect(comparable(resumed)).toEqual(comparable(whole));
  });

  it("rejects an unknown noise model in the options with a clear error", async () => {
    await expect(discover({ ...options, noise: "gaussian" as never }, { store: RunStore.memory(), explain: forms, openWorld: declaring(undefined) })).rejects.toThrow(
      /discover: noise must be one of absolute, relative, poisson, got 'gaussian'/,
    );
  });
});

describe("the gate's scoring (assessLaw) with noise scales", () => {
  const info = parabolaWorld(1).info;
  const obs = Array.from({ length: 40 }, (_, i) => {
    const x = 0.25 * (i + 1);
    return { inputs: { x }, output: (3 * x * x + 2) * (1 + 0.02 * Math.sin(7 * i)), round: 0 };
  });

  it("is unchanged for evidence without scales, and fits and prices by the weighted rule with them", () => {
    const law = parse("a*x^2 + b", { variables: ["x"] });
    const { evidence } = buildEvidence(info, obs, {});
    expect(evidence.scales).toBeUndefined();
    const { evidence: weighted } = buildEvidence({ ...info, noiseModel: { kind: "relative" } }, obs, {});
    expect(weighted.scales).toBeDefined();
    const a = assessLaw(law, [1, 1], evidence, {}, { refit: true, seed: 1 })!;
    const b = assessLaw(law, [1, 1], weighted, {}, { refit: true, seed: 1 })!;
    // The weighted fit tracks the small values at low x: its constant term is closer to the true 2.
    expect(Math.abs(b.params[1] - 2)).toBeLessThan(Math.abs(a.params[1] - 2));
    const pred = Float64Array.from(obs, (o) => b.params[0] * o.inputs.x ** 2 + b.params[1]);
    expect(b.bits.data).toBeCloseTo(dataBits(weighted.target, pred, { scales: weighted.scales }), 6);
    // R² and RMSE stay the plain figures.
    let sse = 0;
    for (let i = 0; i < pred.length; i++) sse += (pred[i] - weighted.target[i]) ** 2;
    expect(b.rmse).toBeCloseTo(Math.sqrt(sse / pred.length), 9);
  });
});
