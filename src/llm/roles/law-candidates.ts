/**
 * Turns a model's candidate laws into proposals the loop can use, or explains why not. Laws go through
 * our own parser and derived definitions through the history-variable parser; nothing is evaluated.
 */
import type { LawProposal } from "../../discover/agents.js";
import { parseDerived, formatDerived } from "../../discover/derived.js";
import { isPlainIdentifier, paramCount, parse, variablesOf } from "../../expr/index.js";

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

/** Checks one candidate against the world's inputs. */
export function checkCandidate(raw: RawCandidate, inputs: readonly string[], outputName: string): CheckedCandidate {
  const law = cleanLaw(raw.law, outputName);
  const reject = (reason: string): CheckedCandidate => ({ ok: false, law: raw.law, reason });
  if (law.length === 0) return reject("empty law");
  if (law.length > CANDIDATE_LIMITS.maxLawLength) return reject(`law longer than ${CANDIDATE_LIMITS.maxLawLength} characters`);
  if (raw.derived.length > CANDIDATE_LIMITS.maxDerived) return reject(`more than ${CANDIDATE_LIMITS.maxDerived} derived variables`);

  const derived: Record<string, string> = {};
  for (const d of raw.derived) {
    const name = d.name.trim();
    if (!isPlainIdentifier(name)) return reject(`derived variable name '${name}' is not a plain identifier`);
    if (inputs.includes(name) || name === outputName) return reject(`derived variable name '${name}' clashes with an input or the observable`);
    try {
      derived[name] = formatDerived(parseDerived(d.definition, inputs));
    } catch (err) {
      return reject(err instanceof Error ? err.message : String(err));
    }
  }

  let expr;
  try {
    expr = parse(law, { variables: [...inputs, ...Object.keys(derived)] });
  } catch (err) {
    return reject(`does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const used = variablesOf(expr);
  if (used.length === 0) return reject("uses no input or derived variable");
  if (paramCount(expr) > CANDIDATE_LIMITS.maxConstants) return reject(`more than ${CANDIDATE_LIMITS.maxConstants} fitted constants`);

  // Only the derived variables the law actually uses travel with it.
  const usedDerived = Object.fromEntries(Object.entries(derived).filter(([n]) => used.includes(n)));
  const proposal: LawProposal = { law, rationale: raw.rationale.trim() };
  if (Object.keys(usedDerived).length > 0) proposal.derived = usedDerived;
  return { ok: true, proposal };
}

/** Checks every candidate, dropping duplicates; returns the proposals and the rejections with reasons. */
export function checkCandidates(raws: readonly RawCandidate[], inputs: readonly string[], outputName: string): { proposals: LawProposal[]; rejected: { law: string; reason: string }[] } {
  const proposals: LawProposal[] = [];
  const rejected: { law: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const c = checkCandidate(raw, inputs, outputName);
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
