import type { RunRow } from "../journal/types.js";
import type { LoopState, RoundRecord, RunResult } from "../discover/types.js";
import type { WorldInfo } from "../worlds/world.js";

/** The fields of a journaled exchange the report reads (see `Exchange` in src/llm/exchange.ts). */
export interface ReportExchange {
  role: string;
  round?: number;
  attempt?: number;
  model?: string;
  response?: unknown;
  error?: string;
  verdict?: string;
  cached?: boolean;
  tokens?: { prompt?: number; completion?: number; total?: number };
  latencyMs?: number;
}

/** One round of a report: its record, its law's state and the data it saw, with predictions. */
export interface ReportRound {
  record: RoundRecord;
  state: LoopState;
  /** The law in LaTeX with every digit (for laws.json). */
  latex: string;
  /** The law in LaTeX with constants to 5 significant figures (for reading). */
  displayLatex: string;
  /** Observations answered up to this round (in run order) and the law's prediction at each; in a break
   * round, also the previous law's prediction there. */
  points: Array<{ inputs: Record<string, number>; observed: number; predicted: number; round: number; strategy: string; oldPredicted?: number }>;
}

/** Everything a report shows, read from the journal alone. */
export interface ReportData {
  run: RunRow;
  info: WorldInfo;
  result?: RunResult;
  rounds: ReportRound[];
  /** The run's language-model exchanges in the order they happened (none without --llm). */
  exchanges?: ReportExchange[];
}

/** Paths of the files a report consists of. */
export interface ReportFiles {
  html: string;
  metricsCsv: string;
  lawsJson: string;
}
