/**
 * Worker-thread entry: one island host (a scorer and its fit cache) that answers the island tasks it is
 * sent. It imports the host alone, not the Explainer's index, so a worker loads only what islands need.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { IslandJob } from "../explain/island-executor.js";
import { IslandHost, type IslandTask } from "../explain/island-host.js";

const { job, stopFlag } = workerData as { job: IslandJob; stopFlag: Int32Array };
const host = new IslandHost(job, () => Atomics.load(stopFlag, 0) === 1 || Date.now() >= job.cfg.deadline);

parentPort?.on("message", (task: IslandTask) => {
  parentPort?.postMessage(host.run(task));
});
