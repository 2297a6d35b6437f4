/**
 * The immutable expression tree every law is made of.
 *
 * Nodes are plain frozen objects so they can cross worker-thread boundaries (structured clone) and be
 * hashed structurally. Fitted constants are `param` nodes that point into a law's parameter vector by
 * index; their values never live in the tree, so one tree shape serves every constant fit.
 */

/** Functions of one argument (plus unary minus, `neg`). */
export const UNARY_OPS = [
  "neg",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "exp",
  "log",
  "sqrt",
  "abs",
] as const;
/** A function of one argument. */
export type UnaryOp = (typeof UNARY_OPS)[number];

/** Operators and functions of two arguments. */
export const BINARY_OPS = ["+", "-", "*", "/", "^", "min", "max"] as const;
/** An operator or function of two arguments. */
export type BinaryOp = (typeof BINARY_OPS)[number];

/** A literal number (exact, not fitted). */
export interface NumNode {
  readonly kind: "num";
  readonly value: number;
}
/** The constant π. */
export interface PiNode {
  readonly kind: "pi";
}
/** An input variable, read from a data column of the same name. */
export interface VarNode {
  readonly kind: "var";
  readonly name: string;
}
/** A fitted constant: slot `index` of the law's parameter vector; `name` is how it prints before fitting. */
export interface ParamNode {
  readonly kind: "param";
  readonly index: number;
  readonly name: string;
}
/** A function of one argument applied to `arg`. */
export interface UnaryNode {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly arg: Expr;
}
/** A binary operator applied to `left` and `right`. */
export interface BinaryNode {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** Any expression node. */
export type Expr = NumNode | PiNode | VarNode | ParamNode | UnaryNode | BinaryNode;

/** A literal number node. */
export function num(value: number): NumNode {
  return Object.freeze({ kind: "num", value });
}
/** The π node. */
export const PI: PiNode = Object.freeze({ kind: "pi" });
/** An input-variable node. */
export function v(name: string): VarNode {
  return Object.freeze({ kind: "var", name });
}
/** A fitted-constant node for slot `index` (named `c<index>` unless given a name). */
export function param(index: number, name = `c${index}`): ParamNode {
  return Object.freeze({ kind: "param", index, name });
}
/** A unary node. */
export function unary(op: UnaryOp, arg: Expr): UnaryNode {
  return Object.freeze({ kind: "unary", op, arg });
}
/** A binary node. */
export function binary(op: BinaryOp, left: Expr, right: Expr): BinaryNode {
  return Object.freeze({ kind: "binary", op, left, right });
}
/** `a + b` */
export const add = (a: Expr, b: Expr) => binary("+", a, b);
/** `a - b` */
export const sub = (a: Expr, b: Expr) => binary("-", a, b);
/** `a * b` */
export const mul = (a: Expr, b: Expr) => binary("*", a, b);
/** `a / b` */
export const div = (a: Expr, b: Expr) => binary("/", a, b);
/** `a ^ b` */
export const pow = (a: Expr, b: Expr) => binary("^", a, b);
/** `-a` */
export const neg = (a: Expr) => unary("neg", a);

/** Whether `name` is a unary function of the grammar (not counting `neg`). */
export function isUnaryOp(name: string): name is UnaryOp {
  return name !== "neg" && (UNARY_OPS as readonly string[]).includes(name);
}

/** The children of a node, left to right. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "unary":
      return [e.arg];
    case "binary":
      return [e.left, e.right];
    default:
      return [];
  }
}

/** Number of nodes in the tree. */
export function size(e: Expr): number {
  switch (e.kind) {
    case "unary":
      return 1 + size(e.arg);
    case "binary":
      return 1 + size(e.left) + size(e.right);
    default:
      return 1;
  }
}

/** Depth of the tree (a leaf has depth 1). */
export function depth(e: Expr): number {
  switch (e.kind) {
    case "unary":
      return 1 + depth(e.arg);
    case "binary":
      return 1 + Math.max(depth(e.left), depth(e.right));
    default:
      return 1;
  }
}

/** Names of the input variables used, sorted. */
export function variablesOf(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (n: Expr): void => {
    if (n.kind === "var") out.add(n.name);
    for (const c of children(n)) walk(c);
  };
  walk(e);
  return [...out].sort();
}

/** Largest parameter index used plus one (the length the parameter vector must have). */
export function paramCount(e: Expr): number {
  let max = -1;
  const walk = (n: Expr): void => {
    if (n.kind === "param" && n.index > max) max = n.index;
    for (const c of children(n)) walk(c);
  };
  walk(e);
  return max + 1;
}

/** Rebuilds the tree bottom-up, letting `f` replace each node after its children were mapped. */
export function mapExpr(e: Expr, f: (n: Expr) => Expr): Expr {
  switch (e.kind) {
    case "unary": {
      const arg = mapExpr(e.arg, f);
      return f(arg === e.arg ? e : unary(e.op, arg));
    }
    case "binary": {
      const left = mapExpr(e.left, f);
      const right = mapExpr(e.right, f);
      return f(left === e.left && right === e.right ? e : binary(e.op, left, right));
    }
    default:
      return f(e);
  }
}

/** Replaces every `param` node by the number in `values` (used to print or export a fitted law). */
export function substituteParams(e: Expr, values: ArrayLike<number>): Expr {
  return mapExpr(e, (n) => (n.kind === "param" ? num(values[n.index]) : n));
}
