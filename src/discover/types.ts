import type { Bits } from "../core/bits.js";
import type { LawState } from "../core/law.js";
import type { NoiseKind } from "../core/noise.js";
import type { Expr } from "../expr/ast.js";
import type { WorldSpec } from "../worlds/open.js";

/** Kinds of revision the gate can accept. `parameter_update` is not a break. */
export type BreakType = "parameter_update" | "regime_split" | "new_variable" | "ontology_break" | "structural";

/** Where a law came from. */
export type LawSource = "received" | "explainer" | "pareto" | "agent" | "current" | "history" | "vocabulary";

/** The observation that best shows why an old law broke: where it missed by the most noise-widths. */
export interface BreakWitness {
  inputs: Record<string, number>;
  predicted: number;
  observed: number;
  /** How many expected noise-widths the old law missed by there. */
  noiseWidths?: number;
}

/** One round as reported (the `rounds` entries of `discover --json`, plus details for the report). */
export interface RoundRecord {
  round: number;
  /** Experiments answered in this round. */
  experiments: number;
  /** Observations answered so far in the run. */
  queries: number;
  law: string;
  bits: number;
  r2: number;
  break: null | { type: Exclude<BreakType, "parameter_update">; gainBits: number };
  derived?: Record<string, string>;
  bitsDetail: Bits;
  /** The law before this round's revision, when one was accepted. */
  previousLaw?: string;
  /** A revision accepted (break or parameter update of a different form), with its gain. */
  revision?: { type: BreakType; gainBits: number; witness?: BreakWitness };
  /** The break explained in one plain sentence. */
  sentence?: string;
  /** Description length of the received theory refitted on this round's evidence, while tracked. */
  receivedBits?: number;
  /** Whether this round falsified the received theory. */
  falsifiedReceived?: boolean;
  /** How many experiments each Breaker strategy chose this round. */
  strategies: Record<string, number>;
  /** The best rejected challenger, with its bits. */
  challenger?: { law: string; bits: number };
  seconds: number;
}

/** The loop's state after a round: all it needs to continue (journaled with the round). */
export interface LoopState {
  current: LawState;
  currentSource: LawSource;
  /** The received theory while it is still tracked (null once falsified or when the world has none). */
  received: { expr: Expr; params: number[]; law: string } | null;
  falsification: { round: number; queries: number; gainBits: number; law: string } | null;
  /** Competing laws for the Breaker (the Explainer's last Pareto front). */
  pareto: { expr: Expr; params: number[]; law: string; bits: number }[];
  /** Rounds since the law last changed form. */
  survived: number;
  breaks: number;
  /** Laws the run accepted so far (most recent last; at most 8), re-offered to the gate every round. */
  history?: { expr: Expr; params: number[]; law: string }[];
  /** Derived variables added to the run's vocabulary by adopted agent proposals (name → definition). */
  adoptedDerived?: Record<string, string>;
  initialLaw: string;
  seconds: number;
}

/** How to run a discovery. Everything has a default; all of it is journaled with the run. */
export interface DiscoverOptions {
  world: WorldSpec;
  seed?: number;
  /** Maximum rounds after round 0 (default 8). */
  rounds?: number;
  /** Maximum observations in the whole run (default 400). */
  budget?: number;
  /** Experiments per round (default 12); staged worlds collect one stage per round. */
  batch?: number;
  /** Experiments in round 0, inside the initial sub-range (default 24). */
  initialCount?: number;
  /** Stop once the law survived this many rounds of attack unchanged (default 3). */
  patience?: number;
  /** Bits a challenger must save to replace the current law (default 10). */
  thresholdBits?: number;
  /** Breaker strategies by name (default: disagreement, residuals, coverage, stages); `["random"]` is the baseline. */
  strategies?: string[];
  /** Explainer budget per round in seconds (default 3) and in evaluations (optional, reproducible). */
  explainSeconds?: number;
  explainEvaluations?: number;
  /** Explainer threads (default 1: deterministic and light on a shared machine). */
  threads?: number;
  /** Derived variables: `"auto"` (staged worlds: running max/min of inputs), `"off"`, or `name=definition` items. */
  derived?: "auto" | "off" | string[];
  /** Stop as soon as the received theory is falsified (benchmarks count the queries that took). */
  stopOnFalsification?: boolean;
  /** Language-model profile (recorded; the caller creates the agents). */
  llm?: string;
  /** Noise model of the measurements, overriding the world's declaration (absent: the world's, else absolute). */
  noise?: NoiseKind;
}

/** The outcome of a run: the `discover --json` contract plus details. */
export interface RunResult {
  world: string;
  runId: string;
  seed: number;
  initialLaw: string;
  finalLaw: string;
  bits: number;
  r2: number;
  queries: number;
  breaks: number;
  rounds: RoundRecord[];
  seconds: number;
  derived?: Record<string, string>;
  /** When the received theory was falsified (null: it survived or there was none). */
  falsification: { round: number; queries: number; gainBits: number; law: string } | null;
  stopReason: string;
  status: "finished" | "aborted";
}
