import type { BreakType, RoundRecord, RunResult } from "./types.js";

/**
 * Typed live events of a run. The loop emits them through `onEvent` as they happen and journals each
 * one, so a web client can stream a run live and a late client can replay it from the journal.
 */
export type RunEvent =
  | { type: "run_started"; runId: string; world: string; seed: number; resumed: boolean }
  | { type: "round_started"; runId: string; round: number }
  | {
      type: "experiments_chosen";
      runId: string;
      round: number;
      experiments: Array<{ seq: number; inputs: Record<string, number>; stage?: string; strategy: string }>;
    }
  | {
      type: "observations";
      runId: string;
      round: number;
      observations: Array<{ experimentSeq: number; inputs: Record<string, number>; output: number | null; stage?: string }>;
    }
  | { type: "law_proposed"; runId: string; round: number; law: string; bits: number; source: string }
  | { type: "law_accepted"; runId: string; round: number; law: string; bits: number; previousBits: number; gainBits: number; revision: BreakType }
  | { type: "law_rejected"; runId: string; round: number; law: string; bits: number; currentBits: number; reason: string }
  | { type: "break"; runId: string; round: number; breakType: Exclude<BreakType, "parameter_update">; gainBits: number; from: string; to: string; sentence: string }
  | { type: "received_falsified"; runId: string; round: number; queries: number; gainBits: number; law: string }
  | { type: "warning"; runId: string; round: number; message: string }
  | { type: "round_finished"; runId: string; round: number; record: RoundRecord }
  | { type: "run_finished"; runId: string; result: RunResult }
  | { type: "run_failed"; runId: string; error: string };

/** The `type` of any run event. */
export type RunEventType = RunEvent["type"];

/** Every event type, for clients that validate streams. */
export const RUN_EVENT_TYPES: readonly RunEventType[] = [
  "run_started",
  "round_started",
  "experiments_chosen",
  "observations",
  "law_proposed",
  "law_accepted",
  "law_rejected",
  "break",
  "received_falsified",
  "warning",
  "round_finished",
  "run_finished",
  "run_failed",
];
