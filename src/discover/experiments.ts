import { latinHypercube } from "../breaker/index.js";
import { derive } from "../random/index.js";
import type { Experiment, World, WorldInfo } from "../worlds/world.js";
import type { ExperimentRow } from "./run-journal.js";

/** An experiment the loop is about to journal, with the strategy that chose it. */
export interface Planned {
  inputs: Experiment;
  stage?: string;
  strategy: string;
}

/** Key of an experiment for "already asked" checks in pool worlds. */
export function experimentKey(info: WorldInfo, e: Experiment): string {
  return info.inputs.map((s) => e[s.name]).join("|");
}

/** Stages already collected and the ones collectable now (prerequisites met). */
export function stageStatus(info: WorldInfo, rows: readonly ExperimentRow[]) {
  const collected = new Set(rows.filter((r) => r.stage !== undefined).map((r) => r.stage as string));
  const collectable = (info.stages ?? []).filter((s) => !collected.has(s.id) && s.prerequisites.every((p) => collected.has(p)));
  return { collected: [...collected], collectable };
}

/** Round 0: the initial design inside the initial sub-range (simulators), a sample of rows (pools), the initial stages. */
export function initialDesign(world: World, seed: number, count: number): Planned[] {
  const info = world.info;
  const rng = derive(seed, "initial").next;
  if (info.shape === "staged") {
    const stages = (info.stages ?? []).filter((s) => s.initial);
    const first = stages.length > 0 ? stages : (info.stages ?? []).filter((s) => s.prerequisites.length === 0).slice(0, 1);
    return first.map((s) => ({ inputs: {}, stage: s.id, strategy: "initial" }));
  }
  if (info.shape === "pool") {
    const pool = world.pool?.() ?? [];
    const inInitial = pool.filter((e) => info.inputs.every((s) => !s.initial || (e[s.name] >= s.initial[0] && e[s.name] <= s.initial[1])));
    const from = inInitial.length >= Math.min(count, pool.length) ? inInitial : pool;
    const idx = from.map((_, i) => i);
    const chosen: Experiment[] = [];
    while (chosen.length < count && idx.length > 0) chosen.push(from[idx.splice(Math.floor(rng() * idx.length), 1)[0]]);
    return chosen.map((inputs) => ({ inputs, strategy: "initial" }));
  }
  return latinHypercube(info.inputs, count, rng, true).map((inputs) => ({ inputs, strategy: "initial" }));
}
