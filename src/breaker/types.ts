import type { Experiment, InputSpec, StageSpec, WorldInfo } from "../worlds/world.js";
import type { UniformSource } from "../random/index.js";

/** A law the Breaker can ask for predictions at experiments it has not run (NaN where it cannot say). */
export interface Predictor {
  /** The law in contract infix. */
  law: string;
  /** Its description length on the current evidence (lower is better). */
  bits: number;
  predict(experiments: readonly Experiment[]): Float64Array;
}

/** Expected spread of an observation given the law's prediction there (fitted to the residuals). */
export interface NoiseEstimate {
  sigma(predicted: number): number;
}

/** Everything a strategy may look at. It never sees the results of the experiments it is choosing. */
export interface BreakerContext {
  info: WorldInfo;
  /** The inputs the Breaker chooses (the world's inputs). */
  inputs: readonly InputSpec[];
  round: number;
  rng: UniformSource;
  /** Answered experiments so far (failed ones included) and the observed outputs (null: failed). */
  evidence: { experiments: readonly Experiment[]; outputs: readonly (number | null)[] };
  /** The current law (absent before round 0 ends). */
  current?: Predictor;
  /** Competing laws: the Explainer's Pareto front, the received theory, agent proposals. */
  competitors: readonly Predictor[];
  noise: NoiseEstimate;
  /** Experiments that may be chosen: generated points for simulators, the remaining rows for pools. */
  candidates: readonly Experiment[];
  /**
   * Which candidates lie in this round's attack region (1) — the neighbourhood of the evidence that
   * grows round by round. Local strategies (coverage, residuals) keep to it; disagreement may go anywhere.
   * Absent: every candidate is in the region.
   */
  local?: Uint8Array;
  /** Staged worlds: stages whose prerequisites are collected and which are not collected yet. */
  collectableStages?: readonly StageSpec[];
  collectedStages?: readonly string[];
}

/** One way of choosing experiments. Strategies plug into the registry; the scheduler combines them. */
export interface BreakerStrategy {
  /** Registry name (also journaled with each experiment it chose). */
  name: string;
  /** One line for docs and `--help`. */
  summary: string;
  /**
   * Chooses up to `count` of `ctx.candidates`, avoiding `taken` (indices already chosen this batch).
   * Returns candidate indices, best first; fewer (or none) when the strategy has nothing to say.
   */
  choose(ctx: BreakerContext, count: number, taken: ReadonlySet<number>): number[];
  /** Staged worlds: the stage to collect next, or undefined when the strategy has no preference. */
  chooseStage?(ctx: BreakerContext): string | undefined;
}
