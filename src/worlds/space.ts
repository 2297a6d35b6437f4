import { WorldError } from "./errors.js";
import type { Experiment, InputSpec } from "./world.js";

/**
 * The experiment space: checks that an experiment names every input with a finite value inside its
 * declared range (and an integer where the input is an integer), so no world is ever asked something
 * it did not declare.
 */

/** Relative slack on range ends, so values printed and re-read as decimals still count as inside. */
const RANGE_SLACK = 1e-9;

/** Why an experiment is outside the space, or null when it is inside. */
export function experimentProblem(inputs: readonly InputSpec[], e: Experiment): string | null {
  if (e === null || typeof e !== "object") return "an experiment must be an object of input values";
  for (const spec of inputs) {
    const value = e[spec.name];
    if (value === undefined) return `input '${spec.name}' is missing`;
    if (typeof value !== "number" || !Number.isFinite(value)) return `input '${spec.name}' must be a finite number, got ${String(value)}`;
    const slack = RANGE_SLACK * Math.max(1, Math.abs(spec.min), Math.abs(spec.max));
    if (value < spec.min - slack || value > spec.max + slack) {
      return `input '${spec.name}' = ${value} is outside its range [${spec.min}, ${spec.max}]`;
    }
    if (spec.kind === "integer" && !Number.isInteger(value)) return `input '${spec.name}' must be an integer, got ${value}`;
  }
  for (const name of Object.keys(e)) {
    if (!inputs.some((s) => s.name === name)) return `unknown input '${name}' (inputs: ${inputs.map((s) => s.name).join(", ")})`;
  }
  return null;
}

/** Throws a WorldError naming the world, the experiment's position and the problem when any experiment is outside the space. */
export function assertExperiments(worldName: string, inputs: readonly InputSpec[], experiments: readonly Experiment[]): void {
  if (!Array.isArray(experiments)) throw new WorldError(`world '${worldName}': experiments must be an array`);
  experiments.forEach((e, i) => {
    const problem = experimentProblem(inputs, e);
    if (problem) throw new WorldError(`world '${worldName}': experiment ${i}: ${problem}`);
  });
}

/** Clamps a value into an input's range (rounding integers), for callers that build experiments numerically. */
export function clampToInput(spec: InputSpec, value: number): number {
  const v = Math.min(spec.max, Math.max(spec.min, value));
  return spec.kind === "integer" ? Math.round(v) : v;
}
