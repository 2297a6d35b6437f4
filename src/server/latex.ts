import { toLatex, type Expr } from "../expr/index.js";

/** A law with its fitted constants, typeset as LaTeX by the expression engine's printer. */
export function latexOf(expr: Expr, params: readonly number[]): string {
  return toLatex(expr, params);
}
