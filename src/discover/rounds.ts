import { seedFor } from "../breaker/rng.js";
import type { Evidence, ExplainResult, WarmStart } from "../explain/types.js";
import type { Expr } from "../expr/index.js";
import { UserError } from "../errors.js";
import type { WorldInfo } from "../worlds/world.js";
import type { Agents } from "./agents.js";
import { collectProposals } from "./agent-laws.js";
import { agentContext } from "./agent-context.js";
import { classifyRevision } from "./classify.js";
import type { ExplainFn } from "./explainer.js";
import { lawFits, parseLaw, scoreLaw, structureKey } from "./laws.js";
import { evidenceGain, predictiveFailureBits } from "./falsification.js";
import { breakSentence, findWitness } from "./sentence.js";
import type { BreakType, LawSource, LawState, LoopState, RoundRecord } from "./types.js";
import type { RunEvent } from "./events.js";
import { compile, mapExpr, v, variablesOf } from "../expr/index.js";

/** What a round needs besides the evidence. */
export interface RoundEnv {
  runId: string;
  info: WorldInfo;
  seed: number;
  round: number;
  queries: number;
  thresholdBits: number;
  explain: ExplainFn;
  explainOptions: { timeSeconds?: number; maxEvaluations?: number; threads?: number };
  agents?: Agents;
  signal?: AbortSignal;
  emit: (e: RunEvent) => void;
  progress: (line: string) => void;
  derivedDefs: Record<string, string>;
  /** False under `--derived off`: agents' laws needing history variables are refused (default true). */
  derivedAllowed?: boolean;
  /** This round's evidence with extra derived columns (those an agent proposes); `offered` omits twins of inputs. */
  extendEvidence?: (extra: Record<string, string>) => { evidence: Evidence; offered: Record<string, string> };
  /** Rows of the evidence answered this round (for the break's witness). */
  newRows: number[];
  /** Rows of the evidence from round 0 (the initial design): the received theory's home ground. */
  initialRows?: number[];
}

/** A scored candidate and where it came from. */
interface Candidate {
  state: LawState;
  source: LawSource;
}

async function runExplainer(env: RoundEnv, evidence: Evidence, warmStart: WarmStart[]): Promise<ExplainResult | undefined> {
  let lastShown = 0;
  try {
    return await env.explain(evidence, {
      seed: seedFor(env.seed, "explain", env.round),
      ...env.explainOptions,
      warmStart,
      signal: env.signal,
      onProgress: (p) => {
        if (p.seconds - lastShown >= 2) {
          lastShown = p.seconds;
          env.progress(`  round ${env.round}: searching… ${p.best} (${p.bits.toFixed(1)} bits, ${p.evaluations} evaluations)`);
        }
      },
    });
  } catch (err) {
    if (env.signal?.aborted) return undefined;
    env.emit({ type: "warning", runId: env.runId, round: env.round, message: `Explainer failed: ${(err as Error).message}` });
    env.progress(`  round ${env.round}: the Explainer failed (${(err as Error).message}); keeping the current law`);
    return undefined;
  }
}

/** The Explainer's best law and its Pareto front, scored by the gate's own rule on this evidence. */
function explainerCandidates(env: RoundEnv, res: ExplainResult | undefined, evidence: Evidence): Candidate[] {
  if (!res) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (expr: Expr, params: readonly number[], source: LawSource) => {
    const key = structureKey(expr) + JSON.stringify(params);
    if (seen.has(key)) return;
    seen.add(key);
    const s = scoreLaw(expr, params, evidence, env.derivedDefs);
    if (s) out.push({ state: s, source });
  };
  add(res.expr, res.params, "explainer");
  for (const p of res.pareto) add(p.expr, p.params, "pareto");
  return out;
}

/**
 * Language-model (or other) law proposals, fitted and scored here. Derived variables a proposal needs
 * that the run does not compute yet are added to the evidence first; the whole round is then scored on
 * that wider evidence, so every law the gate compares is charged by the same code book.
 */
