/**
 * Islands on worker threads. Island i always lives on worker i mod T and each worker handles its
 * islands in index order, so with an evaluation budget a run is reproducible for a given seed and
 * thread count. Workers run compiled JavaScript: from TypeScript sources (tests) the script is
 * looked up under dist/, and when it is missing the caller falls back to in-process islands.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Expr } from "../expr/ast.js";
import type { HallOfFame } from "./hall-of-fame.js";
import type { IslandState } from "./island.js";
import { migrate } from "./migration.js";
import type { PopMember } from "./pop-member.js";
import { Rng } from "./rng.js";
import type { SearchData } from "./scoring.js";
import { epochSeed, type EpochListener, type SearchConfig, type SearchOutcome } from "./search-loop.js";

/** Messages a worker answers (see island-worker.ts). */
export type WorkerRequest =
  | { type: "init"; island: number; seeds: Expr[] }
  | { type: "evolve"; island: number; state: IslandState; epoch: number; quota: number };

/** A worker's answer: the island's new state, its best members and the worker's fit count. */
export interface WorkerReply {
  state: IslandState;
  front: PopMember[];
  evaluations: number;
}

/** Path of the compiled worker script, or null when it has not been built. */
export function workerScriptPath(): string | null {
  let url = new URL("./island-worker.js", import.meta.url).href;
  if (import.meta.url.endsWith(".ts")) url = url.replace(/\/src\/explain\/island-worker\.js$/, "/dist/explain/island-worker.js");
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/** A fixed set of workers that evolve islands on request. */
export class IslandPool {
  private readonly pending = new Map<Worker, { resolve: (r: WorkerReply) => void; reject: (e: unknown) => void }[]>();
  private readonly evaluationsByWorker: number[];

  private constructor(
    private readonly workers: Worker[],
    private readonly cfg: SearchConfig,
    private readonly stopFlag: Int32Array,
  ) {
    this.evaluationsByWorker = workers.map(() => 0);
    workers.forEach((w, k) => {
      this.pending.set(w, []);
      w.on("message", (r: WorkerReply) => {
        this.evaluationsByWorker[k] = r.evaluations;
        this.pending.get(w)?.shift()?.resolve(r);
      });
      // One listener per worker: a crash fails every request still waiting on it.
      w.on("error", (err) => {
        for (const p of this.pending.get(w)?.splice(0) ?? []) p.reject(err);
      });
    });
  }

  /** Starts `threads` workers on the search data; null when the worker script is unavailable. */
  static async create(threads: number, data: SearchData, cfg: SearchConfig): Promise<IslandPool | null> {
    const script = workerScriptPath();
    if (!script) return null;
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const workers: Worker[] = [];
    for (let k = 0; k < Math.min(threads, cfg.islands); k++) {
      workers.push(new Worker(script, { workerData: { data, cfg, stopFlag } }));
    }
    return new IslandPool(workers, cfg, stopFlag);
  }

  private ask(island: number, req: WorkerRequest): Promise<WorkerReply> {
    const w = this.workers[island % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.get(w)?.push({ resolve, reject });
      w.postMessage(req);
    });
  }

  private evaluations(): number {
    return this.evaluationsByWorker.reduce((a, b) => a + b, 0);
  }

  /** The epoch loop of search-loop.ts, with islands evolved on the workers. */
  async run(
    seeds: Expr[],
    hof: HallOfFame,
    stopped: () => SearchOutcome["stoppedBy"] | null,
    signal: AbortSignal | undefined,
    onEpoch?: EpochListener,
  ): Promise<SearchOutcome> {
    const cfg = this.cfg;
    const onAbort = () => Atomics.store(this.stopFlag, 0, 1);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const islands = Array.from({ length: cfg.islands }, (_, i) => i);
      const inits = await Promise.all(islands.map((i) => this.ask(i, { type: "init", island: i, seeds: seeds.filter((_, k) => k % cfg.islands === i) })));
      let states = inits.map((r) => r.state);
      for (const r of inits) for (const m of r.front) hof.offer(m);
      let epoch = 0;
      let why: SearchOutcome["stoppedBy"] | null;
      while (!(why = stopped())) {
        const remaining = cfg.maxEvaluations - this.evaluations();
        if (remaining <= 0) {
          why = "evaluations";
          break;
        }
        const quota = Math.ceil(remaining / cfg.islands);
        epoch++;
        const replies = await Promise.all(states.map((state, i) => this.ask(i, { type: "evolve", island: i, state, epoch, quota })));
        states = replies.map((r) => r.state);
        for (const r of replies) for (const m of r.front) hof.offer(m);
        states = migrate(states, hof, cfg.migrants, new Rng(epochSeed(cfg.seed, -1, epoch)));
        const front = hof.paretoFront();
        onEpoch?.(front.length ? front[front.length - 1] : null, this.evaluations());
      }
      return { pareto: hof.paretoFront(), evaluations: this.evaluations(), stoppedBy: why };
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
