/** Worker-thread entry of the Feynman benchmark: runs the tasks it is sent, one at a time. */
import { parentPort } from "node:worker_threads";
import { runFeynmanTask, type FeynmanTask } from "./feynman-task.js";

parentPort?.on("message", async (task: FeynmanTask) => {
  parentPort?.postMessage(await runFeynmanTask(task));
});