async function agentCandidates(
  env: RoundEnv,
  cur: LawState,
  evidence: Evidence,
): Promise<{ cands: Candidate[]; env: RoundEnv; evidence: Evidence; extended: boolean }> {
  if (!env.agents?.explainer) return { cands: [], env, evidence, extended: false };
  const ctx = agentContext(env.info, env.round, cur, evidence);
  const { usable, extra } = await collectProposals({ ...env, derivedAllowed: env.derivedAllowed ?? true }, ctx, cur.bits.total, evidence);
  let ev = evidence;
  let roundEnv = env;
  let extended = false;
  if (Object.keys(extra).length > 0 && env.extendEvidence) {
    const wider = env.extendEvidence(extra);
    ev = wider.evidence;
    roundEnv = { ...env, derivedDefs: { ...env.derivedDefs, ...wider.offered } };
    extended = true;
  }
  const out: Candidate[] = [];
  for (const p of usable) {
    const missing = Object.keys(p.derived).filter((name) => !ev.variables.includes(name));
    if (missing.length > 0) {
      const list = missing.map((m) => `${m} = ${p.derived[m]}`).join(", ");
      const why = env.extendEvidence ? `derived variable ${list} equals an input on the evidence so far, so it adds nothing` : `derived variable ${list} is not computed in this run`;
      env.emit({ type: "law_rejected", runId: env.runId, round: env.round, law: p.text, bits: NaN, currentBits: cur.bits.total, reason: `unusable proposal: ${why}` });
      continue;
    }
    const s = scoreLaw(p.expr, [], ev, roundEnv.derivedDefs, { refit: true, restarts: 6, seed: seedFor(env.seed, "agent", env.round) });
    if (!s) {
      env.emit({ type: "law_rejected", runId: env.runId, round: env.round, law: p.text, bits: NaN, currentBits: cur.bits.total, reason: "unusable proposal: no finite fit" });
      continue;
    }
    env.emit({ type: "law_proposed", runId: env.runId, round: env.round, law: s.law, bits: s.bits.total, source: "agent" });
    out.push({ state: s, source: "agent" });
  }
  return { cands: out, env: roundEnv, evidence: ev, extended };
}

/**
 * The current law re-expressed in the new vocabulary: each input replaced by a derived variable built
 * on it (strain → cummax_strain). An ontology break often keeps the old law's shape over a new
 * variable — the loading curve becomes the envelope over the largest strain reached — so these are
 * natural starting points for the search.
 */
