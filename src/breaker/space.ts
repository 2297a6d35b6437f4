import type { Experiment, InputSpec } from "../worlds/world.js";
import { shuffle, type UniformSource } from "../random/index.js";

/**
 * The experiment space in normalised coordinates: each input maps to [0, 1] over its full range,
 * logarithmically when it spans two decades or more of positive values (pulling speeds, frequencies),
 * so that distances and uniform sampling mean the same thing in every dimension.
 */

/** Whether an input is best treated on a log scale. */
export function isLogScale(spec: InputSpec): boolean {
  return spec.min > 0 && spec.max / spec.min >= 100;
}

/** Maps a value of an input to [0, 1] over the input's full range. */
export function toUnit(spec: InputSpec, value: number): number {
  if (spec.max === spec.min) return 0.5;
  if (isLogScale(spec)) return Math.log(value / spec.min) / Math.log(spec.max / spec.min);
  return (value - spec.min) / (spec.max - spec.min);
}

/** Maps a unit coordinate back to a value of the input (rounded for integer inputs, clipped to range). */
export function fromUnit(spec: InputSpec, u: number): number {
  const t = Math.min(1, Math.max(0, u));
  let x = isLogScale(spec) ? spec.min * Math.pow(spec.max / spec.min, t) : spec.min + t * (spec.max - spec.min);
  if (spec.kind === "integer") x = Math.round(x);
  return Math.min(spec.max, Math.max(spec.min, x));
}

/** The unit-cube coordinates of an experiment. */
export function unitPoint(inputs: readonly InputSpec[], e: Experiment): number[] {
  return inputs.map((s) => toUnit(s, e[s.name]));
}

/** Euclidean distance in the unit cube. */
export function unitDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** Clips an experiment into the declared ranges (and rounds integer inputs); unknown keys are dropped. */
export function clipExperiment(inputs: readonly InputSpec[], e: Experiment): Experiment | undefined {
  const out: Experiment = {};
  for (const s of inputs) {
    const v = e[s.name];
    if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
    let x = Math.min(s.max, Math.max(s.min, v));
    if (s.kind === "integer") x = Math.round(x);
    out[s.name] = x;
  }
  return out;
}

/** Uniform random experiments over the full range (or, with `initial`, over each input's initial sub-range). */
export function sampleUniform(inputs: readonly InputSpec[], count: number, rng: UniformSource, initial = false): Experiment[] {
  const out: Experiment[] = [];
  for (let i = 0; i < count; i++) out.push(sampleOne(inputs, rng, initial));
  return out;
}

function sampleOne(inputs: readonly InputSpec[], rng: UniformSource, initial: boolean): Experiment {
  const e: Experiment = {};
  for (const s of inputs) {
    const [lo, hi] = initial && s.initial ? s.initial : [s.min, s.max];
    e[s.name] = fromUnit(s, toUnit(s, lo) + rng() * (toUnit(s, hi) - toUnit(s, lo)));
  }
  return e;
}

/** A Latin-hypercube design: `count` experiments stratified along every input (initial sub-range if asked). */
export function latinHypercube(inputs: readonly InputSpec[], count: number, rng: UniformSource, initial = false): Experiment[] {
  const perms = inputs.map(() => shuffle(rng, [...Array(count).keys()]));
  const out: Experiment[] = [];
  for (let i = 0; i < count; i++) {
    const e: Experiment = {};
    inputs.forEach((s, d) => {
      const [lo, hi] = initial && s.initial ? s.initial : [s.min, s.max];
      const ulo = toUnit(s, lo);
      const uhi = toUnit(s, hi);
      const t = (perms[d][i] + rng()) / count;
      e[s.name] = fromUnit(s, ulo + t * (uhi - ulo));
    });
    out.push(e);
  }
  return out;
}

/** Round by which the attack region covers the whole range at the latest. */
export const FULL_RANGE_ROUND = 4;

/**
 * The attack region of a round, in unit coordinates: the initial sub-range, widened each round by
 * whichever is larger — doubling its half-width, or a linear sweep that reaches the range's ends by
 * round FULL_RANGE_ROUND. Reaching beyond the evidence step by step keeps each batch close enough to
 * the support that a new feature (a fringe, a knee) is resolved rather than aliased by points scattered
 * over the whole space at once; the sweep guarantees a tiny initial range does not delay the attack.
 */
export function attackRegion(inputs: readonly InputSpec[], round: number): Array<[number, number]> {
  return inputs.map((s) => {
    if (!s.initial) return [0, 1];
    const a = Math.min(toUnit(s, s.initial[0]), toUnit(s, s.initial[1]));
    const b = Math.max(toUnit(s, s.initial[0]), toUnit(s, s.initial[1]));
    const grow = (Math.pow(2, round) - 1) * Math.max((b - a) / 2, 0.01);
    const sweep = Math.min(1, round / FULL_RANGE_ROUND);
    const lo = Math.min(a - grow, a * (1 - sweep));
    const hi = Math.max(b + grow, b + (1 - b) * sweep);
    return [Math.max(0, lo), Math.min(1, hi)];
  });
}

/** The first round whose attack region is the whole range (0 when no input has an initial sub-range). */
export function fullRangeRound(inputs: readonly InputSpec[]): number {
  for (let r = 0; r < FULL_RANGE_ROUND; r++) if (attackRegion(inputs, r).every(([lo, hi]) => lo <= 0 && hi >= 1)) return r;
  return FULL_RANGE_ROUND;
}

/** Uniform random experiments inside a unit-coordinate box. */
export function sampleInRegion(inputs: readonly InputSpec[], region: ReadonlyArray<readonly [number, number]>, count: number, rng: UniformSource): Experiment[] {
  const out: Experiment[] = [];
  for (let i = 0; i < count; i++) {
    const e: Experiment = {};
    inputs.forEach((s, d) => {
      const [lo, hi] = region[d];
      e[s.name] = fromUnit(s, lo + rng() * (hi - lo));
    });
    out.push(e);
  }
  return out;
}

/** Whether an experiment lies inside a unit-coordinate box. */
export function inRegion(inputs: readonly InputSpec[], region: ReadonlyArray<readonly [number, number]>, e: Experiment): boolean {
  return inputs.every((s, d) => {
    const u = toUnit(s, e[s.name]);
    return u >= region[d][0] - 1e-12 && u <= region[d][1] + 1e-12;
  });
}
