import type { Evidence } from "../core/evidence.js";
import type { LawState } from "../core/law.js";
import { parse, toInfix, variablesOf, paramCount, type Expr } from "../expr/index.js";
import { fitLaw, scoreLaw } from "../mdl/fit-and-score.js";

/**
 * Laws as the discovery loop handles them: parsed over the evidence's variables, compared by form, and
 * scored for the gate through the one fit-and-score rule, so every law compared in a round is scored by the
 * same rule on the same rows.
 */

/** Parses a law's text over the evidence's variables; other identifiers become fitted constants. */
export function parseLaw(text: string, variables: readonly string[]): Expr {
  return parse(text, { variables });
}

/** Whether every variable the law uses is a column of the evidence. */
export function lawFits(expr: Expr, evidence: Evidence): boolean {
  return variablesOf(expr).every((v) => evidence.variables.includes(v));
}

/**
 * A law as the loop keeps it, scored on evidence by the one fit-and-score rule (`mdl/fit-and-score.ts`); with
 * `refit`, its constants are first refitted from the given ones (missing ones start at 1; never worse than
 * the start). Records the definitions of the derived variables it uses. Undefined when the law cannot be
 * scored there (a variable the evidence lacks, no rows, a prediction that is not finite).
 */
export function assessLaw(
  expr: Expr,
  params: readonly number[],
  evidence: Evidence,
  derivedDefs: Record<string, string>,
  opts: { refit?: boolean; seed?: number; restarts?: number; signal?: AbortSignal } = {},
): LawState | undefined {
  if (!lawFits(expr, evidence) || evidence.target.length === 0) return undefined;
  const fitted = opts.refit
    ? fitLaw(expr, evidence, { init: params, restarts: opts.restarts ?? 4, seed: opts.seed ?? 0, signal: opts.signal })
    : { params: Array.from({ length: paramCount(expr) }, (_, j) => params[j] ?? 1) };
  const p = fitted.params;
  const score = scoreLaw(expr, p, evidence);
  if (!score) return undefined;
  const derived: Record<string, string> = {};
  for (const v of variablesOf(expr)) if (derivedDefs[v] !== undefined) derived[v] = derivedDefs[v];
  return { expr, params: p, law: toInfix(expr, p), derived, bits: score.bits, r2: score.r2, rmse: score.rmse };
}
