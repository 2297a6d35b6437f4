import { paramCount, type Expr } from "./ast.js";
import type { CompileOptions } from "./compile.js";
import { derivative, paramDerivative } from "./derivative.js";
import { exprKey } from "./hash.js";
import { compileMulti } from "./multi-eval.js";

/** A law and its derivatives with respect to each param, prepared for evaluation in one pass. */
export interface CompiledJacobian {
  /** Variable names in column order. */
  readonly variables: readonly string[];
  /** Number of params (columns of the Jacobian). */
  readonly paramCount: number;
  /**
   * Value and ∂value/∂param_j for every row. Optional `out` buffers are reused when long enough:
   * `out[0]` for the value, `out[1 + j]` for the derivative by param j. Read the results from the return value.
   */
  evaluate(
    columns: readonly Float64Array[],
    params: ArrayLike<number>,
    out?: Float64Array[],
  ): { value: Float64Array; dParams: Float64Array[] };
}

/** A law and its derivatives with respect to each input variable (its gradient), prepared for evaluation in one pass. */
export interface CompiledGradient {
  /** Variable names in column order (the gradient has one entry per variable). */
  readonly variables: readonly string[];
  /** Value and ∂value/∂variable_k for every row (`out` as in `CompiledJacobian`). */
  evaluate(
    columns: readonly Float64Array[],
    params: ArrayLike<number>,
    out?: Float64Array[],
  ): { value: Float64Array; dVariables: Float64Array[] };
}

const structureOf = (what: string, expr: Expr, vars: readonly string[]) => `${what}\u0000${vars.length}\u0000${vars.join("\u0000")}\u0000${exprKey(expr)}`;

/**
 * Prepares the value and the param gradient of `expr` for evaluation in one pass; subexpressions shared
 * between the law and its derivatives are computed once per row. Tiers as in `compile`.
 */
export function compileJacobian(expr: Expr, variables: readonly string[], opts: CompileOptions = {}): CompiledJacobian {
  const k = paramCount(expr);
  const exprs = [expr];
  for (let j = 0; j < k; j++) exprs.push(paramDerivative(expr, j));
  const run = compileMulti(exprs, variables, structureOf("J", expr, variables), opts);
  return {
    variables: [...variables],
    paramCount: k,
    evaluate(columns, params, out) {
      const outs = run(columns, params, out);
      return { value: outs[0], dParams: outs.slice(1) };
    },
  };
}

/**
 * Prepares the value and the gradient of `expr` with respect to its input variables (for sensitivity
 * analysis and inverse design). Tiers as in `compile`.
 */
export function compileGradient(expr: Expr, variables: readonly string[], opts: CompileOptions = {}): CompiledGradient {
  const exprs = [expr, ...variables.map((name) => derivative(expr, name))];
  const run = compileMulti(exprs, variables, structureOf("G", expr, variables), opts);
  return {
    variables: [...variables],
    evaluate(columns, params, out) {
      const outs = run(columns, params, out);
      return { value: outs[0], dVariables: outs.slice(1) };
    },
  };
}
