import type { Experiment } from "../worlds/world.js";

/** How a run's world was named: a built-in world, a dataset file or an external command. */
export interface WorldSpec {
  name?: string;
  file?: string;
  external?: string;
  /** Target column of a CSV pool world. */
  target?: string;
}

/** Lifecycle of a run in the journal. */
export type RunStatus = "running" | "finished" | "failed" | "aborted";

/** One run as stored. */
export interface RunRow {
  id: string;
  createdAt: string;
  updatedAt: string;
  world: string;
  worldSpec: WorldSpec;
  seed: number;
  options: Record<string, unknown>;
  status: RunStatus;
  error?: string;
  result?: unknown;
}

/** A journaled experiment: written before it is sent to the world. */
export interface ExperimentRow {
  seq: number;
  round: number;
  inputs: Experiment;
  /** Stage to collect (staged worlds); inputs are then empty. */
  stage?: string;
  /** The Breaker strategy (or `initial`, `agent`) that chose it. */
  strategy: string;
  answered: boolean;
}

/** A journaled observation: written as soon as the world answered, before anything uses it. */
export interface ObservationRow {
  seq: number;
  experimentSeq: number;
  inputs: Experiment;
  output: number | null;
  stage?: string;
}

/** A stored run event (see `src/discover/events.ts`). */
export interface EventRow {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}
