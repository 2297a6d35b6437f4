import type { Revision } from "./revision.js";
import type { LawState } from "../core/law.js";
import type { LoopState, RoundRecord } from "./types.js";

/** A round's outcome: the state the loop continues from, and the record it reports (timing and strategies are the loop's). */
export interface RoundOutcome {
  state: LoopState;
  record: Omit<RoundRecord, "seconds" | "strategies">;
}

/** What a revised round leaves behind besides the gate's revision. */
export interface RoundFacts {
  round: number;
  /** Rows answered this round and observations so far in the run. */
  experiments: number;
  queries: number;
  /** The received theory refitted this round (while tracked) and the falsification, if any, so far. */
  received?: LawState;
  falsification: LoopState["falsification"];
  falsifiedNow: boolean;
  /** The competing laws found this round (undefined when the round had no candidate at all: keep the last front). */
  front?: LoopState["pareto"];
  /** The vocabulary the round started from (agent columns beyond it are adopted with the law that uses them). */
  baseDefs: Record<string, string>;
}

/** The loop state after a revised round. */
export function nextState(prev: LoopState, rev: Revision, facts: RoundFacts): LoopState {
  return {
    current: rev.current,
    currentSource: rev.source,
    received: facts.falsification ? null : prev.received && facts.received ? { expr: prev.received.expr, params: facts.received.params, law: facts.received.law } : prev.received,
    falsification: facts.falsification,
    pareto: facts.front ?? prev.pareto,
    survived: rev.survived,
    breaks: rev.breaks,
    history: rev.history,
    ...adoptedDerived(facts.baseDefs, prev.adoptedDerived, rev.current),
    initialLaw: prev.initialLaw,
    seconds: prev.seconds,
  };
}

/** The record of a revised round. */
export function revisedRecord(prevLaw: LawState, rev: Revision, facts: RoundFacts): RoundOutcome["record"] {
  const current = rev.current;
  return {
    ...lawRecord(facts, current),
    break: rev.brk,
    ...derivedOf(current),
    bitsDetail: current.bits,
    ...(rev.revision ? { previousLaw: prevLaw.law, revision: rev.revision } : {}),
    ...(rev.sentence ? { sentence: rev.sentence } : {}),
    ...(facts.received ? { receivedBits: facts.received.bits.total } : {}),
    ...(facts.falsifiedNow ? { falsifiedReceived: true } : {}),
    ...(rev.challenger ? { challenger: rev.challenger } : {}),
  };
}

/** The record of round 0. */
export function initialRecord(current: LawState, facts: { experiments: number; queries: number; received?: LawState }): RoundOutcome["record"] {
  return {
    ...lawRecord({ round: 0, ...facts }, current),
    break: null,
    ...derivedOf(current),
    bitsDetail: current.bits,
    ...(facts.received ? { receivedBits: facts.received.bits.total } : {}),
  };
}

function lawRecord(facts: { round: number; experiments: number; queries: number }, current: LawState) {
  return { round: facts.round, experiments: facts.experiments, queries: facts.queries, law: current.law, bits: current.bits.total, r2: current.r2 };
}

function derivedOf(law: LawState): Pick<RoundRecord, "derived"> {
  return Object.keys(law.derived).length > 0 ? { derived: law.derived } : {};
}

/**
 * Derived variables the run computes from now on because an adopted law brought them (an agent's proposal,
 * or a law the search found over an agent's column): the run's vocabulary plus these, journaled with the
 * state so that a resumed run rebuilds the same columns.
 */
function adoptedDerived(baseDefs: Record<string, string>, before: LoopState["adoptedDerived"], current: LawState): Pick<LoopState, "adoptedDerived"> {
  const out: Record<string, string> = { ...before };
  for (const [name, def] of Object.entries(current.derived)) if (baseDefs[name] === undefined) out[name] = def;
  return Object.keys(out).length > 0 ? { adoptedDerived: out } : {};
}
