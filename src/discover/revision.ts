import type { Evidence } from "../core/evidence.js";
import type { WorldInfo } from "../worlds/world.js";
import type { GateVerdict } from "./gate.js";
import { structureKey } from "../core/law.js";
import type { Challenger, RoundLog } from "./round-env.js";
import { breakSentence } from "./sentence.js";
import type { LawState } from "../core/law.js";
import type { LawSource, LoopState, RoundRecord } from "./types.js";
import { breakWitness } from "./witness.js";

/** Laws the run remembers and re-offers to the gate every round. */
const HISTORY = 8;

/** The round's law after the gate, and what the gate's verdict changed in the run's counters and history. */
export interface Revision {
  current: LawState;
  source: LawSource;
  /** The accepted revision (a break or a parameter update), with its gain and witness. */
  revision?: RoundRecord["revision"];
  brk: RoundRecord["break"];
  sentence?: string;
  challenger?: RoundRecord["challenger"];
  survived: number;
  breaks: number;
  history: NonNullable<LoopState["history"]>;
}

/**
 * Carries out the gate's verdict: an accepted law becomes current (a break resets survival, counts, and is
 * told in one sentence with its witness among this round's rows); a rejected challenger is recorded; the
 * events say which.
 */
export function applyVerdict(
  verdict: GateVerdict,
  cur: LawState,
  best: Challenger | undefined,
  prev: Pick<LoopState, "currentSource" | "survived" | "breaks" | "history">,
  at: { log: RoundLog; info: Pick<WorldInfo, "inputs" | "output">; evidence: Evidence; newRows: readonly number[] },
): Revision {
  const { log } = at;
  const kept: Revision = { current: cur, source: prev.currentSource, brk: null, survived: prev.survived + 1, breaks: prev.breaks, history: prev.history ?? [] };
  if (!best || verdict.kind === "keep") return kept;
  if (verdict.kind === "reject") {
    log.emit({ type: "law_rejected", runId: log.runId, round: log.round, law: best.state.law, bits: best.state.bits.total, currentBits: cur.bits.total, reason: verdict.reason });
    return { ...kept, challenger: { law: best.state.law, bits: best.state.bits.total } };
  }
  const { revision: type, gainBits: gain } = verdict;
  const next = best.state;
  const inputs = at.info.inputs.map((s) => s.name);
  const witness = type === "parameter_update" ? undefined : breakWitness(cur, next, at.evidence, at.newRows, inputs);
  log.emit({ type: "law_accepted", runId: log.runId, round: log.round, law: next.law, bits: next.bits.total, previousBits: cur.bits.total, gainBits: gain, revision: type });
  const out: Revision = {
    ...kept,
    current: next,
    source: best.source,
    revision: { type, gainBits: gain, ...(witness ? { witness } : {}) },
    history: [...kept.history.filter((h) => structureKey(h.expr) !== structureKey(next.expr)), { expr: next.expr, params: next.params, law: next.law }].slice(-HISTORY),
  };
  if (type === "parameter_update") return out;
  const oldName = prev.currentSource === "received" ? "the received theory" : "the previous law";
  const sentence = breakSentence({ oldName, outputName: at.info.output.name, witness, type, gainBits: gain, newLaw: next.law, measurements: at.evidence.target.length });
  log.emit({ type: "break", runId: log.runId, round: log.round, breakType: type, gainBits: gain, from: cur.law, to: next.law, sentence });
  return { ...out, brk: { type, gainBits: gain }, breaks: prev.breaks + 1, survived: 0, sentence };
}
