/** Where the Explainer's islands run, chosen by the edges (CLI, server, discovery loop). Import from here. */
import { inProcessExecutor, type IslandExecutorFactory } from "../explain/index.js";
import { workerThreadExecutor } from "./worker-thread-executor.js";

export { islandWorkerPath, workerThreadExecutor } from "./worker-thread-executor.js";

/** The executor for `threads` threads: in-process for one, worker threads for more. */
export function islandExecutor(threads: number): IslandExecutorFactory {
  const t = Math.floor(threads);
  return t > 1 ? workerThreadExecutor(t) : inProcessExecutor;
}
