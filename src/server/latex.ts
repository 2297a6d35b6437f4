import { mapExpr, num, toLatex, type Expr } from "../expr/index.js";

/** Significant digits of constants in typeset laws: enough to read, few enough to take in at a glance. */
const DISPLAY_DIGITS = 5;

function round(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(DISPLAY_DIGITS)) : x;
}

/**
 * A law with its fitted constants, typeset as LaTeX by the expression engine's printer. Constants (fitted
 * or literal) are rounded for reading only; the plain-text law shown beside it keeps every digit.
 */
export function latexOf(expr: Expr, params: readonly number[]): string {
  const shown = mapExpr(expr, (n) => (n.kind === "num" ? num(round(n.value)) : n));
  return toLatex(shown, params.map(round));
}
