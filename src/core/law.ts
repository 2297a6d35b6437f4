import { mapExpr, param, type Expr } from "../expr/ast.js";
import type { Bits } from "./bits.js";

/**
 * A law: an expression over the evidence's variables, its fitted constants, and the definitions of the
 * derived (history) variables it uses, so that it can be evaluated again on any ordered observations.
 * Serialisable (the AST is plain data).
 */
export interface Law {
  expr: Expr;
  params: number[];
  /** Contract infix with the fitted constants substituted. */
  law: string;
  /** Derived variables the law uses: name → definition (`cummax_strain` → `cummax(strain)`). */
  derived: Record<string, string>;
}

/** A law fitted and scored on some evidence: its description length there, R² and RMSE. */
export interface LawState extends Law {
  bits: Bits;
  r2: number;
  rmse: number;
}

/** The structure of a law with its constants' values and names ignored (equal keys: same form). */
export function structureKey(expr: Expr): string {
  return JSON.stringify(mapExpr(expr, (n) => (n.kind === "param" ? param(n.index, "c") : n)));
}
