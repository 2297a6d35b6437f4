import { parentPort, workerData } from "node:worker_threads";
import { WorldbreakerError } from "../errors.js";
import { RunStore } from "../journal/index.js";
import type { LiveEvent } from "./contract.js";
import { runDiscovery, type RunJob } from "./run-discovery.js";
// Loaded up front (the loop would load them on first use) so a spare thread is ready to run at once.
import "../worlds/open.js";
import "../explain/index.js";

/**
 * Runs one discovery in a worker thread, so the web server's event loop stays free while the loop and
 * the Explainer compute. The worker writes the journal itself (SQLite in WAL mode lets the server read
 * it meanwhile) and posts every live event to the server.
 */

/** What the server hands the worker. */
export interface RunWorkerData extends RunJob {
  storeDir: string;
  /**
   * Set to 1 by the server to stop the run. The loop may compute for long stretches without yielding to
   * the thread's event loop, where an "abort" message would wait; shared memory is read at every event.
   */
  stopFlag: Int32Array;
}

/** Messages from the worker to the server. */
export type RunWorkerMessage =
  | { type: "event"; event: LiveEvent }
  | { type: "progress"; line: string }
  | { type: "done" }
  | { type: "error"; message: string; user: boolean };

/** Messages from the server: the job to run (a spare thread waits for it, modules already loaded), or stop. */
export type RunWorkerCommand = { type: "job"; data: RunWorkerData } | { type: "abort" };

async function main(data: RunWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("run-worker must run as a worker thread");
  const post = (m: RunWorkerMessage) => port.postMessage(m);
  const controller = new AbortController();
  const onMessage = (m: RunWorkerCommand) => {
    if (m.type === "abort") controller.abort();
  };
  const checkStop = () => {
    if (!controller.signal.aborted && Atomics.load(data.stopFlag, 0) === 1) controller.abort();
  };
  port.on("message", onMessage);
  let store: RunStore | undefined;
  try {
    store = RunStore.open(data.storeDir);
    await runDiscovery(data, store, {
      signal: controller.signal,
      onEvent: (event) => {
        post({ type: "event", event });
        checkStop();
      },
      progress: (line) => {
        post({ type: "progress", line });
        checkStop();
      },
    });
    post({ type: "done" });
  } catch (err) {
    post({ type: "error", message: err instanceof Error ? err.message : String(err), user: err instanceof WorldbreakerError });
  } finally {
    store?.close();
    // Let the thread end on its own once its last messages are out.
    port.off("message", onMessage);
    port.unref();
  }
}

if (workerData) {
  void main(workerData as RunWorkerData);
} else {
  parentPort?.once("message", (m: RunWorkerCommand) => {
    if (m.type === "job") void main(m.data);
  });
}
