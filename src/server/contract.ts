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
  /** Whether the run may open a world that is a command line (the server's --allow-external); refused when absent. */
  allowExternal?: boolean;
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
  /** The live process that holds the run's lease (drives it), when one does: another CLI or server may. */
  drivenBy?: { pid: number; host: string; since: string };
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
  /** Rows the explanation used, of the table's: a large table is explained on a seeded sample. */
  rows?: { used: number; total: number };
  /** Each column header and the name laws use for it (with the unit its header gave). */
  columns?: Array<{ column: string; name: string; unit?: string }>;
  /** The noise model the laws were fitted for, and whether it was chosen from the data. */
  noise?: { kind: string; automatic: boolean };
  /** Units by law name, when known. */
  units?: Record<string, string>;
  /** The best law's constants with standard errors and recognised exact forms (full precision). */
  constants?: Array<{ name: string; value: number; stderr: number | null; recognised?: { label: string; value: number } }>;
  /** Whether the best law's residuals still hold structure along some input (runs test, lag-1 correlation). */
  residualStructure?: { structured: boolean; pValue: number };
  /** Problems noticed with the best law (undefined near the data, units contradicted, …). */
  warnings?: string[];
}

/** Options of an explanation from the web page (beyond time and seed). */
export interface ExplainRequestOptions {
  noise?: "absolute" | "relative" | "poisson";
  operators?: string;
  units?: Record<string, string>;
  warm?: string[];
}

/** A law the user typed, fitted and scored on a table. */
export interface ScoreView {
  law: string;
  latex: string;
  complexity: number;
  bits: number;
  r2: number;
  rmse: number;
}

/** The discovery machinery behind the server. */
export interface DiscoveryEngine {
  worlds(): WorldListing[];
  /** Language-model profiles the user configured (empty when none). */
  llmProfiles(): string[];
  /** Reads a stored upload (see `readUploadText`) and says what it holds (UserError on bad files). */
  inspectUpload(kind: "csv" | "staged", fileName: string, path: string): Promise<{ columns: string[]; rows: number }>;
  startRun(spec: StartSpec, hooks: RunHooks): LaunchedRun;
  resumeRun(runId: string, hooks: RunHooks): LaunchedRun;
  /** The world a journaled run opens when it resumes (undefined when there is no such run). */
  runWorld(runId: string): StartWorld | undefined;
  listRuns(): RunListItem[];
  runDetail(runId: string): RunDetail | undefined;
  /** Events the journal holds for a run, in order. */
  storedEvents(runId: string): LiveEvent[];
  /** Writes the run's report into `dir` and returns the file paths. */
  writeReport(runId: string, dir: string): Promise<ReportFiles>;
  /**
   * Explains one column of an uploaded CSV (its stored `path`, its user-facing `name`). The whole answer
   * comes within `seconds` plus a small grace, or the request fails with a 422 saying so.
   */
  explain(upload: { path: string; name: string }, target: string, opts: { seconds: number; seed: number; signal: AbortSignal } & ExplainRequestOptions): Promise<ExplainView>;
  /** Releases the journal. */
  close(): void;
}
