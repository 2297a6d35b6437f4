import type { WeightedStrategy } from "../breaker/index.js";
import type { World, WorldInfo } from "../worlds/world.js";
import type { AgentContext, BreakerAgent } from "./agents.js";
import { breakerBatch } from "./breaker-batch.js";
import { initialDesign, type Planned } from "./experiments.js";
import { competitorsOf, predictor } from "./predictor.js";
import type { ExperimentRow, ObservationRow } from "./run-journal.js";
import type { LoopState } from "./types.js";

/** What choosing a round's experiments needs. */
export interface PlanRequest {
  world: World;
  /** The world's description as the run sees it (its noise model may be the user's). */
  info: WorldInfo;
  seed: number;
  round: number;
  /** Experiments in round 0, per later round, and in the whole run. */
  sizes: { initialCount: number; batch: number; budget: number };
  mix: WeightedStrategy[];
  journaled: ExperimentRow[];
  observations: ObservationRow[];
  /** The loop state after the last round (absent before round 0 finished). */
  state?: LoopState;
  agent?: BreakerAgent;
  agentContext: () => AgentContext;
  warn: (message: string) => void;
}

/** The experiments of a round: round 0's initial design, then the Breaker's batch against the current law. */
export async function planRound(req: PlanRequest): Promise<Planned[]> {
  const { state, sizes } = req;
  if (req.round === 0 || !state) return initialDesign(req.world, req.seed, Math.min(sizes.initialCount, sizes.budget));
  return breakerBatch({
    world: req.world,
    seed: req.seed,
    round: req.round,
    count: Math.min(sizes.batch, sizes.budget - req.observations.length),
    mix: req.mix,
    asked: { experiments: req.journaled, observations: req.observations },
    current: predictor(req.info, state.current, state.current.bits.total),
    competitors: competitorsOf(req.info, state),
    ...(req.agent ? { agent: req.agent } : {}),
    agentContext: req.agentContext,
    warn: req.warn,
  });
}
