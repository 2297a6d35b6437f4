import { compile, fitParams, mapExpr, param, parse, toInfix, variablesOf, paramCount, type Expr } from "../expr/index.js";
import { descriptionLength } from "../mdl/index.js";
import { scaledSquaredError } from "../mdl/noise-model.js";
import type { Evidence } from "../explain/types.js";
import type { LawState } from "./types.js";

/**
 * Fitting and scoring laws on evidence — the one place where a law's bits are computed for the gate,
 * so every law compared in a round is scored by the same rule on the same rows.
 */

/** The structure of a law with its constants' values and names ignored (equal keys: same form). */
export function structureKey(expr: Expr): string {
  return JSON.stringify(mapExpr(expr, (n) => (n.kind === "param" ? param(n.index, "c") : n)));
}

/** Parses a law's text over the evidence's variables; other identifiers become fitted constants. */
export function parseLaw(text: string, variables: readonly string[]): Expr {
  return parse(text, { variables });
}

/** Whether every variable the law uses is a column of the evidence. */
export function lawFits(expr: Expr, evidence: Evidence): boolean {
  return variablesOf(expr).every((v) => evidence.variables.includes(v));
}

/**
 * Scores a law on evidence; with `refit`, first refits its constants by Levenberg–Marquardt starting from
 * the given ones. The evidence's noise scales, when it has them, weigh the fit and the residual code; R² and
 * RMSE stay the plain figures. Returns undefined when the law cannot be evaluated there (unknown variable,
 * no finite fit).
 */
export function scoreLaw(
  expr: Expr,
  params: readonly number[],
  evidence: Evidence,
  derivedDefs: Record<string, string>,
  opts: { refit?: boolean; seed?: number; restarts?: number; signal?: AbortSignal } = {},
): LawState | undefined {
  if (!lawFits(expr, evidence) || evidence.target.length === 0) return undefined;
  const columns = evidence.variables.map((v) => evidence.columns[v]);
  let p = [...params];
  const k = paramCount(expr);
  while (p.length < k) p.push(1);
  if (opts.refit && k > 0) {
    const fit = fitParams(expr, evidence.variables, columns, evidence.target, {
      init: p,
      restarts: opts.restarts ?? 4,
      seed: opts.seed ?? 0,
      signal: opts.signal,
      ...(evidence.scales ? { scales: evidence.scales } : {}),
    });
    if (Number.isFinite(fit.sse) && fit.params.every(Number.isFinite)) {
      // Keep the old constants when the refit made things worse (LM from a bad restart can).
      const before = sse(expr, evidence, columns, p);
      if (!(before <= fit.sse)) p = fit.params;
    }
  }
  const predicted = compile(expr, evidence.variables).evaluate(columns, p);
  let s = 0;
  let mean = 0;
  const n = evidence.target.length;
  for (let i = 0; i < n; i++) mean += evidence.target[i];
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const r = evidence.target[i] - predicted[i];
    s += r * r;
    sst += (evidence.target[i] - mean) ** 2;
  }
  if (!Number.isFinite(s)) return undefined;
  // The code book names one of ALL the evidence's variables, whichever the law uses, so every law scored
  // on this evidence is charged by the same rule and their totals compare.
  const bits = descriptionLength(expr, p, evidence.target, predicted, { variableCount: evidence.variables.length, ...(evidence.scales ? { scales: evidence.scales } : {}) });
  if (!Number.isFinite(bits.total)) return undefined;
  const used = variablesOf(expr);
  const derived: Record<string, string> = {};
  for (const v of used) if (derivedDefs[v] !== undefined) derived[v] = derivedDefs[v];
  return {
    expr,
    params: p,
    law: toInfix(expr, p),
    derived,
    bits,
    r2: sst > 0 ? 1 - s / sst : s === 0 ? 1 : 0,
    rmse: Math.sqrt(s / n),
  };
}

/** The fit's criterion at `p`: Σ(y − f)², or Σ((y − f)/g)² when the evidence has noise scales. */
function sse(expr: Expr, evidence: Evidence, columns: Float64Array[], p: readonly number[]): number {
  const s = scaledSquaredError(compile(expr, evidence.variables).evaluate(columns, p), evidence.target, evidence.scales);
  return Number.isFinite(s) ? s : Infinity;
}
