import { describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { discover, resumeRun } from "../../src/discover/index.js";
import { createStagedWorld } from "../../src/worlds/staged.js";
import type { Observation, WorldInfo } from "../../src/worlds/world.js";
import { seededRandom } from "../../src/random/index.js";
import { candidateExplainer } from "./stand-ins.js";

// Elastic–linear-hardening specimen: E = 200, yield at strain 1, hardening H = 20; unloading is elastic
// from the largest strain reached, so the stress depends on cummax(strain).
const E = 200;
const H = 20;
const Y = 1;
function stress(strain: number, maxStrain: number): number {
  const envelope = maxStrain <= Y ? E * maxStrain : E * Y + H * (maxStrain - Y);
  return envelope - E * (maxStrain - strain);
}
function stages(): Record<string, Observation[]> {
  const rng = seededRandom(11);
  const rows: Record<string, Observation[]> = { load: [], plastic: [], unload: [], reload: [] };
  let max = 0;
  const push = (id: string, s: number) => {
    max = Math.max(max, s);
    rows[id].push({ inputs: { strain: s }, output: stress(s, max) + (rng() - 0.5), stage: id });
  };
  for (let i = 0; i <= 10; i++) push("load", (0.9 * i) / 10);
  for (let i = 1; i <= 15; i++) push("plastic", 0.9 + (2.1 * i) / 15);
  for (let i = 1; i <= 10; i++) push("unload", 3 - (0.6 * i) / 10);
  for (let i = 1; i <= 10; i++) push("reload", 2.4 + (0.5 * i) / 10);
  return rows;
}

function tensileWorld() {
  const rows = stages();
  const info: WorldInfo = {
    name: "mini-tensile",
    description: "elastic, hardening, unloading, reloading",
    shape: "staged",
    inputs: [{ name: "strain", min: 0, max: 3, kind: "real" }],
    output: { name: "stress" },
    receivedTheory: "E*strain",
    stages: [
      { id: "load", prerequisites: [], initial: true },
      { id: "plastic", prerequisites: ["load"], initial: false },
      { id: "unload", prerequisites: ["plastic"], initial: false },
      { id: "reload", prerequisites: ["unload"], initial: false },
    ],
  };
  return createStagedWorld(info, (id) => rows[id]);
}

const explain = candidateExplainer([
  "a*strain",
  "min(a*strain, b + c*strain)",
  // Hinges need a starting knot inside the data (LM cannot find a knot from far outside it).
  { form: "a*strain + b*max(strain - c, 0)", init: [100, -50, 1.5] },
  { form: "a*strain + b*max(cummax_strain - c, 0)", init: [100, -50, 1.5] },
]);

describe("staged worlds in the loop", () => {
  it("collects stages in protocol order and ends with an ontology break on cummax(strain)", async () => {
    const store = RunStore.memory();
    const r = await discover({ world: { name: "mini" }, seed: 1, rounds: 6 }, { store, explain, openWorld: async () => tensileWorld(), runId: "t1" });
    expect(store.experiments("t1").map((e) => e.stage)).toEqual(["load", "plastic", "unload", "reload"]);
    expect(r.stopReason).toBe("nothing left to ask");
    expect(r.derived).toEqual({ cummax_strain: "cummax(strain)" });
    expect(r.finalLaw).toMatch(/cummax_strain/);
    expect(r.r2).toBeGreaterThan(0.999);
    const types = r.rounds.map((x) => x.break?.type ?? null);
    // Loading past yield splits the regime; unloading is where cummax(strain) first differs from strain.
    expect(types).toEqual([null, "regime_split", "ontology_break", null]);
    expect(r.falsification?.round).toBe(1);
    expect(r.rounds[2].sentence).toMatch(/ontology break/);
  });

  it("resumes a staged run (the world re-collects its journaled stages) to the same result", async () => {
    const full = await discover({ world: { name: "mini" }, seed: 1, rounds: 6 }, { store: RunStore.memory(), explain, openWorld: async () => tensileWorld() });
    const store = RunStore.memory();
    const ctl = new AbortController();
    await discover({ world: { name: "mini" }, seed: 1, rounds: 6 }, {
      store,
      explain,
      openWorld: async () => tensileWorld(),
      runId: "t2",
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === "round_finished" && e.round === 2) ctl.abort();
      },
    });
    expect(store.getRun("t2")?.status).toBe("aborted");
    const resumed = await resumeRun("t2", { store, explain, openWorld: async () => tensileWorld() });
    expect(resumed.finalLaw).toBe(full.finalLaw);
    expect(resumed.rounds.map((x) => x.break)).toEqual(full.rounds.map((x) => x.break));
  });
});
