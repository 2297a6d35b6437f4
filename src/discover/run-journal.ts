import type { Experiment, Observation } from "../worlds/world.js";
import type { WorldSpec } from "../worlds/open.js";

/**
 * What the discovery loop needs of a run journal. The loop journals every experiment before it is sent and
 * every answer as soon as it comes, so a run killed at any instant resumes from the journal alone. The
 * loop depends on this interface only; `src/journal` implements it over SQLite, and the CLI and the
 * server pass the concrete store in (adapters at the edges).
 */
export interface RunJournal {
  /** Where the journal lives, for messages ("no run 'x' in <path>"). */
  readonly path: string;
  createRun(run: { id: string; world: string; worldSpec: WorldSpec; seed: number; options: Record<string, unknown> }): void;
  getRun(id: string): RunRow | undefined;
  setStatus(id: string, status: RunStatus, extra?: { error?: string; result?: unknown }): void;
  /** Journals experiments before they are sent; returns their sequence numbers. */
  addExperiments(runId: string, round: number, items: { inputs: Experiment; stage?: string; strategy: string }[]): number[];
  /** Journals the world's answers to some experiments at once and marks them answered. */
  recordAnswers(runId: string, answers: { experimentSeq: number; observations: Observation[] }[]): void;
  experiments(runId: string): ExperimentRow[];
  observations(runId: string): ObservationRow[];
  /** Stores a finished round: its public record and the loop state needed to continue after it. */
  putRound(runId: string, round: number, record: unknown, state: unknown): void;
  rounds<R = unknown, S = unknown>(runId: string): { round: number; record: R; state: S }[];
  addEvent(runId: string, type: string, payload: Record<string, unknown>): number;
  /** Events of a run after sequence number `afterSeq` (all by default), in order. */
  events?(runId: string, afterSeq?: number): EventRow[];
  /**
   * Takes the run's lease so that no second process drives it at the same time, or throws RunBusyError
   * naming the live holder. A journal without leases (in-memory fakes) leaves this out.
   */
  claimRun?(runId: string): RunClaim;
}

/** This process's hold on a run: renewed while it drives the run, released when it stops. */
export interface RunClaim {
  /** Extends the lease; throws RunBusyError when another process has taken the run over meanwhile. */
  renew(): void;
  /** Gives the run up (idempotent). */
  release(): void;
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

/** A stored run event (see `events.ts`). */
export interface EventRow {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}
