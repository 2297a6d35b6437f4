/** Worker-thread entry: keeps a scorer (and its fit cache) and evolves the islands it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { HallOfFame } from "./hall-of-fame.js";
import { evolveIsland, initIsland } from "./island.js";
import { Rng } from "./rng.js";
import { Scorer, type SearchData } from "./scoring.js";
import { epochSeed, type SearchConfig } from "./search-loop.js";
import type { WorkerReply, WorkerRequest } from "./worker-pool.js";

const { data, cfg, stopFlag } = workerData as { data: SearchData; cfg: SearchConfig; stopFlag: Int32Array };
const scorer = new Scorer(data);
const shouldStop = () => Atomics.load(stopFlag, 0) === 1 || Date.now() >= cfg.deadline;

parentPort?.on("message", (req: WorkerRequest) => {
  const hof = new HallOfFame();
  let reply: WorkerReply;
  if (req.type === "init") {
    const seeds = req.seeds.map((e) => scorer.score(e, 0, cfg.seed)).filter((m) => m !== null);
    const state = initIsland(scorer, data.variables, cfg, new Rng(epochSeed(cfg.seed, req.island, 0)), seeds);
    for (const m of state.members) hof.offer(m);
    reply = { state, front: hof.paretoFront(), evaluations: scorer.evaluations };
  } else {
    const rng = new Rng(epochSeed(cfg.seed, req.island, req.epoch));
    const state = evolveIsland(req.state, scorer, hof, data.variables, cfg, rng, cfg.epochSteps, req.quota, shouldStop);
    reply = { state, front: hof.paretoFront(), evaluations: scorer.evaluations };
  }
  parentPort?.postMessage(reply);
});
