import { derive, type Rng } from "../random/index.js";
import { assertExperiments } from "./space.js";
import type { Experiment, World, WorldInfo, WorldOptions } from "./world.js";

/**
 * The shared machinery of built-in simulators: range checking, the per-experiment random stream
 * (seed, query index) and the noiseless switch. A simulator file only supplies its physics.
 */

/** The physics of one simulator world. */
export interface SimulatorModel {
  info: WorldInfo;
  /** The noise-free answer (the truth the measurements scatter around). */
  noiseFree(e: Experiment): number;
  /** One noisy measurement, drawing every random number from `rng`; null marks a failed experiment. */
  measure(e: Experiment, rng: Rng): number | null;
}

/** Wraps a model into a World whose experiment #k (queryOffset + position in the run) always draws the same noise. */
export function createSimulatorWorld(model: SimulatorModel, options: WorldOptions): World {
  let answered = options.queryOffset ?? 0;
  const seed = options.seed;
  // Each world gets its own copy, so a caller editing its info cannot leak into other runs.
  const info: WorldInfo = { ...structuredClone(model.info), shape: "simulator" };
  return {
    info,
    async run(experiments: Experiment[]): Promise<(number | null)[]> {
      assertExperiments(info.name, info.inputs, experiments);
      const out: (number | null)[] = [];
      for (const e of experiments) {
        const index = answered++;
        if (options.noiseless) {
          out.push(finiteOrNull(model.noiseFree(e)));
        } else {
          out.push(finiteOrNull(model.measure(e, derive(seed, "experiment", index))));
        }
      }
      return out;
    },
    async close(): Promise<void> {},
  };
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
