import { describe, expect, it } from "vitest";
import { fitParams, parse } from "../../src/expr/index.js";
import { derive } from "../../src/random/index.js";
import { findWorld } from "../../src/worlds/registry.js";
import type { Experiment, InputSpec } from "../../src/worlds/world.js";

/**
 * The premise of every built-in simulator: its received theory explains data from the initial
 * sub-range within the noise, and is decisively wrong over the full range. Measured as the reduced
 * chi-square of the best least-squares fit, with each world's documented noise.
 */

/** Standard deviation of one measurement of about mu (as documented in each world; mu is the measured value). */
const SIGMA: Record<string, (mu: number) => number> = {
  "double-slit": (mu) => Math.sqrt(Math.max(mu, 1)),
  blackbody: (mu) => 0.02 * mu,
  "polymer-stretching": () => 5,
  "protein-unfolding": () => 8,
  duffing: (mu) => 0.01 * mu,
};

/** Starting points for the received theory's constants, as a naive learner's order of magnitude. */
const INIT: Record<string, number[]> = {
  "double-slit": [500, 2],
  blackbody: [3e-4],
  "polymer-stretching": [0.0001],
  "protein-unfolding": [200],
  duffing: [1, 0.2],
};

function sample(inputs: InputSpec[], n: number, initial: boolean, seed: number): Experiment[] {
  return Array.from({ length: n }, (_, k) => {
    const rng = derive(seed, "sample", k);
    const e: Experiment = {};
    for (const s of inputs) {
      const [lo, hi] = initial && s.initial ? s.initial : [s.min, s.max];
      const u = rng.next();
      e[s.name] = s.scale === "log" ? lo * (hi / lo) ** u : lo + u * (hi - lo);
    }
    return e;
  });
}

async function reducedChiSquare(name: string, initial: boolean): Promise<number> {
  const def = findWorld(name)!;
  const world = def.create({ seed: 11 });
  const names = world.info.inputs.map((s) => s.name);
  const experiments = sample(world.info.inputs, 40, initial, 3);
  const y = Float64Array.from((await world.run(experiments)).map((v) => v!));
  const expr = parse(world.info.receivedTheory!, { variables: names });
  const columns = names.map((n) => Float64Array.from(experiments.map((e) => e[n])));
  // Weighted least squares: divide law and data by each point's noise.
  const sigma = Array.from(y, (v) => SIGMA[name](v));
  const weight = parse(`(${world.info.receivedTheory!}) / sigma__`, { variables: [...names, "sigma__"] });
  const fit = fitParams(weight, [...names, "sigma__"], [...columns, Float64Array.from(sigma)], y.map((v, i) => v / sigma[i]), { init: INIT[name], restarts: 8, seed: 1 });
  expect(Number.isFinite(fit.sse)).toBe(true);
  expect(expr).toBeTruthy();
  if (process.env.WB_SHOW_CHI2) console.log(name, initial ? "initial" : "full", fit.sse / (experiments.length - fit.params.length));
  return fit.sse / (experiments.length - fit.params.length);
}

describe("received theories", () => {
  it.each(Object.keys(SIGMA))("%s: survives the initial sub-range and fails over the full range", async (name) => {
    const initialChi2 = await reducedChiSquare(name, true);
    const fullChi2 = await reducedChiSquare(name, false);
    expect(initialChi2).toBeLessThan(2);
    expect(fullChi2).toBeGreaterThan(10);
  });
});
