import type { BinaryOp, Expr, UnaryOp } from "./ast.js";
import { powFast } from "./power.js";

/** Applies a unary operator with the same semantics as the compiled code. */
export function applyUnary(op: UnaryOp, a: number): number {
  switch (op) {
    case "neg":
      return -a;
    case "sin":
      return Math.sin(a);
    case "cos":
      return Math.cos(a);
    case "tan":
      return Math.tan(a);
    case "asin":
      return Math.asin(a);
    case "acos":
      return Math.acos(a);
    case "atan":
      return Math.atan(a);
    case "sinh":
      return Math.sinh(a);
    case "cosh":
      return Math.cosh(a);
    case "tanh":
      return Math.tanh(a);
    case "exp":
      return Math.exp(a);
    case "log":
      return Math.log(a);
    case "sqrt":
      return Math.sqrt(a);
    case "abs":
      return Math.abs(a);
  }
  return NaN;
}

/** Applies a binary operator with the same semantics as the compiled code (including its power shortcuts). */
export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "^":
      return powFast(a, b);
    case "min":
      return Math.min(a, b);
    case "max":
      return Math.max(a, b);
  }
  return NaN;
}

/** Evaluates a tree at one point by walking it (slow; a reference for tests and a baseline for benchmarks). */
export function evaluateAt(e: Expr, vars: Readonly<Record<string, number>>, params: ArrayLike<number> = []): number {
  switch (e.kind) {
    case "num":
      return e.value;
    case "pi":
      return Math.PI;
    case "var":
      return Object.hasOwn(vars, e.name) ? vars[e.name] : NaN;
    case "param":
      return Number(params[e.index]);
    case "unary":
      return applyUnary(e.op, evaluateAt(e.arg, vars, params));
    case "binary":
      return applyBinary(e.op, evaluateAt(e.left, vars, params), evaluateAt(e.right, vars, params));
  }
}

/** Tree-walking evaluation over columns, row by row (the interpreter baseline of the benchmark). */
export function interpret(e: Expr, variables: readonly string[], columns: readonly Float64Array[], params: ArrayLike<number>): Float64Array {
  const n = columns.length > 0 ? columns[0].length : 1;
  const out = new Float64Array(n);
  const index = new Map(variables.map((name, k) => [name, k] as const));
  const walk = (node: Expr, i: number): number => {
    switch (node.kind) {
      case "num":
        return node.value;
      case "pi":
        return Math.PI;
      case "var": {
        const k = index.get(node.name);
        return k === undefined ? NaN : columns[k][i];
      }
      case "param":
        return Number(params[node.index]);
      case "unary":
        return applyUnary(node.op, walk(node.arg, i));
      case "binary":
        return applyBinary(node.op, walk(node.left, i), walk(node.right, i));
    }
  };
  for (let i = 0; i < n; i++) out[i] = walk(e, i);
  return out;
}
