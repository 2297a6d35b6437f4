import type { Observation, World } from "../worlds/world.js";
import { WorldAnswerError } from "./errors.js";
import type { ExperimentRow } from "./run-journal.js";

/** A world's answers to some journaled experiments, ready to journal. */
export type Answers = { experimentSeq: number; observations: Observation[] }[];

/** Asks the world for journaled, unanswered experiments; returns the answers to journal (in order). */
export async function askWorld(world: World, pending: readonly ExperimentRow[]): Promise<Answers> {
  const out: Answers = [];
  const stageRows = pending.filter((p) => p.stage !== undefined);
  for (const p of stageRows) {
    if (!world.collect) throw new WorldAnswerError(`world '${world.info.name}' has stages but cannot collect them`);
    const obs = await world.collect(p.stage as string);
    out.push({ experimentSeq: p.seq, observations: obs.map((o) => ({ ...o, stage: o.stage ?? p.stage })) });
  }
  const runRows = pending.filter((p) => p.stage === undefined);
  if (runRows.length > 0) {
    const outputs = await world.run(runRows.map((p) => p.inputs));
    if (outputs.length !== runRows.length) throw new WorldAnswerError(`world '${world.info.name}' answered ${outputs.length} of ${runRows.length} experiments`);
    runRows.forEach((p, i) => {
      const y = outputs[i];
      out.push({ experimentSeq: p.seq, observations: [{ inputs: p.inputs, output: typeof y === "number" && Number.isFinite(y) ? y : null }] });
    });
  }
  return out.sort((a, b) => a.experimentSeq - b.experimentSeq);
}
