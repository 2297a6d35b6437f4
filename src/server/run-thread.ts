import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { SpareWorkers } from "./spare-worker.js";
import type { LiveEvent } from "./contract.js";
import type { RunWorkerCommand, RunWorkerData, RunWorkerMessage } from "./run-worker.js";

/** The compiled worker script beside this module (absent when running from TypeScript sources). */
export function runWorkerScript(): string | undefined {
  if (!import.meta.url.endsWith(".js")) return undefined;
  const path = fileURLToPath(new URL("./run-worker.js", import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Hooks of a run in a worker thread. */
export interface ThreadHooks {
  signal: AbortSignal;
  onEvent: (event: LiveEvent) => void;
  progress: (line: string) => void;
}

/**
 * Runs discoveries in worker threads. One spare thread is kept started, with the loop, the Explainer and
 * SQLite already loaded, so pressing "Start" costs a message rather than a quarter-second of module loading.
 */
export class RunThreads {
  private readonly workers: SpareWorkers;

  constructor(script: string) {
    this.workers = new SpareWorkers(script);
  }

  /**
   * Runs one job; resolves when the thread has ended after reporting success, rejects with the run's error
   * (a UserError when the input was at fault) or when the thread died.
   */
  run(job: Omit<RunWorkerData, "stopFlag">, hooks: ThreadHooks): Promise<void> {
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const data: RunWorkerData = { ...job, stopFlag };
    const worker = this.workers.take();
    worker.ref();
    return new Promise((resolve, reject) => {
      let outcome: RunWorkerMessage | undefined;
      const send = (m: RunWorkerCommand) => worker.postMessage(m);
      const abort = () => {
        Atomics.store(stopFlag, 0, 1);
        send({ type: "abort" });
      };
      worker.on("message", (m: RunWorkerMessage) => {
        if (m.type === "event") hooks.onEvent(m.event);
        else if (m.type === "progress") hooks.progress(m.line);
        else outcome = m;
      });
      worker.on("error", (err) => {
        outcome ??= { type: "error", message: `the run's thread crashed: ${err.message}`, user: false };
      });
      worker.on("exit", (code) => {
        hooks.signal.removeEventListener("abort", abort);
        if (outcome?.type === "done") resolve();
        else if (outcome?.type === "error") reject(outcome.user ? new UserError(outcome.message) : new Error(outcome.message));
        else reject(new Error(`the run's thread ended unexpectedly (exit code ${code})`));
      });
      send({ type: "job", data });
      if (hooks.signal.aborted) abort();
      else hooks.signal.addEventListener("abort", abort, { once: true });
    });
  }

  /** Stops the spare thread (running jobs end through their abort signals). */
  close(): void {
    this.workers.close();
  }
}