function vocabularyVariants(expr: Expr, env: RoundEnv, evidence: Evidence): Expr[] {
  const out: Expr[] = [];
  for (const [name, text] of Object.entries(env.derivedDefs)) {
    if (!evidence.variables.includes(name)) continue;
    const m = /^[a-z]+\(([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(text);
    if (!m) continue;
    const input = m[1];
    if (!variablesOf(expr).includes(input)) continue;
    out.push(mapExpr(expr, (n) => (n.kind === "var" && n.name === input ? v(name) : n)));
  }
  return out;
}

/**
 * Laws the run held before (and the received theory), refitted on today's evidence: a law dropped in an
 * earlier round may again be the shortest once more data is in, and the gate must be able to see it.
 */
function historyCandidates(env: RoundEnv, prev: LoopState, cur: LawState, evidence: Evidence): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set([structureKey(cur.expr)]);
  for (const h of prev.history ?? []) {
    const key = structureKey(h.expr);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = scoreLaw(h.expr, h.params, evidence, env.derivedDefs, { refit: true, seed: seedFor(env.seed, "history", env.round) });
    if (s) out.push({ state: s, source: "history" });
  }
  return out;
}

function frontOf(cands: Candidate[]): LoopState["pareto"] {
  return cands
    .filter((c) => c.source === "explainer" || c.source === "pareto" || c.source === "agent")
    .slice(0, 12)
    .map((c) => ({ expr: c.state.expr, params: c.state.params, law: c.state.law, bits: c.state.bits.total }));
}

/** Round 0: the received theory fitted to the initial evidence (or, without one, the law explained from it). */
export async function initialRound(env: RoundEnv, evidence: Evidence): Promise<{ state: LoopState; record: Omit<RoundRecord, "seconds" | "strategies"> }> {
  const received = env.info.receivedTheory;
  let rec: LawState | undefined;
  let recExpr: Expr | undefined;
  if (received) {
    try {
      recExpr = parseLaw(received, evidence.variables);
    } catch (err) {
      throw new UserError(`world '${env.info.name}': its received theory '${received}' does not parse: ${(err as Error).message}`);
    }
    rec = scoreLaw(recExpr, [], evidence, env.derivedDefs, { refit: true, restarts: 12, seed: seedFor(env.seed, "received") });
    if (!rec) env.emit({ type: "warning", runId: env.runId, round: 0, message: `the received theory '${received}' could not be fitted to the initial evidence` });
  }
  const res = await runExplainer(env, evidence, recExpr ? [rec ? { expr: recExpr, params: rec.params } : recExpr] : []);
  const cands = explainerCandidates(env, res, evidence);
  const current = rec ?? cands.sort((a, b) => a.state.bits.total - b.state.bits.total)[0]?.state;
  if (!current) throw new UserError(`world '${env.info.name}': no law could be fitted to the initial evidence (${evidence.target.length} observations)`);
  const source: LawSource = rec ? "received" : "explainer";
  env.emit({ type: "law_accepted", runId: env.runId, round: 0, law: current.law, bits: current.bits.total, previousBits: current.bits.total, gainBits: 0, revision: "parameter_update" });
  return {
    state: {
      current,
      currentSource: source,
      received: rec && recExpr ? { expr: recExpr, params: rec.params, law: rec.law } : null,
      falsification: null,
      pareto: frontOf(cands),
      survived: 0,
      breaks: 0,
      history: [{ expr: current.expr, params: current.params, law: current.law }],
      initialLaw: current.law,
      seconds: 0,
    },
    record: {
      round: 0,
      experiments: env.newRows.length,
      queries: env.queries,
      law: current.law,
      bits: current.bits.total,
      r2: current.r2,
      break: null,
      ...(Object.keys(current.derived).length > 0 ? { derived: current.derived } : {}),
      bitsDetail: current.bits,
      ...(rec ? { receivedBits: rec.bits.total } : {}),
    },
  };
}

/** Rounds 1…: refit, re-search warm-started, gate, classify, and track the received theory's fate. */
export async function reviseRound(baseEnv: RoundEnv, prev: LoopState, baseEvidence: Evidence): Promise<{ state: LoopState; record: Omit<RoundRecord, "seconds" | "strategies"> }> {
  const refitSeed = seedFor(baseEnv.seed, "refit", baseEnv.round);
  const refitCurrent = (env: RoundEnv, ev: Evidence) =>
    scoreLaw(prev.current.expr, prev.current.params, ev, env.derivedDefs, { refit: true, seed: refitSeed }) ?? {
      ...prev.current,
      bits: { model: Infinity, data: Infinity, total: Infinity },
    };
  let cur = refitCurrent(baseEnv, baseEvidence);
  // Agents are asked first: the derived columns their laws need widen this round's evidence.
  const agents = await agentCandidates(baseEnv, cur, baseEvidence);
  const { env, evidence } = agents;
  const agentCands = agents.cands;
  if (agents.extended) cur = refitCurrent(env, evidence);
  const rec = prev.received && !prev.falsification
    ? scoreLaw(prev.received.expr, prev.received.params, evidence, env.derivedDefs, { refit: true, restarts: 6, seed: seedFor(env.seed, "received", env.round) })
    : undefined;
  const variants = vocabularyVariants(cur.expr, env, evidence);
  const variantCands: Candidate[] = [];
  for (const expr of variants) {
    const s = scoreLaw(expr, cur.params, evidence, env.derivedDefs, { refit: true, seed: refitSeed });
    if (s) variantCands.push({ state: s, source: "vocabulary" });
  }
  // Laws over derived columns this round's evidence lacks (an agent's, not adopted) cannot seed the search.
  // Warm starts carry their fitted constants, so the search and the final refit start from them.
  const warm: WarmStart[] = [
    { expr: cur.expr, params: cur.params },
    ...prev.pareto.map((p) => ({ expr: p.expr, params: p.params })),
    ...agentCands.map((c) => ({ expr: c.state.expr, params: c.state.params })),
    ...variants.map((expr) => ({ expr, params: cur.params })),
  ].filter((w) => lawFits(w.expr, evidence));
  const res = await runExplainer(env, evidence, warm);
  const cands = [...explainerCandidates(env, res, evidence), ...agentCands, ...variantCands, ...historyCandidates(env, prev, cur, evidence)];
  cands.sort((a, b) => a.state.bits.total - b.state.bits.total);
  const best = cands[0];
  if (best) env.emit({ type: "law_proposed", runId: env.runId, round: env.round, law: best.state.law, bits: best.state.bits.total, source: best.source });

  let current = cur;
  let source = prev.currentSource;
  let revision: RoundRecord["revision"];
  let brk: RoundRecord["break"] = null;
  let survived = prev.survived + 1;
  let history = prev.history ?? [];
  let breaks = prev.breaks;
  let challenger: RoundRecord["challenger"];
  let sentence: string | undefined;
  const gain = best ? cur.bits.total - best.state.bits.total : -Infinity;
  if (best && gain > env.thresholdBits) {
    const type: BreakType = classifyRevision(cur.expr, best.state.expr, env.info.inputs.map((s) => s.name));
    const witness = type === "parameter_update" ? undefined : witnessFor(cur, best.state, evidence, env.newRows, env.info.inputs.map((s) => s.name));
    revision = { type, gainBits: gain, ...(witness ? { witness } : {}) };
    env.emit({ type: "law_accepted", runId: env.runId, round: env.round, law: best.state.law, bits: best.state.bits.total, previousBits: cur.bits.total, gainBits: gain, revision: type });
    if (type !== "parameter_update") {
      brk = { type, gainBits: gain };
      breaks++;
      survived = 0;
      const oldName = prev.currentSource === "received" ? "the received theory" : "the previous law";
      sentence = breakSentence({ oldName, outputName: env.info.output.name, witness, type, gainBits: gain, newLaw: best.state.law });
      env.emit({ type: "break", runId: env.runId, round: env.round, breakType: type, gainBits: gain, from: cur.law, to: best.state.law, sentence });
    }
    current = best.state;
    source = best.source;
    history = [...history.filter((h) => structureKey(h.expr) !== structureKey(best.state.expr)), { expr: best.state.expr, params: best.state.params, law: best.state.law }].slice(-8);
  } else if (best && structureKey(best.state.expr) !== structureKey(cur.expr)) {
    challenger = { law: best.state.law, bits: best.state.bits.total };
    env.emit({ type: "law_rejected", runId: env.runId, round: env.round, law: best.state.law, bits: best.state.bits.total, currentBits: cur.bits.total, reason: gain > 0 ? `saves only ${gain.toFixed(1)} bits (threshold ${env.thresholdBits})` : "does not shorten the description" });
  }

  let falsification = prev.falsification;
  let falsifiedReceived = false;
  if (rec && !falsification) {
    const byBest = best && best.state.bits.total < current.bits.total;
    const winner = byBest ? best.state : current;
    const gAll = rec.bits.total - winner.bits.total;
    const seed = seedFor(env.seed, "falsification", env.round);
    // Only evidence falsifies: Chow's predictive-failure test of the theory against its home ground, in bits;
    // where that test cannot be made, the best law's lead in bits less the lead it had on the initial rows.
    const g =
      predictiveFailureBits(rec, evidence, env.initialRows ?? [], env.derivedDefs, seed) ??
      (gAll > env.thresholdBits ? evidenceGain(gAll, rec, winner, evidence, env.initialRows ?? [], env.derivedDefs, seed) : gAll);
    if (g > env.thresholdBits) {
      const by = winner.law;
      falsification = { round: env.round, queries: env.queries, gainBits: g, law: by };
      falsifiedReceived = true;
      env.emit({ type: "received_falsified", runId: env.runId, round: env.round, queries: env.queries, gainBits: g, law: by });
    }
  }
  return {
    state: {
      current,
      currentSource: source,
      received: falsification ? null : prev.received && rec ? { expr: prev.received.expr, params: rec.params, law: rec.law } : prev.received,
      falsification,
      pareto: cands.length > 0 ? frontOf(cands) : prev.pareto,
      survived,
      breaks,
      history,
      ...adoptedDerived(baseEnv, prev, current),
      initialLaw: prev.initialLaw,
      seconds: prev.seconds,
    },
    record: {
      round: env.round,
      experiments: env.newRows.length,
      queries: env.queries,
      law: current.law,
      bits: current.bits.total,
      r2: current.r2,
      break: brk,
      ...(Object.keys(current.derived).length > 0 ? { derived: current.derived } : {}),
      bitsDetail: current.bits,
      ...(revision ? { previousLaw: cur.law, revision } : {}),
      ...(sentence ? { sentence } : {}),
      ...(rec ? { receivedBits: rec.bits.total } : {}),
      ...(falsifiedReceived ? { falsifiedReceived } : {}),
      ...(challenger ? { challenger } : {}),
    },
  };
}

/**
 * Derived variables the run computes from now on because an adopted law brought them (an agent's proposal,
 * or a law the search found over an agent's column): the run's vocabulary plus these, journaled with the
 * state so that a resumed run rebuilds the same columns.
 */
function adoptedDerived(baseEnv: RoundEnv, prev: LoopState, current: LawState): Pick<LoopState, "adoptedDerived"> {
  const out: Record<string, string> = { ...prev.adoptedDerived };
  for (const [name, def] of Object.entries(current.derived)) if (baseEnv.derivedDefs[name] === undefined) out[name] = def;
  return Object.keys(out).length > 0 ? { adoptedDerived: out } : {};
}

function witnessFor(old: LawState, next: LawState, evidence: Evidence, newRows: number[], inputs: string[]) {
  try {
    const pred = compile(next.expr, evidence.variables).evaluate(
      evidence.variables.map((v) => evidence.columns[v]),
      next.params,
    );
    const rows = newRows.length > 0 ? newRows : [...Array(evidence.target.length).keys()];
    const shown = [...inputs, ...Object.keys(old.derived), ...Object.keys(next.derived).filter((d) => !(d in old.derived))];
    return findWitness(old.expr, old.params, pred, evidence, rows, shown);
  } catch {
    return undefined;
  }
}
