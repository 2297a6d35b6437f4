/**
 * Islands on worker threads. Island i always lives on worker i mod T and each worker handles its islands
 * in index order, so with an evaluation budget a run is reproducible for a given seed and thread count.
 * Workers run compiled JavaScript: from TypeScript sources (tests) the script is looked up under dist/,
 * and when it is missing the islands run in-process instead.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Expr } from "../expr/ast.js";
import { inProcessExecutor, type EpochReport, type IslandExecutor, type IslandExecutorFactory, type IslandJob, type IslandReply, type IslandTask } from "../explain/index.js";
import type { IslandState } from "../explain/island.js";

/** Path of the compiled worker script, or null when it has not been built. */
export function islandWorkerPath(): string | null {
  let url = new URL("./island-worker.js", import.meta.url).href;
  if (import.meta.url.endsWith(".ts")) url = url.replace(/\/src\/parallel\/island-worker\.js$/, "/dist/parallel/island-worker.js");
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/** Runs the islands on `threads` worker threads (at most one per island); in-process when the script is missing. */
export function workerThreadExecutor(threads: number): IslandExecutorFactory {
  return async (job, signal) => {
    const script = islandWorkerPath();
    if (!script) return inProcessExecutor(job, signal);
    return new WorkerThreadExecutor(script, Math.max(1, Math.min(threads, job.cfg.islands)), job, signal);
  };
}

class WorkerThreadExecutor implements IslandExecutor {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<Worker, { resolve: (r: IslandReply) => void; reject: (e: unknown) => void }[]>();
  private readonly evaluationsByWorker: number[];
  // Shared with every worker: set on abort so that an epoch in flight ends at its next check.
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly onAbort = () => Atomics.store(this.stopFlag, 0, 1);

  constructor(
    script: string,
    threads: number,
    private readonly job: IslandJob,
    private readonly signal: AbortSignal | undefined,
  ) {
    for (let k = 0; k < threads; k++) this.workers.push(new Worker(script, { workerData: { job, stopFlag: this.stopFlag } }));
    this.evaluationsByWorker = this.workers.map(() => 0);
    this.workers.forEach((w, k) => {
      this.pending.set(w, []);
      w.on("message", (r: IslandReply) => {
        this.evaluationsByWorker[k] = r.evaluations;
        this.pending.get(w)?.shift()?.resolve(r);
      });
      // One listener per worker: a crash fails every request still waiting on it.
      w.on("error", (err) => {
        for (const p of this.pending.get(w)?.splice(0) ?? []) p.reject(err);
      });
    });
    signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  async start(seeds: readonly Expr[]): Promise<EpochReport> {
    const { islands } = this.job.cfg;
    // Each island scores its own share of the seeds on its worker (a seed that fails is dropped there).
    return this.all(Array.from({ length: islands }, (_, i) => ({ type: "start", island: i, seeds: seeds.filter((_, k) => k % islands === i) })));
  }

  async evolve(states: readonly IslandState[], epoch: number, quota: number): Promise<EpochReport> {
    return this.all(states.map((state, i) => ({ type: "evolve", island: i, state, epoch, quota })));
  }

  async close(): Promise<void> {
    this.signal?.removeEventListener("abort", this.onAbort);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private async all(tasks: IslandTask[]): Promise<EpochReport> {
    const replies = await Promise.all(tasks.map((t) => this.ask(t)));
    return { islands: replies.map((r) => r.report), evaluations: this.evaluationsByWorker.reduce((a, b) => a + b, 0) };
  }

  private ask(task: IslandTask): Promise<IslandReply> {
    const w = this.workers[task.island % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.get(w)?.push({ resolve, reject });
      w.postMessage(task);
    });
  }
}
