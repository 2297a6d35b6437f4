import type { EvolutionConfig } from "./island.js";

/** Everything that shapes one search (how its islands are placed on threads or machines is not part of it). */
export interface SearchConfig extends EvolutionConfig {
  islands: number;
  /** Breeding steps per island per epoch. */
  epochSteps: number;
  migrants: number;
  seed: number;
  /** Stop after this many fitted candidates (across islands). */
  maxEvaluations: number;
  /** Wall-clock deadline (ms since epoch); Infinity for none. */
  deadline: number;
  /** Normalised loss at or below which a law counts as exact and the search stops. */
  exactLoss: number;
}
