/**
 * The one interface every world speaks: built-in simulators, external processes and datasets.
 *
 * A world declares its experiment space and answers experiments. Three shapes exist:
 * - `simulator`: any point inside the input ranges may be asked (`run`).
 * - `pool`: only the listed candidate experiments exist (a CSV's rows); `run` accepts only those.
 * - `staged`: observations come in stages with prerequisites (`collect`), as in BreakingTheWorld.
 */

import type { NoiseModel } from "../core/noise.js";

/** One input dimension of the experiment space. */
export interface InputSpec {
  name: string;
  min: number;
  max: number;
  /** Unit in the grammar of `src/expr/units` (for instance `m`, `kg*m/s^2`); absent when unknown. */
  unit?: string;
  kind: "real" | "integer";
  /** The sub-range a run starts in: the comfortable regime where the received theory still works. */
  initial?: [number, number];
  /** Plain-language meaning, shown to people and language models. */
  description?: string;
  /** How the range is best explored: `log` when it spans decades (sample log-uniformly); `linear` when absent. */
  scale?: "linear" | "log";
}

/** The observable a world reports. */
export interface OutputSpec {
  name: string;
  unit?: string;
  description?: string;
}

/** One stage of a staged world. */
export interface StageSpec {
  id: string;
  label?: string;
  description?: string;
  /** Stages that must have been collected before this one can be. */
  prerequisites: string[];
  /** Whether the run starts with this stage already collected. */
  initial: boolean;
}

/** An assignment of inputs: input name → value. */
export type Experiment = Record<string, number>;

/** A world's answer to an experiment, or a collected stage row. `output` is null when the experiment failed. */
export interface Observation {
  inputs: Experiment;
  output: number | null;
  /** The stage a staged world's row belongs to. */
  stage?: string;
}

/** Static description of a world: what the Breaker may ask and what a naive learner believes. */
export interface WorldInfo {
  name: string;
  description: string;
  shape: "simulator" | "pool" | "staged";
  inputs: InputSpec[];
  output: OutputSpec;
  /** The classical law a naive learner starts from, in contract infix; absent when none. */
  receivedTheory?: string;
  /** Stages (staged worlds only), in the dataset's order. */
  stages?: StageSpec[];
  /** Relative cost of one experiment (for budgets); 1 when unknown. */
  cost?: number;
  /** Plain description of the measurement noise, for reports. */
  noise?: string;
  /** How the noise's spread depends on the level, for fitting and pricing laws (absent: absolute, constant spread). */
  noiseModel?: NoiseModel;
}

/** A world that answers experiments. All methods may reject with an Error whose message names the problem. */
export interface World {
  readonly info: WorldInfo;
  /** Runs experiments (simulator and pool worlds). Results are in the same order; null marks a failed experiment. */
  run(experiments: Experiment[]): Promise<(number | null)[]>;
  /** Candidate experiments of a pool world, in a stable order. */
  pool?(): Experiment[];
  /** Collects every observation of one stage (staged worlds). */
  collect?(stageId: string): Promise<Observation[]>;
  /** Releases processes or files the world holds. */
  close(): Promise<void>;
}

/** How a world is created: deterministic given the seed. `queryOffset` lets a resumed run continue the noise stream. */
export interface WorldOptions {
  seed: number;
  /** Number of experiments already answered in this run (a resumed run passes the journal's count). */
  queryOffset?: number;
  /** Answer with the noise-free truth instead of noisy measurements (benchmarks and tests only). */
  noiseless?: boolean;
}

/** A built-in world: its name, summary, truth (for benchmarks and tests; never shown to the loop) and factory. */
export interface WorldDefinition {
  name: string;
  summary: string;
  /** The noise-free law the world follows, in contract infix, where one exists in closed form. */
  truth?: string;
  /** Values of the named constants in `truth` (identifiers that are not inputs), so the truth can be evaluated. */
  truthConstants?: Record<string, number>;
  /** Derived variables `truth` uses, name → definition (e.g. `strain_max` → `cummax(strain)`). */
  truthDerived?: Record<string, string>;
  /** Plain-language statement of the truth, its regime of validity and literature sources, for docs and reports. */
  truthNote?: string;
  /** The noise-free answer at one experiment (simulator worlds); measures "final law matches the truth". */
  noiseFree?(experiment: Experiment): number;
  create(options: WorldOptions): World;
}
