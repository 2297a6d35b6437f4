/**
 * The evolutionary search over islands, in epochs: every island evolves for a fixed number of steps,
 * then the hall of fame takes in what the islands found, migration mixes them and the stop rules are
 * checked. Where the islands run is the executor's business (island-executor.ts); the epoch structure is
 * the same everywhere, so an evaluation budget gives reproducible results for a given seed and executor.
 */
import type { Expr } from "../expr/ast.js";
import { HallOfFame } from "./hall-of-fame.js";
import type { IslandState } from "./island.js";
import type { EpochReport, IslandExecutorFactory, IslandJob } from "./island-executor.js";
import { migrate } from "./migration.js";
import type { PopMember } from "./pop-member.js";
import { derive } from "../random/index.js";

/** What a search leaves behind. */
export interface SearchOutcome {
  pareto: PopMember[];
  evaluations: number;
  stoppedBy: "exact" | "evaluations" | "time" | "signal";
}

/** Per-epoch progress callback. */
export type EpochListener = (best: PopMember | null, evaluations: number) => void;

/** How one search runs: where its islands live, what stops it early, who hears about each epoch. */
export interface SearchRun {
  executor: IslandExecutorFactory;
  signal?: AbortSignal;
  onEpoch?: EpochListener;
}

/** Runs the island search until exact, out of budget, out of time or aborted. */
export async function runSearch(job: IslandJob, seeds: readonly Expr[], run: SearchRun): Promise<SearchOutcome> {
  const { cfg } = job;
  const hof = new HallOfFame();
  let evaluations = 0;
  const absorb = (report: EpochReport): IslandState[] => {
    for (const island of report.islands) for (const m of island.front) hof.offer(m);
    evaluations = report.evaluations;
    return report.islands.map((island) => island.state);
  };
  const stopped = (): SearchOutcome["stoppedBy"] | null => {
    if (run.signal?.aborted) return "signal";
    if (hof.bestLoss() <= cfg.exactLoss) return "exact";
    if (Date.now() >= cfg.deadline) return "time";
    if (evaluations >= cfg.maxEvaluations) return "evaluations";
    return null;
  };
  const executor = await run.executor(job, run.signal);
  try {
    let states = absorb(await executor.start(seeds));
    let why: SearchOutcome["stoppedBy"] | null;
    for (let epoch = 1; !(why = stopped()); epoch++) {
      // Each island may spend an equal share of what is left, so the budget ends within one epoch.
      const quota = Math.ceil((cfg.maxEvaluations - evaluations) / cfg.islands);
      states = absorb(await executor.evolve(states, epoch, quota));
      states = migrate(states, hof, cfg.migrants, derive(cfg.seed, "migration", epoch));
      const front = hof.paretoFront();
      run.onEpoch?.(front.length ? front[front.length - 1] : null, evaluations);
    }
    return { pareto: hof.paretoFront(), evaluations, stoppedBy: why };
  } finally {
    await executor.close();
  }
}
