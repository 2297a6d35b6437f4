import type { Evidence } from "../core/evidence.js";
import type { ExplainResult } from "../explain/types.js";
import { mapExpr, v, variablesOf, type Expr } from "../expr/index.js";
import { deriveSeed } from "../random/index.js";
import { structureKey } from "../core/law.js";
import { assessLaw } from "./laws.js";
import type { Challenger } from "./round-env.js";
import type { LawState } from "../core/law.js";
import type { LawSource, LoopState } from "./types.js";

/**
 * The laws a round compares besides the current one, each fitted and scored by the gate's own rule on
 * the round's evidence: the Explainer's best and its Pareto front, the current law over derived
 * variables, and the laws the run held before.
 */

/** The Explainer's best law and its Pareto front, scored on this evidence (duplicates dropped). */
export function explainerCandidates(res: ExplainResult | undefined, evidence: Evidence, derivedDefs: Record<string, string>): Challenger[] {
  if (!res) return [];
  const out: Challenger[] = [];
  const seen = new Set<string>();
  const add = (expr: Expr, params: readonly number[], source: LawSource) => {
    const key = structureKey(expr) + JSON.stringify(params);
    if (seen.has(key)) return;
    seen.add(key);
    const s = assessLaw(expr, params, evidence, derivedDefs);
    if (s) out.push({ state: s, source });
  };
  add(res.expr, res.params, "explainer");
  for (const p of res.pareto) add(p.expr, p.params, "pareto");
  return out;
}

/**
 * The current law re-expressed in the new vocabulary: each input replaced by a derived variable built
 * on it (strain → cummax_strain). An ontology break often keeps the old law's shape over a new
 * variable — the loading curve becomes the envelope over the largest strain reached — so these are
 * natural starting points for the search.
 */
export function vocabularyVariants(expr: Expr, derivedDefs: Record<string, string>, evidence: Evidence): Expr[] {
  const out: Expr[] = [];
  for (const [name, text] of Object.entries(derivedDefs)) {
    if (!evidence.variables.includes(name)) continue;
    const m = /^[a-z]+\(([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(text);
    if (!m) continue;
    const input = m[1];
    if (!variablesOf(expr).includes(input)) continue;
    out.push(mapExpr(expr, (n) => (n.kind === "var" && n.name === input ? v(name) : n)));
  }
  return out;
}

/** The vocabulary variants fitted from the current law's constants (the refit seed is the current law's). */
export function variantCandidates(variants: readonly Expr[], params: readonly number[], evidence: Evidence, derivedDefs: Record<string, string>, refitSeed: number): Challenger[] {
  const out: Challenger[] = [];
  for (const expr of variants) {
    const s = assessLaw(expr, params, evidence, derivedDefs, { refit: true, seed: refitSeed });
    if (s) out.push({ state: s, source: "vocabulary" });
  }
  return out;
}

/**
 * Laws the run held before (and the received theory), refitted on today's evidence: a law dropped in an
 * earlier round may again be the shortest once more data is in, and the gate must be able to see it.
 */
export function historyCandidates(
  history: LoopState["history"],
  cur: LawState,
  evidence: Evidence,
  scope: { derivedDefs: Record<string, string>; seed: number; round: number },
): Challenger[] {
  const out: Challenger[] = [];
  const seen = new Set([structureKey(cur.expr)]);
  for (const h of history ?? []) {
    const key = structureKey(h.expr);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = assessLaw(h.expr, h.params, evidence, scope.derivedDefs, { refit: true, seed: deriveSeed(scope.seed, "history", scope.round) });
    if (s) out.push({ state: s, source: "history" });
  }
  return out;
}

/** The competing laws kept for the Breaker: the searched and proposed ones, best first, at most 12. */
export function frontOf(cands: readonly Challenger[]): LoopState["pareto"] {
  return cands
    .filter((c) => c.source === "explainer" || c.source === "pareto" || c.source === "agent")
    .slice(0, 12)
    .map((c) => ({ expr: c.state.expr, params: c.state.params, law: c.state.law, bits: c.state.bits.total }));
}
