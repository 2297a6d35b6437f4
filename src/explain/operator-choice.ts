/**
 * The user's choice of building blocks (`explain --ops +,-,*,/,exp,log`): which operators the island
 * search may draw and which fast-path laws may be offered. A power x^p counts as built from the chosen
 * blocks when `^` is chosen, or when it can be written with them (x² as x·x, 1/x with `/`, √x with
 * sqrt); `neg` is allowed with `-`. Literals, fitted constants and inputs are always allowed.
 */
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type Expr, type UnaryOp } from "../expr/ast.js";
import { ExplainError } from "./errors.js";
import { DEFAULT_OPERATORS, type OperatorSet } from "./operators.js";

/** Every operator name `--ops` accepts (`neg` is spelled `-`). */
export const KNOWN_OPERATORS: readonly string[] = [...BINARY_OPS, ...UNARY_OPS.filter((u) => u !== "neg")];

/** Parses a comma-separated operator list; an ExplainError naming the unknown ones and the known ones otherwise. */
export function parseOperatorList(spec: string): string[] {
  const names = spec
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0)
    .map((s) => (s === "pow" || s === "**" ? "^" : s));
  const unknown = names.filter((s) => !KNOWN_OPERATORS.includes(s));
  if (unknown.length > 0) throw new ExplainError(`unknown operator${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")} (known: ${KNOWN_OPERATORS.join(" ")})`);
  if (names.length === 0) throw new ExplainError(`no operators given (known: ${KNOWN_OPERATORS.join(" ")})`);
  if (!names.some((s) => s === "+" || s === "-" || s === "*" || s === "/")) {
    throw new ExplainError("the operators must include at least one of + - * / (the search combines terms with them)");
  }
  return [...new Set(names)];
}

/**
 * The search vocabulary restricted to `allowed`: default weights where the default set has the operator,
 * weight 1 otherwise; powers those the blocks can write. `neg` stands in when no function is chosen, so the
 * search's unary moves always have something to draw (with `-` chosen, or as the sign a constant carries).
 */
export function operatorSetFor(allowed: readonly string[]): OperatorSet {
  const weightOf = (op: string, list: { op: string; weight: number }[]) => list.find((o) => o.op === op)?.weight ?? 1;
  const binary = allowed
    .filter((o): o is BinaryOp => (BINARY_OPS as readonly string[]).includes(o) && o !== "^")
    .map((op) => ({ op, weight: weightOf(op, DEFAULT_OPERATORS.binary) }));
  const unary: { op: UnaryOp; weight: number }[] = allowed
    .filter((o): o is UnaryOp => (UNARY_OPS as readonly string[]).includes(o))
    .map((op) => ({ op, weight: weightOf(op, DEFAULT_OPERATORS.unary) }));
  if (allowed.includes("-") || unary.length === 0) unary.push({ op: "neg", weight: 0.5 });
  const powers = DEFAULT_OPERATORS.powers.filter((p) => powerAllowed(p, allowed));
  // x^1 is the identity after simplification: a harmless power move when the blocks allow no other.
  return { binary, unary, powers: powers.length > 0 ? powers : [1] };
}

/** Whether every operator of `expr` is built from `allowed` (see the module comment). */
export function usesOnly(expr: Expr, allowed: readonly string[]): boolean {
  switch (expr.kind) {
    case "unary":
      if (expr.op === "neg" ? !allowed.includes("-") : !allowed.includes(expr.op)) return false;
      return usesOnly(expr.arg, allowed);
    case "binary":
      if (expr.op === "^") {
        if (!(expr.right.kind === "num" ? powerAllowed(expr.right.value, allowed) : allowed.includes("^"))) return false;
      } else if (!allowed.includes(expr.op)) return false;
      return usesOnly(expr.left, allowed) && usesOnly(expr.right, allowed);
    default:
      return true;
  }
}

/** Whether x^p can be written with `allowed`: `^` itself, x·x·… with `*`, 1/… with `/`, √x with sqrt. */
function powerAllowed(p: number, allowed: readonly string[]): boolean {
  if (allowed.includes("^")) return true;
  const a = Math.abs(p);
  const body = a === 1 || (Number.isInteger(a) && allowed.includes("*")) || (a === 0.5 && allowed.includes("sqrt"));
  return body && (p > 0 || allowed.includes("/"));
}
