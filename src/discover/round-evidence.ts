import type { Evidence } from "../core/evidence.js";
import type { WorldInfo } from "../worlds/world.js";
import { buildEvidence, type RunObservation } from "./evidence.js";
import type { RunJournal } from "./run-journal.js";
import type { Vocabulary } from "./round-env.js";

/** The run's journaled observations in order, each with the round its experiment was asked in. */
export function journaledObservations(journal: Pick<RunJournal, "experiments" | "observations">, runId: string): RunObservation[] {
  const exps = new Map(journal.experiments(runId).map((e) => [e.seq, e]));
  return journal.observations(runId).map((o) => ({ inputs: o.inputs, output: o.output, stage: o.stage, round: exps.get(o.experimentSeq)?.round ?? 0 }));
}

/** A round's evidence, which of its rows are new this round and which are round 0's, and how to widen it. */
export interface RoundEvidence {
  evidence: Evidence;
  newRows: number[];
  initialRows: number[];
  extend: NonNullable<Vocabulary["extend"]>;
}

/** Builds round `round`'s evidence from all observations so far over the derived vocabulary `defs`. */
export function roundEvidence(info: WorldInfo, obs: readonly RunObservation[], defs: Record<string, string>, round: number): RoundEvidence {
  const { evidence } = buildEvidence(info, obs, defs);
  const newRows: number[] = [];
  const initialRows: number[] = [];
  let k = 0;
  for (const o of obs) {
    if (o.output === null || !Number.isFinite(o.output)) continue;
    if (o.round === round) newRows.push(k);
    if (o.round === 0) initialRows.push(k);
    k++;
  }
  return { evidence, newRows, initialRows, extend: (extra) => buildEvidence(info, obs, { ...defs, ...extra }) };
}
