/**
 * The island side of every executor: one scorer (with its fit cache and evaluation count) that starts and
 * evolves the islands it is given. An in-process search has one host for all islands; each worker thread
 * (or machine) has its own. Island i's random choices in epoch e derive from (seed, i, e) alone, so where
 * an island runs does not change what it does.
 */
import type { Expr } from "../expr/ast.js";
import { HallOfFame } from "./hall-of-fame.js";
import { evolveIsland, initIsland, type IslandState } from "./island.js";
import type { IslandJob, IslandReport } from "./island-executor.js";
import type { PopMember } from "./pop-member.js";
import { derive } from "../random/index.js";
import { Scorer } from "./scoring.js";

/** A request to a host that runs elsewhere (a worker thread, another machine): plain data. */
export type IslandTask =
  | { type: "start"; island: number; seeds: Expr[] }
  | { type: "evolve"; island: number; state: IslandState; epoch: number; quota: number };

/** A host's answer to a task: the island's report and the fits the host has made so far. */
export interface IslandReply {
  report: IslandReport;
  evaluations: number;
}

/** Scores, starts and evolves islands of one search (see the module comment). */
export class IslandHost {
  private readonly scorer: Scorer;

  /** `shouldStop` is polled during an epoch (abort or deadline) so a long epoch ends early. */
  constructor(
    private readonly job: IslandJob,
    private readonly shouldStop: () => boolean,
  ) {
    this.scorer = new Scorer(job.data);
  }

  /** Candidates this host has fitted or evaluated so far. */
  get evaluations(): number {
    return this.scorer.evaluations;
  }

  /** Scores seed laws, dropping those that cannot be evaluated on the search rows. */
  scoreSeeds(seeds: readonly Expr[]): PopMember[] {
    return seeds.map((e) => this.scorer.score(e, 0, this.job.cfg.seed)).filter((m): m is PopMember => m !== null);
  }

  /** Creates island `island` from its seeds plus random members. */
  start(island: number, seeds: PopMember[]): IslandReport {
    const { data, cfg } = this.job;
    const state = initIsland(this.scorer, data.variables, cfg, derive(cfg.seed, "island", island, "epoch", 0), seeds);
    return { state, front: frontOf([...seeds, ...state.members]) };
  }

  /** Runs one epoch of island `island` from `state`, with at most `quota` new fits. */
  evolve(island: number, state: IslandState, epoch: number, quota: number): IslandReport {
    const { data, cfg } = this.job;
    const hof = new HallOfFame();
    const next = evolveIsland(state, this.scorer, hof, data.variables, cfg, derive(cfg.seed, "island", island, "epoch", epoch), cfg.epochSteps, quota, this.shouldStop);
    return { state: next, front: hof.paretoFront() };
  }

  /** Answers one task; a remote host's seeds are scored where the island lives. */
  run(task: IslandTask): IslandReply {
    const report = task.type === "start" ? this.start(task.island, this.scoreSeeds(task.seeds)) : this.evolve(task.island, task.state, task.epoch, task.quota);
    return { report, evaluations: this.evaluations };
  }
}

function frontOf(members: readonly PopMember[]): PopMember[] {
  const hof = new HallOfFame();
  for (const m of members) hof.offer(m);
  return hof.paretoFront();
}
