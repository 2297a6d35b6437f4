import type { BinaryOp, Expr, UnaryOp } from "./ast.js";
import { exprKey } from "./hash.js";

/** One step of an evaluation plan: a leaf, or an operation on earlier steps. */
export type Step =
  | { kind: "const"; value: number }
  | { kind: "column"; column: number }
  | { kind: "param"; index: number }
  | { kind: "unary"; op: UnaryOp; a: number; rowDependent: boolean }
  | { kind: "binary"; op: BinaryOp; a: number; b: number; rowDependent: boolean };

/** A DAG of steps computing several expressions with shared subexpressions computed once. */
export interface Plan {
  steps: Step[];
  /** For each expression, the step holding its value. */
  results: number[];
}

const UNARY = new Set<string>(["neg", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "sqrt", "abs"]);
const BINARY = new Set<string>(["+", "-", "*", "/", "^", "min", "max"]);

/** Builds an evaluation plan for `exprs`, sharing structurally equal subtrees (the interpreter's analogue of codegen). */
export function buildPlan(exprs: readonly Expr[], columnIndex: (name: string) => number): Plan {
  const steps: Step[] = [];
  const byKey = new Map<string, number>();
  const byNode = new WeakMap<Expr, number>();
  const rowDep = (i: number): boolean => {
    const s = steps[i];
    return s.kind === "column" || ((s.kind === "unary" || s.kind === "binary") && s.rowDependent);
  };
  const add = (key: string, step: Step): number => {
    const known = byKey.get(key);
    if (known !== undefined) return known;
    steps.push(step);
    byKey.set(key, steps.length - 1);
    return steps.length - 1;
  };
  const visit = (e: Expr): number => {
    const known = byNode.get(e);
    if (known !== undefined) return known;
    let id: number;
    switch (e.kind) {
      case "num":
        id = add(exprKey(e), { kind: "const", value: Number(e.value) });
        break;
      case "pi":
        id = add("pi", { kind: "const", value: Math.PI });
        break;
      case "var": {
        const c = columnIndex(e.name);
        id = add(`v${c}`, { kind: "column", column: c });
        break;
      }
      case "param":
        if (!Number.isInteger(e.index) || e.index < 0) throw new Error(`invalid param index ${String(e.index)}`);
        id = add(`p${e.index}`, { kind: "param", index: e.index });
        break;
      case "unary": {
        if (!UNARY.has(e.op)) throw new Error(`unknown unary operator ${String(e.op)}`);
        const a = visit(e.arg);
        id = add(`u${e.op}:${a}`, { kind: "unary", op: e.op, a, rowDependent: rowDep(a) });
        break;
      }
      case "binary": {
        if (!BINARY.has(e.op)) throw new Error(`unknown binary operator ${String(e.op)}`);
        const a = visit(e.left);
        const b = visit(e.right);
        id = add(`b${e.op}:${a}:${b}`, { kind: "binary", op: e.op, a, b, rowDependent: rowDep(a) || rowDep(b) });
        break;
      }
      default:
        throw new Error(`unknown expression node ${JSON.stringify(e)}`);
    }
    byNode.set(e, id);
    return id;
  };
  const results = exprs.map(visit);
  return { steps, results };
}

/**
 * A plan for one expression without sharing subtrees: no keys are built, so it is several times cheaper to
 * make than `buildPlan`'s, for laws evaluated once or twice (the search's children). Same operations in the
 * same order per node, so the values are bit-identical to `buildPlan`'s.
 */
export function buildTreePlan(expr: Expr, columnIndex: (name: string) => number): Plan {
  const steps: Step[] = [];
  const rowDep = (i: number): boolean => {
    const s = steps[i];
    return s.kind === "column" || ((s.kind === "unary" || s.kind === "binary") && s.rowDependent);
  };
  const visit = (e: Expr): number => {
    switch (e.kind) {
      case "num":
        steps.push({ kind: "const", value: Number(e.value) });
        break;
      case "pi":
        steps.push({ kind: "const", value: Math.PI });
        break;
      case "var":
        steps.push({ kind: "column", column: columnIndex(e.name) });
        break;
      case "param":
        if (!Number.isInteger(e.index) || e.index < 0) throw new Error(`invalid param index ${String(e.index)}`);
        steps.push({ kind: "param", index: e.index });
        break;
      case "unary": {
        if (!UNARY.has(e.op)) throw new Error(`unknown unary operator ${String(e.op)}`);
        const a = visit(e.arg);
        steps.push({ kind: "unary", op: e.op, a, rowDependent: rowDep(a) });
        break;
      }
      case "binary": {
        if (!BINARY.has(e.op)) throw new Error(`unknown binary operator ${String(e.op)}`);
        const a = visit(e.left);
        const b = visit(e.right);
        steps.push({ kind: "binary", op: e.op, a, b, rowDependent: rowDep(a) || rowDep(b) });
        break;
      }
      default:
        throw new Error(`unknown expression node ${JSON.stringify(e)}`);
    }
    return steps.length - 1;
  };
  const result = visit(expr);
  return { steps, results: [result] };
}
