import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { SpareWorkers } from "./spare-worker.js";
import { HttpError } from "./respond.js";
import type { TaskJob, TaskMessage } from "./task-worker.js";

/** The compiled task worker beside this module (absent when running from TypeScript sources). */
export function taskWorkerScript(): string | undefined {
  if (!import.meta.url.endsWith(".js")) return undefined;
  const path = fileURLToPath(new URL("./task-worker.js", import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Limits of one job: when the requester has gone, and the time after which the thread is ended. */
export interface TaskLimits {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The sentence of the answer when the time is up. */
  timeoutMessage?: string;
}

/**
 * Runs the server's heavy requests in worker threads, one thread per job (a spare one is kept started,
 * modules loaded). A job past its time, or whose requester went away, has its thread terminated — and
 * with it any threads it started — so no request holds the server longer than it was allowed.
 */
export class TaskThreads {
  private readonly workers: SpareWorkers;

  constructor(script: string) {
    this.workers = new SpareWorkers(script);
  }

  /** Runs `job`; rejects with the job's error (a UserError when the input was at fault) or a 422 when its time ran out. */
  run<T>(job: TaskJob, limits: TaskLimits = {}): Promise<T> {
    const worker = this.workers.take();
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (act: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        limits.signal?.removeEventListener("abort", onAbort);
        act();
        void worker.terminate();
      };
      const timer =
        limits.timeoutMs !== undefined
          ? setTimeout(() => finish(() => reject(new HttpError(422, limits.timeoutMessage ?? `the request did not finish within ${limits.timeoutMs} ms`))), limits.timeoutMs)
          : undefined;
      const onAbort = () => finish(() => reject(new UserError("the request was cancelled")));
      worker.on("message", (m: TaskMessage) => {
        if (m.type === "result") finish(() => resolve(m.value as T));
        else finish(() => reject(m.user ? new UserError(m.message) : new Error(m.message)));
      });
      worker.on("error", (err) => finish(() => reject(new Error(`the server's task thread crashed: ${err.message}`))));
      worker.on("exit", (code) => finish(() => reject(new Error(`the server's task thread ended unexpectedly (exit code ${code})`))));
      if (limits.signal?.aborted) return onAbort();
      limits.signal?.addEventListener("abort", onAbort, { once: true });
      worker.postMessage(job);
    });
  }

  /** Stops the spare thread (running jobs end with their limits). */
  close(): void {
    this.workers.close();
  }
}
