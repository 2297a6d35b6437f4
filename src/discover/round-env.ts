import type { Evidence } from "../core/evidence.js";
import type { WorldInfo } from "../worlds/world.js";
import type { Agents } from "./agents.js";
import type { RunEvent } from "./events.js";
import type { ExplainFn } from "./explainer.js";
import type { LawState } from "../core/law.js";
import type { LawSource } from "./types.js";

/** Where a round reports: typed events (journaled) and progress lines, tagged with the run and round. */
export interface RoundLog {
  runId: string;
  round: number;
  emit: (e: RunEvent) => void;
  progress: (line: string) => void;
}

/** The Explainer as a round runs it: the function, its budget, the run seed its search seed derives from, and what stops it. */
export interface SearchSettings {
  explain: ExplainFn;
  budget: { timeSeconds?: number; maxEvaluations?: number; threads?: number };
  seed: number;
  signal?: AbortSignal;
}

/** The run's derived vocabulary this round, and how to widen the evidence with an agent's columns. */
export interface Vocabulary {
  /** Derived variables the evidence computes (name → definition). */
  defs: Record<string, string>;
  /** False under `--derived off`: agents' laws needing history variables are refused. */
  allowed: boolean;
  /** This round's evidence with extra derived columns (those an agent proposes); `offered` omits twins of inputs. */
  extend?: (extra: Record<string, string>) => { evidence: Evidence; offered: Record<string, string> };
}

/** What a round needs besides the evidence: built by the loop, handed out piece by piece. */
export interface RoundEnv {
  log: RoundLog;
  info: WorldInfo;
  /** The run seed: every random choice of the round derives from it and a label. */
  seed: number;
  /** Observations answered so far in the run. */
  queries: number;
  thresholdBits: number;
  search: SearchSettings;
  agents?: Agents;
  vocabulary: Vocabulary;
  /** Rows of the evidence answered this round (for the break's witness). */
  newRows: number[];
  /** Rows of the evidence from round 0 (the initial design): the received theory's home ground. */
  initialRows: number[];
}

/** A scored candidate law offered to the gate against the current law, and where it came from. */
export interface Challenger {
  state: LawState;
  source: LawSource;
}
