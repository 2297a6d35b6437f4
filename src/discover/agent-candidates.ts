import type { Evidence } from "../core/evidence.js";
import type { WorldInfo } from "../worlds/world.js";
import { deriveSeed } from "../random/index.js";
import { agentContext } from "./agent-context.js";
import { collectProposals } from "./agent-laws.js";
import type { Agents } from "./agents.js";
import { assessLaw } from "./laws.js";
import type { Challenger, RoundLog, Vocabulary } from "./round-env.js";
import type { LawState } from "../core/law.js";

/** The agents' laws of a round, and the evidence and vocabulary the whole round is then scored on. */
export interface AgentRound {
  cands: Challenger[];
  evidence: Evidence;
  derivedDefs: Record<string, string>;
  /** Whether the evidence was widened with derived columns the proposals need. */
  extended: boolean;
}

/**
 * Language-model (or other) law proposals, fitted and scored here. Derived variables a proposal needs
 * that the run does not compute yet are added to the evidence first; the whole round is then scored on
 * that wider evidence, so every law the gate compares is charged by the same code book.
 */
export async function agentCandidates(
  who: { agents?: Agents; info: WorldInfo; seed: number; log: RoundLog; vocabulary: Vocabulary },
  cur: LawState,
  evidence: Evidence,
): Promise<AgentRound> {
  const { log, vocabulary } = who;
  if (!who.agents?.explainer) return { cands: [], evidence, derivedDefs: vocabulary.defs, extended: false };
  const ctx = agentContext(who.info, log.round, cur, evidence);
  const { usable, extra } = await collectProposals(
    { runId: log.runId, round: log.round, info: who.info, agents: who.agents, emit: log.emit, derivedDefs: vocabulary.defs, derivedAllowed: vocabulary.allowed },
    ctx,
    cur.bits.total,
    evidence,
  );
  let ev = evidence;
  let defs = vocabulary.defs;
  let extended = false;
  if (Object.keys(extra).length > 0 && vocabulary.extend) {
    const wider = vocabulary.extend(extra);
    ev = wider.evidence;
    defs = { ...vocabulary.defs, ...wider.offered };
    extended = true;
  }
  const reject = (law: string, reason: string) =>
    log.emit({ type: "law_rejected", runId: log.runId, round: log.round, law, bits: NaN, currentBits: cur.bits.total, reason });
  const out: Challenger[] = [];
  for (const p of usable) {
    const missing = Object.keys(p.derived).filter((name) => !ev.variables.includes(name));
    if (missing.length > 0) {
      const list = missing.map((m) => `${m} = ${p.derived[m]}`).join(", ");
      const why = vocabulary.extend ? `derived variable ${list} equals an input on the evidence so far, so it adds nothing` : `derived variable ${list} is not computed in this run`;
      reject(p.text, `unusable proposal: ${why}`);
      continue;
    }
    const s = assessLaw(p.expr, [], ev, defs, { refit: true, restarts: 6, seed: deriveSeed(who.seed, "agent", log.round) });
    if (!s) {
      reject(p.text, "unusable proposal: no finite fit");
      continue;
    }
    log.emit({ type: "law_proposed", runId: log.runId, round: log.round, law: s.law, bits: s.bits.total, source: "agent" });
    out.push({ state: s, source: "agent" });
  }
  return { cands: out, evidence: ev, derivedDefs: defs, extended };
}
