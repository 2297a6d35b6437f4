/**
 * Fitted exponents and declared units: the dimension checker lets x^c (c fitted, x with a unit) pass as
 * "free", since some constant could absorb whatever unit results. When a user declares units that is too
 * lenient: a law such as c0·m^c1·a^c2 would be admitted and then polished into m·a whatever the units
 * say. With units, a dimensioned input's exponent must be a number of the law, not a fitted constant.
 */
import type { Expr } from "../expr/ast.js";

/** Whether `expr` raises an expression that reads a dimensioned input to a power containing a fitted constant. */
export function hasFittedExponentOfDimensioned(expr: Expr, dims: Record<string, readonly number[]>): boolean {
  const dimensioned = (e: Expr): boolean => {
    if (e.kind === "var") return (dims[e.name] ?? []).some((x) => x !== 0);
    if (e.kind === "unary") return dimensioned(e.arg);
    if (e.kind === "binary") return dimensioned(e.left) || dimensioned(e.right);
    return false;
  };
  const fitted = (e: Expr): boolean => {
    if (e.kind === "param") return true;
    if (e.kind === "unary") return fitted(e.arg);
    if (e.kind === "binary") return fitted(e.left) || fitted(e.right);
    return false;
  };
  const walk = (e: Expr): boolean => {
    if (e.kind === "unary") return walk(e.arg);
    if (e.kind !== "binary") return false;
    if (e.op === "^" && fitted(e.right) && dimensioned(e.left)) return true;
    return walk(e.left) || walk(e.right);
  };
  return walk(expr);
}
