import type { Evidence } from "../core/evidence.js";
import type { WarmStart } from "../explain/types.js";
import { deriveSeed } from "../random/index.js";
import { agentCandidates } from "./agent-candidates.js";
import { explainerCandidates, frontOf, historyCandidates, variantCandidates, vocabularyVariants } from "./candidates.js";
import { DiscoverError } from "./errors.js";
import { gate } from "./gate.js";
import { assessLaw, lawFits } from "./laws.js";
import { initialRecord, nextState, revisedRecord, type RoundOutcome } from "./next-state.js";
import { falsifyReceived, fitReceived, refitReceived } from "./received-theory.js";
import { applyVerdict } from "./revision.js";
import type { RoundEnv } from "./round-env.js";
import { searchLaws } from "./search.js";
import type { LawState } from "../core/law.js";
import type { LawSource, LoopState } from "./types.js";

export type { RoundEnv } from "./round-env.js";

/** Round 0: the received theory fitted to the initial evidence (or, without one, the law explained from it). */
export async function initialRound(env: RoundEnv, evidence: Evidence): Promise<RoundOutcome> {
  const { log, info } = env;
  const defs = env.vocabulary.defs;
  const received = fitReceived(info, evidence, defs, env.seed, log);
  const warm: WarmStart[] = received.expr ? [received.fit ? { expr: received.expr, params: received.fit.params } : received.expr] : [];
  const res = await searchLaws(env.search, log, evidence, warm);
  const cands = explainerCandidates(res, evidence, defs);
  const rec = received.fit;
  const current = rec ?? cands.sort((a, b) => a.state.bits.total - b.state.bits.total)[0]?.state;
  if (!current) throw new DiscoverError(`world '${info.name}': no law could be fitted to the initial evidence (${evidence.target.length} observations)`);
  const source: LawSource = rec ? "received" : "explainer";
  log.emit({ type: "law_accepted", runId: log.runId, round: 0, law: current.law, bits: current.bits.total, previousBits: current.bits.total, gainBits: 0, revision: "parameter_update" });
  return {
    state: {
      current,
      currentSource: source,
      received: rec && received.expr ? { expr: received.expr, params: rec.params, law: rec.law } : null,
      falsification: null,
      pareto: frontOf(cands),
      survived: 0,
      breaks: 0,
      history: [{ expr: current.expr, params: current.params, law: current.law }],
      initialLaw: current.law,
      seconds: 0,
    },
    record: initialRecord(current, { experiments: env.newRows.length, queries: env.queries, ...(rec ? { received: rec } : {}) }),
  };
}

/** Rounds 1…: refit, re-search warm-started, gate, classify, and track the received theory's fate. */
export async function reviseRound(env: RoundEnv, prev: LoopState, baseEvidence: Evidence): Promise<RoundOutcome> {
  const { log, info } = env;
  const refitSeed = deriveSeed(env.seed, "refit", log.round);
  const refitCurrent = (ev: Evidence, defs: Record<string, string>): LawState =>
    assessLaw(prev.current.expr, prev.current.params, ev, defs, { refit: true, seed: refitSeed }) ?? { ...prev.current, bits: { model: Infinity, data: Infinity, total: Infinity } };
  let cur = refitCurrent(baseEvidence, env.vocabulary.defs);
  // Agents are asked first: the derived columns their laws need widen this round's evidence.
  const agents = await agentCandidates(env, cur, baseEvidence);
  const { evidence, derivedDefs: defs } = agents;
  if (agents.extended) cur = refitCurrent(evidence, defs);
  const rec = refitReceived(prev, evidence, defs, { seed: env.seed, round: log.round });
  const variants = vocabularyVariants(cur.expr, defs, evidence);
  const variantCands = variantCandidates(variants, cur.params, evidence, defs, refitSeed);
  // Laws over derived columns this round's evidence lacks (an agent's, not adopted) cannot seed the search.
  // Warm starts carry their fitted constants, so the search and the final refit start from them.
  const warm: WarmStart[] = [
    { expr: cur.expr, params: cur.params },
    ...prev.pareto.map((p) => ({ expr: p.expr, params: p.params })),
    ...agents.cands.map((c) => ({ expr: c.state.expr, params: c.state.params })),
    ...variants.map((expr) => ({ expr, params: cur.params })),
  ].filter((w) => lawFits(w.expr, evidence));
  const res = await searchLaws(env.search, log, evidence, warm);
  const cands = [
    ...explainerCandidates(res, evidence, defs),
    ...agents.cands,
    ...variantCands,
    ...historyCandidates(prev.history, cur, evidence, { derivedDefs: defs, seed: env.seed, round: log.round }),
  ];
  cands.sort((a, b) => a.state.bits.total - b.state.bits.total);
  const best = cands[0];
  if (best) log.emit({ type: "law_proposed", runId: log.runId, round: log.round, law: best.state.law, bits: best.state.bits.total, source: best.source });

  const verdict = gate(cur, best?.state, env.thresholdBits, info.inputs.map((s) => s.name));
  const rev = applyVerdict(verdict, cur, best, prev, { log, info, evidence, newRows: env.newRows });

  let falsification = prev.falsification;
  let falsifiedNow = false;
  if (rec && !falsification) {
    const winner = best && best.state.bits.total < rev.current.bits.total ? best.state : rev.current;
    falsification = falsifyReceived(rec, winner, { evidence, initialRows: env.initialRows, derivedDefs: defs, thresholdBits: env.thresholdBits, seed: env.seed, round: log.round, queries: env.queries });
    if (falsification) {
      falsifiedNow = true;
      log.emit({ type: "received_falsified", runId: log.runId, round: log.round, queries: env.queries, gainBits: falsification.gainBits, law: falsification.law });
    }
  }
  const facts = {
    round: log.round,
    experiments: env.newRows.length,
    queries: env.queries,
    ...(rec ? { received: rec } : {}),
    falsification,
    falsifiedNow,
    ...(cands.length > 0 ? { front: frontOf(cands) } : {}),
    baseDefs: env.vocabulary.defs,
  };
  return { state: nextState(prev, rev, facts), record: revisedRecord(cur, rev, facts) };
}
