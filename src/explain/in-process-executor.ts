/**
 * Islands in this process, one after another, sharing one scorer and its fit cache. With an evaluation
 * budget a run is reproducible bit for bit for a given seed.
 */
import type { Expr } from "../expr/ast.js";
import type { IslandState } from "./island.js";
import type { EpochReport, IslandExecutor, IslandExecutorFactory, IslandJob } from "./island-executor.js";
import { IslandHost } from "./island-host.js";

/** Runs every island in this process (the default executor, and what one thread means). */
export const inProcessExecutor: IslandExecutorFactory = async (job, signal) => new InProcessExecutor(job, signal);

class InProcessExecutor implements IslandExecutor {
  private readonly host: IslandHost;

  constructor(
    private readonly job: IslandJob,
    signal: AbortSignal | undefined,
  ) {
    this.host = new IslandHost(job, () => signal?.aborted === true || Date.now() >= job.cfg.deadline);
  }

  async start(seeds: readonly Expr[]): Promise<EpochReport> {
    // Seeds are scored before any island is created and only those that score are dealt out, so a seed
    // that cannot be evaluated does not shift which island the others join.
    const scored = this.host.scoreSeeds(seeds);
    const { islands } = this.job.cfg;
    const reports = Array.from({ length: islands }, (_, i) => this.host.start(i, scored.filter((_, k) => k % islands === i)));
    return { islands: reports, evaluations: this.host.evaluations };
  }

  async evolve(states: readonly IslandState[], epoch: number, quota: number): Promise<EpochReport> {
    const reports = states.map((s, i) => this.host.evolve(i, s, epoch, quota));
    // The epoch ran synchronously: give the event loop a turn so that an abort (Ctrl-C) is seen.
    await new Promise((resolve) => setImmediate(resolve));
    return { islands: reports, evaluations: this.host.evaluations };
  }

  async close(): Promise<void> {}
}
