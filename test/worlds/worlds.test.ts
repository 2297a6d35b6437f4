import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { builtinWorlds, findWorld } from "../../src/worlds/registry.js";
import type { Experiment, WorldDefinition } from "../../src/worlds/world.js";
import { derive } from "../../src/random/index.js";

/** Deterministic experiments spread over a simulator's whole space. */
function sampleSpace(def: WorldDefinition, n: number, seed = 5): Experiment[] {
  const info = def.create({ seed: 0 }).info;
  return Array.from({ length: n }, (_, k) => {
    const rng = derive(seed, "sample", k);
    const e: Experiment = {};
    for (const s of info.inputs) {
      const u = rng.next();
      const x = s.scale === "log" ? s.min * (s.max / s.min) ** u : s.min + u * (s.max - s.min);
      e[s.name] = s.kind === "integer" ? Math.round(x) : x;
    }
    return e;
  });
}

const simulators = builtinWorlds.filter((d) => d.create({ seed: 0 }).info.shape === "simulator");

describe("built-in worlds", () => {
  it("are all registered with valid spaces and parseable received theories and truths", () => {
    expect(builtinWorlds.map((w) => w.name)).toEqual(["double-slit", "blackbody", "polymer-stretching", "protein-unfolding", "duffing", "tensile-cyclic"]);
    for (const def of builtinWorlds) {
      const info = def.create({ seed: 1 }).info;
      expect(info.name).toBe(def.name);
      for (const s of info.inputs) {
        expect(s.min).toBeLessThan(s.max);
        if (s.initial) {
          expect(s.initial[0]).toBeGreaterThanOrEqual(s.min);
          expect(s.initial[1]).toBeLessThanOrEqual(s.max);
        }
      }
      const names = info.inputs.map((s) => s.name);
      expect(info.receivedTheory).toBeTruthy();
      parse(info.receivedTheory!, { variables: names });
      if (def.truth) {
        const vars = [...names, ...Object.keys(def.truthDerived ?? {})];
        parse(def.truth, { variables: vars });
        for (const c of Object.keys(def.truthConstants ?? {})) expect(def.truth).toContain(c);
      }
    }
  });

  it("finds worlds by name, tolerating case and underscores", () => {
    expect(findWorld("Double_Slit")?.name).toBe("double-slit");
    expect(findWorld("nope")).toBeUndefined();
  });

  it.each(simulators.map((d) => [d.name, d] as const))("%s answers deterministically per (seed, query index), however batched or resumed", async (_name, def) => {
    const experiments = sampleSpace(def, 6);
    const whole = await def.create({ seed: 42 }).run(experiments);
    // The same run in two batches.
    const w = def.create({ seed: 42 });
    const split = [...(await w.run(experiments.slice(0, 2))), ...(await w.run(experiments.slice(2)))];
    expect(split).toEqual(whole);
    // A resumed run that already answered 2 experiments continues the same noise stream.
    const resumed = await def.create({ seed: 42, queryOffset: 2 }).run(experiments.slice(2));
    expect(resumed).toEqual(whole.slice(2));
    // Another seed gives other noise.
    const other = await def.create({ seed: 43 }).run(experiments);
    expect(other).not.toEqual(whole);
    for (const y of whole) expect(Number.isFinite(y)).toBe(true);
  });

  it.each(simulators.map((d) => [d.name, d] as const))("%s: noiseless answers equal noiseFree and the truth formula", async (_name, def) => {
    const experiments = sampleSpace(def, 4, 9);
    const exact = await def.create({ seed: 1, noiseless: true }).run(experiments);
    expect(exact).toEqual(experiments.map((e) => def.noiseFree!(e)));
    if (def.truth && def.name !== "protein-unfolding") {
      // Evaluate the closed-form truth with its constants: it must be the simulator's noise-free law.
      const { compile } = await import("../../src/expr/index.js");
      const names = def.create({ seed: 0 }).info.inputs.map((s) => s.name);
      const expr = parse(def.truth, { variables: names });
      const { paramNamesOf } = await import("../../src/expr/index.js");
      const params = paramNamesOf(expr).map((n) => def.truthConstants![n]);
      const f = compile(expr, names);
      const y = f.evaluate(names.map((n) => Float64Array.from(experiments.map((e) => e[n]))), params);
      experiments.forEach((_, i) => expect(y[i] / exact[i]! - 1).toBeCloseTo(0, 9));
    }
  });

  it("noisy answers scatter around the noise-free truth with the documented size", async () => {
    const def = findWorld("blackbody")!;
    const e = { nu: 100, T: 3000 };
    const w = def.create({ seed: 3 });
    const ys = await w.run(Array.from({ length: 400 }, () => e));
    const truth = def.noiseFree!(e);
    const rel = ys.map((y) => y! / truth - 1);
    const mean = rel.reduce((a, b) => a + b, 0) / rel.length;
    const sd = Math.sqrt(rel.reduce((a, b) => a + (b - mean) ** 2, 0) / rel.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(sd).toBeGreaterThan(0.017);
    expect(sd).toBeLessThan(0.023);
  });

  it("refuses experiments outside the space, naming the input", async () => {
    const w = findWorld("double-slit")!.create({ seed: 1 });
    await expect(w.run([{ x: 0, d: 100, lambda: 300 }])).rejects.toThrow(/experiment 0: input 'lambda' = 300 is outside its range \[400, 700\]/);
    await expect(w.run([{ x: 0, d: 100 }])).rejects.toThrow(/input 'lambda' is missing/);
    await expect(w.run([{ x: 0, d: 100, lambda: 500, y: 1 }])).rejects.toThrow(/unknown input 'y'/);
    await expect(w.run([{ x: NaN, d: 100, lambda: 500 }])).rejects.toThrow(/finite number/);
  });

  it("double-slit: the received theory can survive the initial sub-range but not the full screen", async () => {
    const def = findWorld("double-slit")!;
    const info = def.create({ seed: 0 }).info;
    // Relative spread of the truth across the initial range is small (one smooth hump) ...
    const initial = info.inputs.map((s) => s.initial!);
    const hump = [0, 0.5, 1].map((x) => def.noiseFree!({ x: initial[0][1] * x, d: initial[1][1], lambda: initial[2][0] }) / 1000);
    expect(Math.min(...hump)).toBeGreaterThan(0.8);
    // ... while the full range has dark fringes.
    expect(def.noiseFree!({ x: 2.5, d: 100, lambda: 500 })).toBeLessThan(1e-6);
  });
});

describe("tensile-cyclic (staged)", () => {
  it("reveals stages only after their prerequisites, with history dependence in the data", async () => {
    const def = findWorld("tensile-cyclic")!;
    const w = def.create({ seed: 7, noiseless: true });
    expect(w.info.shape).toBe("staged");
    await expect(w.collect!("stage_3_unloading")).rejects.toThrow(/cannot be collected before 'stage_2_post_yield_loading'/);
    await expect(w.run([{ strain: 0.001, direction: 1 }])).rejects.toThrow(/staged/);
    const s1 = await w.collect!("stage_1_elastic_loading");
    const s2 = await w.collect!("stage_2_post_yield_loading");
    const s3 = await w.collect!("stage_3_unloading");
    const s4 = await w.collect!("stage_4_reloading");
    expect([s1.length, s2.length, s3.length, s4.length]).toEqual([25, 35, 25, 30]);
    expect(s3.every((o) => o.inputs.direction === -1 && o.stage === "stage_3_unloading")).toBe(true);
    // Same strain, different stress: loading (stage 2) versus unloading (stage 3) near ε = 0.0292.
    const near = (rows: typeof s2, e: number) => rows.reduce((a, b) => (Math.abs(b.inputs.strain - e) < Math.abs(a.inputs.strain - e) ? b : a));
    const loading = near(s2, 0.0292);
    const unloading = near(s3, loading.inputs.strain);
    expect(Math.abs(loading.inputs.strain - unloading.inputs.strain)).toBeLessThan(1e-4);
    expect(loading.output! - unloading.output!).toBeGreaterThan(100);
    // The truth with the history variable cummax(strain) reproduces every noiseless row.
    const all = [...s1, ...s2, ...s3, ...s4];
    let maxStrain = -Infinity;
    for (const o of all) {
      maxStrain = Math.max(maxStrain, o.inputs.strain);
      const { E, Et, ey } = def.truthConstants!;
      expect(o.output!).toBeCloseTo(E * o.inputs.strain - (E - Et) * Math.max(maxStrain - ey, 0), 6);
    }
  });

  it("draws the same noise whatever the collection order and seed-dependent noise otherwise", async () => {
    const def = findWorld("tensile-cyclic")!;
    const a = def.create({ seed: 7 });
    const b = def.create({ seed: 7 });
    const rowsA = await a.collect!("stage_1_elastic_loading");
    const rowsB = await b.collect!("stage_1_elastic_loading");
    expect(rowsA).toEqual(rowsB);
    const c = await def.create({ seed: 8 }).collect!("stage_1_elastic_loading");
    expect(c).not.toEqual(rowsA);
  });
});
