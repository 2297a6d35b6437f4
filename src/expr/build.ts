import { binary, num, unary, type Expr, type NumNode, type UnaryOp } from "./ast.js";

/**
 * Node constructors that fold the trivial cases (0 and 1 operands, numeric operands) as they build, so that
 * generated trees such as derivatives stay small. They never change a value where the inputs are finite.
 */

function isNum(e: Expr): e is NumNode;
function isNum(e: Expr, value: number): boolean;
function isNum(e: Expr, value?: number): boolean {
  return e.kind === "num" && (value === undefined || e.value === value);
}

/** `a + b`, folding zeros and numbers. */
export function addB(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return b;
  if (isNum(b, 0)) return a;
  if (isNum(a) && isNum(b)) return num(a.value + b.value);
  if (b.kind === "unary" && b.op === "neg") return subB(a, b.arg);
  return binary("+", a, b);
}

/** `a - b`, folding zeros and numbers. */
export function subB(a: Expr, b: Expr): Expr {
  if (isNum(b, 0)) return a;
  if (isNum(a, 0)) return negB(b);
  if (isNum(a) && isNum(b)) return num(a.value - b.value);
  if (b.kind === "unary" && b.op === "neg") return addB(a, b.arg);
  return binary("-", a, b);
}

/** `a * b`, folding zeros, ones and numbers. */
export function mulB(a: Expr, b: Expr): Expr {
  if (isNum(a, 0) || isNum(b, 0)) return num(0);
  if (isNum(a, 1)) return b;
  if (isNum(b, 1)) return a;
  if (isNum(a, -1)) return negB(b);
  if (isNum(b, -1)) return negB(a);
  if (isNum(a) && isNum(b)) return num(a.value * b.value);
  if (a.kind === "unary" && a.op === "neg") return negB(mulB(a.arg, b));
  if (b.kind === "unary" && b.op === "neg") return negB(mulB(a, b.arg));
  return binary("*", a, b);
}

/** `a / b`, folding zeros and ones. */
export function divB(a: Expr, b: Expr): Expr {
  if (isNum(b, 1)) return a;
  if (isNum(a, 0)) return num(0);
  if (a.kind === "unary" && a.op === "neg") return negB(divB(a.arg, b));
  return binary("/", a, b);
}

/** `a ^ b`, folding exponents 0 and 1. */
export function powB(a: Expr, b: Expr): Expr {
  if (isNum(b, 0)) return num(1);
  if (isNum(b, 1)) return a;
  return binary("^", a, b);
}

/** `-a`, folding double negation and numbers. */
export function negB(a: Expr): Expr {
  if (isNum(a)) return num(-a.value);
  if (a.kind === "unary" && a.op === "neg") return a.arg;
  return unary("neg", a);
}

/** `op(a)` for a function of one argument. */
export function callB(op: UnaryOp, a: Expr): Expr {
  return op === "neg" ? negB(a) : unary(op, a);
}
