import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCsvPoolWorld } from "../../src/worlds/csv-pool.js";
import { openWorld } from "../../src/worlds/open.js";
import { parseStagedDataset } from "../../src/worlds/staged-dataset.js";

const TENSILE = "data/breaking-the-world/tensile_cyclic.json";

/** A small valid staged dataset to mutate in error tests. */
function small(): Record<string, unknown> {
  return {
    stage_order: ["a", "b"],
    initial_stage_ids: ["a"],
    stage_prerequisites: { b: ["a"] },
    target_name: "y",
    observations: [
      { stage_id: "a", observables: { x: 1 }, target_value: 2 },
      { stage_id: "a", observables: { x: 2 }, target_value: 4 },
      { stage_id: "b", observables: { x: 3 }, target_value: 7 },
    ],
  };
}

describe("staged datasets (BreakingTheWorld format)", () => {
  it("opens tensile_cyclic.json with its four stages, inputs from top-level fields and target 'stress'", async () => {
    const w = await openWorld({ name: TENSILE }, { seed: 1, cwd: process.cwd() });
    expect(w.info.shape).toBe("staged");
    expect(w.info.name).toBe("tensile_cyclic");
    expect(w.info.inputs.map((s) => s.name)).toEqual(["direction", "strain"]);
    expect(w.info.inputs[0].kind).toBe("integer");
    expect(w.info.output.name).toBe("stress");
    expect(w.info.stages!.map((s) => [s.id, s.initial, s.prerequisites.length])).toEqual([
      ["stage_1_elastic_loading", true, 0],
      ["stage_2_post_yield_loading", false, 1],
      ["stage_3_unloading", false, 1],
      ["stage_4_reloading", false, 1],
    ]);
    const strain = w.info.inputs[1];
    expect(strain.initial).toEqual([0, 0.018]);
    expect(strain.max).toBeCloseTo(0.06, 12);
    await expect(w.collect!("stage_4_reloading")).rejects.toThrow(/cannot be collected before 'stage_3_unloading'/);
    const s1 = await w.collect!("stage_1_elastic_loading");
    expect(s1).toHaveLength(28);
    expect(s1[1]).toEqual({ inputs: { direction: 1, strain: 0.0006666666666666666 }, output: 1.6022043170909561, stage: "stage_1_elastic_loading" });
    const s2 = await w.collect!("stage_2_post_yield_loading");
    const s3 = await w.collect!("stage_3_unloading");
    const s4 = await w.collect!("stage_4_reloading");
    expect(s2.length + s3.length + s4.length).toBe(111 - 28);
    expect(s3[0].inputs.direction).toBe(-1);
  });

  it("reads inputs from 'observables' and the target from 'target_value'", () => {
    const { info, rows } = parseStagedDataset(small(), "small.json");
    expect(info.inputs).toEqual([{ name: "x", min: 1, max: 3, kind: "integer", initial: [1, 2] }]);
    expect(info.output.name).toBe("y");
    expect(rows.get("b")).toEqual([{ inputs: { x: 3 }, output: 7, stage: "b" }]);
  });

  it("names the file and the field or observation in every validation error", () => {
    const bad = (mutate: (d: Record<string, unknown>) => void) => {
      const d = small();
      mutate(d);
      return () => parseStagedDataset(d, "bad.json");
    };
    expect(bad((d) => delete d.stage_order)).toThrow(/^bad\.json: 'stage_order' must be a list/);
    expect(bad((d) => (d.initial_stage_ids = ["zzz"]))).toThrow(/bad\.json: initial_stage_ids names 'zzz'/);
    expect(bad((d) => (d.stage_prerequisites = { b: ["q"] }))).toThrow(/bad\.json: stage_prerequisites\.b names 'q'/);
    expect(bad((d) => ((d.observations as Record<string, unknown>[])[2].stage_id = "c"))).toThrow(/bad\.json: observations\[2\]: stage_id 'c' is not in stage_order/);
    expect(bad((d) => ((d.observations as Record<string, unknown>[])[1].observables = { x: "2" }))).toThrow(/bad\.json: observations\[1\]: input 'x' must be a finite number/);
    expect(bad((d) => ((d.observations as Record<string, unknown>[])[1].target_value = null))).toThrow(/bad\.json: observations\[1\]: target must be a finite number in 'target_value' or 'y'/);
    expect(bad((d) => (d.stage_order = ["a", "b", "c"]))).toThrow(/bad\.json: stage 'c' in stage_order has no observations/);
    expect(bad((d) => (d.stage_prerequisites = { a: ["b"], b: ["a"] }))).toThrow(/initial stage 'a' requires 'b'|cycle/);
  });

  it("reports unreadable and malformed files in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-worlds-"));
    writeFileSync(join(dir, "broken.json"), "{ not json");
    await expect(openWorld({ name: "broken.json" }, { seed: 1, cwd: dir })).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(openWorld({ name: "missing.json" }, { seed: 1, cwd: dir })).rejects.toThrow(/no such file: missing\.json/);
  });
});

describe("CSV pool worlds", () => {
  it("answers only listed rows, with the last column (or --target) as the observable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-worlds-"));
    writeFileSync(join(dir, "data.csv"), "x,z,y\n1,0,10\n2,1,20\n2,1,21\n3,0,30\n");
    const w = await openWorld({ name: "data.csv" }, { seed: 1, cwd: dir });
    expect(w.info.shape).toBe("pool");
    expect(w.info.inputs.map((s) => [s.name, s.min, s.max, s.kind])).toEqual([["x", 1, 3, "integer"], ["z", 0, 1, "integer"]]);
    expect(w.pool!()).toHaveLength(4);
    // Repeated measurements at the same inputs are answered in file order.
    expect(await w.run([{ x: 2, z: 1 }, { x: 2, z: 1 }, { x: 1, z: 0 }])).toEqual([20, 21, 10]);
    await expect(w.run([{ x: 5, z: 0 }])).rejects.toThrow(/experiment 0 \(x=5, z=0\) is not a row of data\.csv/);
    const byX = await openWorld({ file: "data.csv", target: "x" }, { seed: 1, cwd: dir });
    expect(byX.info.output.name).toBe("x");
    await expect(openWorld({ file: "data.csv", target: "nope" }, { seed: 1, cwd: dir })).rejects.toThrow(/no column named 'nope'/);
  });

  it("needs an input column besides the target", () => {
    expect(() => createCsvPoolWorld({ names: ["y"], columns: { y: new Float64Array([1]) }, rowCount: 1 }, "one.csv")).toThrow(/at least one input column/);
  });
});
