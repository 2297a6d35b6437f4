/**
 * How the islands of one search run, passed in by the caller the way SymbolicRegression.jl passes its
 * parallelism to `_main_search_loop!`: in this process (in-process-executor.ts), on worker threads
 * (src/parallel), or later as jobs on other machines. The epoch loop (search-loop.ts) is the same over all
 * of them. Everything that crosses this interface is plain data — trees, numbers, typed arrays — so it can
 * be posted to a thread or serialised onto a queue.
 */
import type { Expr } from "../expr/ast.js";
import type { IslandState } from "./island.js";
import type { PopMember } from "./pop-member.js";
import type { SearchData } from "./scoring.js";
import type { SearchConfig } from "./search-config.js";

/** What one island reports after it was started or evolved. */
export interface IslandReport {
  /** The population it carries into the next epoch. */
  state: IslandState;
  /** Pareto front of what the island scored in this step, for the hall of fame. */
  front: PopMember[];
}

/** What an executor reports after starting or evolving every island. */
export interface EpochReport {
  /** One report per island, in island order. */
  islands: IslandReport[];
  /** Candidates fitted so far by the whole search (the evaluation budget counts these). */
  evaluations: number;
}

/** One search as every executor receives it: the rows to fit and the tunables. */
export interface IslandJob {
  data: SearchData;
  cfg: SearchConfig;
}

/** Runs the islands of one search; the epoch loop decides when, the executor decides where. */
export interface IslandExecutor {
  /** Creates `cfg.islands` islands, dealing the seed laws to them in turn, and reports them. */
  start(seeds: readonly Expr[]): Promise<EpochReport>;
  /** Evolves island i from `states[i]` for one epoch of at most `quota` fits, and reports every island. */
  evolve(states: readonly IslandState[], epoch: number, quota: number): Promise<EpochReport>;
  /** Releases threads or connections; the executor is not used afterwards. */
  close(): Promise<void>;
}

/** Makes the executor of one search; `signal` ends the epoch in flight early. */
export type IslandExecutorFactory = (job: IslandJob, signal?: AbortSignal) => Promise<IslandExecutor>;
