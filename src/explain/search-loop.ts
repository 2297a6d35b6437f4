/**
 * The evolutionary search over islands, in epochs: every island evolves for a fixed number of
 * steps, then migration mixes the islands and the stop rules are checked. Islands run in-process
 * (threads = 1) or on a worker pool; the epoch structure is the same either way, so an evaluation
 * budget gives reproducible results for a given seed and thread count.
 */
import type { Expr } from "../expr/ast.js";
import { HallOfFame } from "./hall-of-fame.js";
import { evolveIsland, initIsland, type EvolutionConfig, type IslandState } from "./island.js";
import { migrate } from "./migration.js";
import type { PopMember } from "./pop-member.js";
import { Rng } from "./rng.js";
import { Scorer, type SearchData } from "./scoring.js";
import { IslandPool } from "./worker-pool.js";

/** Everything that shapes one search. */
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
  threads: number;
}

/** What a search leaves behind. */
export interface SearchOutcome {
  pareto: PopMember[];
  evaluations: number;
  stoppedBy: "exact" | "evaluations" | "time" | "signal";
}

/** Per-epoch progress callback. */
export type EpochListener = (best: PopMember | null, evaluations: number) => void;

/** Derives the generator seed of (island, epoch) from the run seed, independent of thread count. */
export function epochSeed(seed: number, island: number, epoch: number): number {
  let h = (seed ^ 0x27d4eb2d) >>> 0;
  h = Math.imul(h ^ (island + 0x165667b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (epoch + 0x3c6ef372), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** Runs the island search until exact, out of budget, out of time or aborted. */
export async function runSearch(data: SearchData, cfg: SearchConfig, seeds: Expr[], signal: AbortSignal | undefined, onEpoch?: EpochListener): Promise<SearchOutcome> {
  const hof = new HallOfFame();
  const timeUp = () => Date.now() >= cfg.deadline;
  const stopped = (): SearchOutcome["stoppedBy"] | null => {
    if (signal?.aborted) return "signal";
    if (hof.bestLoss() <= cfg.exactLoss) return "exact";
    if (timeUp()) return "time";
    return null;
  };
  if (cfg.threads > 1) {
    const pool = await IslandPool.create(cfg.threads, data, cfg);
    if (pool) {
      try {
        return await pool.run(seeds, hof, stopped, signal, onEpoch);
      } finally {
        await pool.close();
      }
    }
  }
  const scorer = new Scorer(data);
  const seedMembers = seeds.map((e) => scorer.score(e, 0, cfg.seed)).filter((m): m is PopMember => m !== null);
  for (const m of seedMembers) hof.offer(m);
  let states: IslandState[] = [];
  for (let i = 0; i < cfg.islands; i++) {
    const mine = seedMembers.filter((_, k) => k % cfg.islands === i);
    states.push(initIsland(scorer, data.variables, cfg, new Rng(epochSeed(cfg.seed, i, 0)), mine));
    for (const m of states[i].members) hof.offer(m);
  }
  let epoch = 0;
  let why: SearchOutcome["stoppedBy"] | null;
  while (!(why = stopped())) {
    const remaining = cfg.maxEvaluations - scorer.evaluations;
    if (remaining <= 0) {
      why = "evaluations";
      break;
    }
    const quota = Math.ceil(remaining / cfg.islands);
    epoch++;
    states = states.map((s, i) =>
      evolveIsland(s, scorer, hof, data.variables, cfg, new Rng(epochSeed(cfg.seed, i, epoch)), cfg.epochSteps, quota, () => signal?.aborted === true || timeUp()),
    );
    states = migrate(states, hof, cfg.migrants, new Rng(epochSeed(cfg.seed, -1, epoch)));
    const front = hof.paretoFront();
    onEpoch?.(front.length ? front[front.length - 1] : null, scorer.evaluations);
    // Yield to the event loop so Ctrl-C (delivered as an abort) is seen between epochs.
    await new Promise((r) => setImmediate(r));
  }
  return { pareto: hof.paretoFront(), evaluations: scorer.evaluations, stoppedBy: why };
}
