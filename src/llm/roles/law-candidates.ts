/**
 * Turns a model's candidate laws into proposals the loop can use, or explains why not. Laws go through
 * our own parser and derived definitions through the history-variable parser; nothing is evaluated.
 */
import type { AgentContext, LawProposal } from "../../discover/agents.js";
import { derivedName, formatDerived, parseDerived } from "../../core/derived.js";
import { isPlainIdentifier, mapExpr, paramCount, parse, toInfix, v, variablesOf } from "../../expr/index.js";

/** A candidate as the model writes it. */
export interface RawCandidate {
  law: string;
  derived: { name: string; definition: string }[];
  rationale: string;
}

/** Limits that keep garbage out of the search. */
export const CANDIDATE_LIMITS = { maxLawLength: 400, maxConstants: 10, maxDerived: 4 } as const;

/** A checked candidate, or the reason it was rejected. */
export type CheckedCandidate = { ok: true; proposal: LawProposal } | { ok: false; law: string; reason: string };

/**
 * Removes what models add around a law: a leading `output =`, `y(x) =`, trailing periods, backticks or
 * LaTeX-ish `\cdot`. Anything else stays and must parse.
 */
export function cleanLaw(text: string, outputName: string): string {
  let s = text.trim().replace(/^`+|`+$/g, "").replace(/\\cdot/g, "*").trim();
  const eq = s.indexOf("=");
  if (eq >= 0 && s.indexOf("=", eq + 1) < 0) {
    const lhs = s.slice(0, eq).trim();
    if (lhs === outputName || /^[A-Za-z_][A-Za-z0-9_]*(\s*\([^)]*\))?$/.test(lhs)) s = s.slice(eq + 1).trim();
  }
  return s.replace(/[.;]+$/, "").trim();
}

/** The variables a law may use: the world's inputs, plus derived columns the run already computes. */
export interface LawVocabulary {
  inputs: readonly string[];
  /** Derived variables already in the evidence (name → definition when known, else ""). */
  available?: Readonly<Record<string, string>>;
  output: string;
}

/**
 * Checks one candidate. Derived variables are renamed to their canonical names (`cummax(strain)` is
 * always `cummax_strain`), so the same history variable proposed twice, or already computed by the run,
 * is one column, and the law is rewritten to match.
 */
export function checkCandidate(raw: RawCandidate, vocab: LawVocabulary): CheckedCandidate {
  const { inputs, output } = vocab;
  const available = vocab.available ?? {};
  const law = cleanLaw(raw.law, output);
  const reject = (reason: string): CheckedCandidate => ({ ok: false, law: raw.law, reason });
  if (law.length === 0) return reject("empty law");
  if (law.length > CANDIDATE_LIMITS.maxLawLength) return reject(`law longer than ${CANDIDATE_LIMITS.maxLawLength} characters`);
  if (raw.derived.length > CANDIDATE_LIMITS.maxDerived) return reject(`more than ${CANDIDATE_LIMITS.maxDerived} derived variables`);

  const rename = new Map<string, string>();
  const derived: Record<string, string> = {};
  for (const d of raw.derived) {
    const name = d.name.trim();
    if (!isPlainIdentifier(name)) return reject(`derived variable name '${name}' is not a plain identifier`);
    if (inputs.includes(name) || name === output) return reject(`derived variable name '${name}' clashes with an input or the observable`);
    try {
      const def = parseDerived(d.definition, inputs);
      const canonical = derivedName(def);
      derived[canonical] = formatDerived(def);
      rename.set(name, canonical);
    } catch (err) {
      return reject(err instanceof Error ? err.message : String(err));
    }
  }

  let expr;
  try {
    expr = parse(law, { variables: [...inputs, ...Object.keys(available), ...rename.keys(), ...Object.keys(derived)] });
  } catch (err) {
    return reject(`does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const renamed = [...rename].some(([a, b]) => a !== b);
  if (renamed) expr = mapExpr(expr, (n) => (n.kind === "var" && rename.has(n.name) ? v(rename.get(n.name)!) : n));
  const used = variablesOf(expr);
  if (used.length === 0) return reject("uses no input or derived variable");
  if (paramCount(expr) > CANDIDATE_LIMITS.maxConstants) return reject(`more than ${CANDIDATE_LIMITS.maxConstants} fitted constants`);

  // Only the derived variables the law actually uses travel with it (known ones with their definitions).
  const usedDerived: Record<string, string> = {};
  for (const name of used) {
    if (Object.hasOwn(derived, name)) usedDerived[name] = derived[name];
    else if (Object.hasOwn(available, name) && available[name] !== "") usedDerived[name] = available[name];
  }
  const proposal: LawProposal = { law: renamed ? toInfix(expr) : law, rationale: raw.rationale.trim() };
  if (Object.keys(usedDerived).length > 0) proposal.derived = usedDerived;
  return { ok: true, proposal };
}

/** Checks every candidate, dropping duplicates; returns the proposals and the rejections with reasons. */
export function checkCandidates(raws: readonly RawCandidate[], vocab: LawVocabulary): { proposals: LawProposal[]; rejected: { law: string; reason: string }[] } {
  const proposals: LawProposal[] = [];
  const rejected: { law: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const c = checkCandidate(raw, vocab);
    if (!c.ok) {
      rejected.push({ law: c.law, reason: c.reason });
      continue;
    }
    const key = c.proposal.law.replace(/\s+/g, "") + "|" + JSON.stringify(c.proposal.derived ?? {});
    if (seen.has(key)) continue;
    seen.add(key);
    proposals.push(c.proposal);
  }
  return { proposals, rejected };
}

/**
 * The derived variables an agent context already offers: columns of the sample that are neither inputs
 * nor the observable, with definitions from the current law or read off canonical names (cummax_strain).
 */
export function vocabularyOf(ctx: AgentContext): LawVocabulary {
  const inputs = ctx.world.inputs.map((i) => i.name);
  const output = ctx.world.output.name;
  const available: Record<string, string> = {};
  const columns = ctx.sample.length > 0 ? Object.keys(ctx.sample[0]) : [];
  for (const c of [...columns, ...Object.keys(ctx.derived ?? {})]) {
    if (inputs.includes(c) || c === output || Object.hasOwn(available, c)) continue;
    available[c] = ctx.derived?.[c] ?? definitionFromName(c, inputs);
  }
  return { inputs, output, available };
}

/** `cummax_strain` → `cummax(strain)` when the name has the canonical shape; "" otherwise. */
function definitionFromName(name: string, inputs: readonly string[]): string {
  const m = /^(cummax|cummin|cumsum|delta|lag)(\d*)_(.+)$/.exec(name);
  if (!m || !inputs.includes(m[3])) return "";
  if (m[1] === "lag") return m[2] && m[2] !== "1" ? `lag(${m[3]}, ${m[2]})` : `lag(${m[3]})`;
  return m[2] ? "" : `${m[1]}(${m[3]})`;
}
