import type { BreakerContext, Predictor } from "../../src/breaker/index.js";
import { seededRandom } from "../../src/random/index.js";
import type { Experiment, StageSpec, WorldInfo } from "../../src/worlds/world.js";

/** A one-input world on [0, 10] whose initial sub-range is [0, 1]. */
export const info: WorldInfo = {
  name: "t",
  description: "",
  shape: "simulator",
  inputs: [{ name: "x", min: 0, max: 10, kind: "real", initial: [0, 1] }],
  output: { name: "y" },
};

/** `n` evenly spaced candidates over the whole range: index i is x = 10·i/(n−1). */
export const grid = (n: number): Experiment[] => Array.from({ length: n }, (_, i) => ({ x: (10 * i) / (n - 1) }));

/** A law as the Breaker sees it, from a function of x. */
export const law = (f: (x: number) => number, bits = 100, name = "law"): Predictor => ({
  law: name,
  bits,
  predict: (exps) => Float64Array.from(exps, (e) => f(e.x)),
});

/** A small hand-made context: evidence at x = 0.2, 0.5, 0.9 fitted exactly by y = x, unit noise, 11 candidates 0, 1, …, 10. */
export function context(over: Partial<BreakerContext> = {}): BreakerContext {
  return {
    info,
    inputs: info.inputs,
    round: 1,
    rng: seededRandom(1),
    evidence: { experiments: [{ x: 0.2 }, { x: 0.5 }, { x: 0.9 }], outputs: [0.2, 0.5, 0.9] },
    current: law((x) => x),
    competitors: [],
    noise: { sigma: () => 1 },
    candidates: grid(11),
    ...over,
  };
}

/** The x of each picked candidate. */
export const xs = (ctx: BreakerContext, picks: number[]): number[] => picks.map((i) => ctx.candidates[i].x);

/** A staged protocol: load → (unload, hold) → reload after unload. */
export const stages: StageSpec[] = [
  { id: "load", prerequisites: [], initial: true },
  { id: "unload", prerequisites: ["load"], initial: false },
  { id: "hold", prerequisites: ["load"], initial: false },
  { id: "reload", prerequisites: ["unload"], initial: false },
];
