/**
 * What the HTTP layer needs from the discovery machinery, as one small interface. The real
 * implementation (`discovery-engine.ts`) wires the loop, the journal, the worlds, the Explainer and
 * the report writer; tests may pass a fake to exercise the HTTP layer alone. The JSON shapes the
 * web app reads (web/src/api.ts imports these types) are declared here too.
 */

import type { ReportFiles } from "../report/types.js";

/** One live event of a run, as the discovery loop emitted it (a JSON object with a `type`). */
export type LiveEvent = { type: string } & Record<string, unknown>;

/** Where a run's experiments come from, resolved on the server side (uploads are paths here). */
export type StartWorld = { name: string } | { file: string; target?: string } | { external: string };

/** A request to start a run, after validation. */
export interface StartSpec {
  world: StartWorld;
  rounds: number;
  seed: number;
  llm?: string;
  /** Explainer search time per round, in seconds (the loop's default when absent). */
  explainSeconds?: number;
}

/** Callbacks a run reports through; `signal` stops it cleanly (the journal keeps what was done). */
export interface RunHooks {
  signal: AbortSignal;
  onEvent: (event: LiveEvent) => void;
}

/** A run that has been launched: its id as soon as the journal knows it, and its end. */
export interface LaunchedRun {
  runId: Promise<string>;
  done: Promise<void>;
}

/** A built-in world as the start form lists it. */
export interface WorldListing {
  name: string;
  summary: string;
  description: string;
  inputs: Array<{ name: string; min: number; max: number; unit?: string; description?: string }>;
  output: { name: string; unit?: string; description?: string };
  receivedTheory?: string;
}

/** One row of the runs list. */
export interface RunListItem {
  runId: string;
  world: string;
  status: string;
  seed: number;
  createdAt: string;
  rounds: number;
  finalLaw?: string;
}

/** One round of a run, ready to show. */
export interface RoundView {
  round: number;
  law: string;
  latex: string;
  bits: number;
  r2: number;
  experiments: number;
  break: null | { type: string; gainBits: number; sentence: string };
}

/** One observation of a run, with the round that asked for it and the current law's prediction. */
export interface ObservationView {
  index: number;
  round: number;
  inputs: Record<string, number>;
  output: number | null;
  stage?: string;
  predicted: number | null;
  /** Whether the Breaker chose this experiment (as opposed to the starting data). */
  breaker: boolean;
}

/** One language-model exchange, shortened for display. */
export interface ExchangeView {
  role: string;
  round: number | null;
  request: string;
  response: string;
  tokens: number | null;
  latencyMs: number | null;
}

/** Everything the live run view shows. */
export interface RunDetail extends RunListItem {
  inputs: WorldListing["inputs"];
  output: WorldListing["output"];
  plannedRounds: number | null;
  queries: number;
  initialLaw?: string;
  /** The classical law the run started from, when the world has one. */
  receivedTheory?: string;
  /** When the received theory was falsified: the round, the measurements it took, and the bits saved. */
  falsification?: { round: number; queries: number; gainBits: number } | null;
  currentLaw?: { law: string; latex: string; bits: number; r2: number; derived?: Record<string, string> };
  roundViews: RoundView[];
  observations: ObservationView[];
  exchanges: ExchangeView[];
  error?: string;
}

/** The Explainer's answer, ready to show. */
export interface ExplainView {
  target: string;
  law: string;
  latex: string;
  complexity: number;
  bits: { model: number; data: number; total: number };
  r2: number;
  rmse: number;
  pareto: Array<{ law: string; latex: string; complexity: number; bits: number; r2: number; rmse: number }>;
  evaluations: number;
  seconds: number;
  /** The data and each front law's predictions, for the chart (at most a few thousand rows). */
  sample: { inputs: Record<string, number[]>; target: number[]; predictions: number[][] };
}

/** The discovery machinery behind the server. */
export interface DiscoveryEngine {
  worlds(): WorldListing[];
  /** Language-model profiles the user configured (empty when none). */
  llmProfiles(): string[];
  /** Reads an upload and says what it holds (UserError on bad files). */
  inspectUpload(kind: "csv" | "staged", text: string, fileName: string, path: string): Promise<{ columns: string[]; rows: number }>;
  startRun(spec: StartSpec, hooks: RunHooks): LaunchedRun;
  resumeRun(runId: string, hooks: RunHooks): LaunchedRun;
  listRuns(): RunListItem[];
  runDetail(runId: string): RunDetail | undefined;
  /** Events the journal holds for a run, in order. */
  storedEvents(runId: string): LiveEvent[];
  /** Writes the run's report into `dir` and returns the file paths. */
  writeReport(runId: string, dir: string): Promise<ReportFiles>;
  explain(csvText: string, fileName: string, target: string, opts: { seconds: number; seed: number; signal: AbortSignal }): Promise<ExplainView>;
  /** Releases the journal. */
  close(): void;
}
