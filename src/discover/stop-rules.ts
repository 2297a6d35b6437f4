import { fullRangeRound } from "../breaker/space.js";
import type { WorldInfo } from "../worlds/world.js";
import type { LoopState } from "./types.js";

/** The limits a run stops at (from its options). */
export interface StopLimits {
  /** Most rounds after round 0. */
  rounds: number;
  /** Most observations in the whole run. */
  budget: number;
  /** Rounds of attack the law must survive unchanged. */
  patience: number;
  stopOnFalsification: boolean;
}

/** The first round from which survival counts: the attack then reaches the whole range (staged worlds: at once). */
export function survivalCountsFrom(info: Pick<WorldInfo, "shape" | "inputs">): number {
  return info.shape === "staged" ? 0 : fullRangeRound(info.inputs);
}

/** Why the loop stops before round `round` with `queries` observations so far, or undefined to go on. */
export function stopReason(state: Pick<LoopState, "survived" | "falsification">, round: number, queries: number, limits: StopLimits, fullRange: number): string | undefined {
  if (round > limits.rounds) return `round limit (${limits.rounds})`;
  if (queries >= limits.budget) return `query budget (${limits.budget})`;
  // Survival counts only once the attack reached the whole range: a law has not survived anything
  // while the Breaker was still confined near the initial sub-range.
  if (state.survived >= limits.patience && round - limits.patience > fullRange) return `the law survived ${state.survived} rounds of attack`;
  if (limits.stopOnFalsification && state.falsification) return "the received theory is falsified";
  return undefined;
}
