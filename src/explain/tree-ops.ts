/**
 * Positional edits on immutable trees: nodes are addressed by their preorder index, so mutation
 * code can say "replace node 7" without tracking parents. Also the switch between the search's
 * representation (constants as `num` leaves) and the fitting representation (constants as `param`).
 */
import { binary, num, param, unary, type Expr } from "../expr/ast.js";
import { exprKey } from "../expr/hash.js";

/** Number of nodes. */
export function countNodes(e: Expr): number {
  if (e.kind === "unary") return 1 + countNodes(e.arg);
  if (e.kind === "binary") return 1 + countNodes(e.left) + countNodes(e.right);
  return 1;
}

/** The node at preorder index `i`. */
export function nodeAt(e: Expr, i: number): Expr {
  let k = i;
  const walk = (n: Expr): Expr | null => {
    if (k === 0) return n;
    k--;
    if (n.kind === "unary") return walk(n.arg);
    if (n.kind === "binary") return walk(n.left) ?? walk(n.right);
    return null;
  };
  return walk(e) ?? e;
}

/** A copy of `e` with the node at preorder index `i` replaced by `sub`. */
export function replaceAt(e: Expr, i: number, sub: Expr): Expr {
  let k = i;
  const walk = (n: Expr): Expr => {
    if (k === 0) {
      k = -1;
      return sub;
    }
    if (k < 0) return n;
    k--;
    if (n.kind === "unary") {
      const a = walk(n.arg);
      return a === n.arg ? n : unary(n.op, a);
    }
    if (n.kind === "binary") {
      const l = walk(n.left);
      const r = walk(n.right);
      return l === n.left && r === n.right ? n : binary(n.op, l, r);
    }
    return n;
  };
  return walk(e);
}

/** Whether the node at index `i` is the fixed exponent of a `^` (such numbers are structure, not constants). */
function isExponentSlot(parent: Expr | null, child: Expr): boolean {
  return parent !== null && parent.kind === "binary" && parent.op === "^" && parent.right === child;
}

/**
 * Turns every free number (not a `^` exponent) into a param node, numbered in preorder, and
 * returns their values as the starting point of the constant fit.
 */
export function paramize(e: Expr): { expr: Expr; init: number[] } {
  const init: number[] = [];
  const walk = (n: Expr, parent: Expr | null): Expr => {
    switch (n.kind) {
      case "num":
        if (isExponentSlot(parent, n)) return n;
        init.push(n.value);
        return param(init.length - 1);
      case "param":
        init.push(1);
        return param(init.length - 1);
      case "unary": {
        const a = walk(n.arg, n);
        return unary(n.op, a);
      }
      case "binary": {
        const l = walk(n.left, n);
        const r = walk(n.right, n);
        return binary(n.op, l, r);
      }
      default:
        return n;
    }
  };
  const expr = walk(e, null);
  return { expr, init };
}

/**
 * The key of `paramize(e).expr` (equal to its `exprKey`) and the constants `paramize` would return, in one
 * walk that builds no tree: the search's hot path looks shapes up by this key.
 */
export function shapeKey(e: Expr): { key: string; constants: number[] } {
  const constants: number[] = [];
  const walk = (n: Expr, parent: Expr | null): string => {
    switch (n.kind) {
      case "num":
        if (isExponentSlot(parent, n)) return exprKey(n);
        constants.push(n.value);
        return `@${constants.length - 1}`;
      case "param":
        constants.push(1);
        return `@${constants.length - 1}`;
      case "unary":
        return `(${n.op} ${walk(n.arg, n)})`;
      case "binary":
        return `(${n.op} ${walk(n.left, n)} ${walk(n.right, n)})`;
      default:
        return exprKey(n);
    }
  };
  return { key: walk(e, null), constants };
}

/** Replaces param nodes by their values as `num` leaves (the search's representation). */
export function inlineParams(e: Expr, params: ArrayLike<number>): Expr {
  switch (e.kind) {
    case "param":
      return num(params[e.index] ?? 1);
    case "unary":
      return unary(e.op, inlineParams(e.arg, params));
    case "binary":
      return binary(e.op, inlineParams(e.left, params), inlineParams(e.right, params));
    default:
      return e;
  }
}

/** Replaces variables by expressions (used to express a law over π groups in the original inputs). */
export function substituteVars(e: Expr, defs: Record<string, Expr>): Expr {
  switch (e.kind) {
    case "var":
      return Object.hasOwn(defs, e.name) ? defs[e.name] : e;
    case "unary":
      return unary(e.op, substituteVars(e.arg, defs));
    case "binary":
      return binary(e.op, substituteVars(e.left, defs), substituteVars(e.right, defs));
    default:
      return e;
  }
}

/** Tree depth (a leaf has depth 1). */
export function treeDepth(e: Expr): number {
  if (e.kind === "unary") return 1 + treeDepth(e.arg);
  if (e.kind === "binary") return 1 + Math.max(treeDepth(e.left), treeDepth(e.right));
  return 1;
}

/** Whether every `^` has a literal exponent (the search never raises to a variable power). */
export function powersAreFixed(e: Expr): boolean {
  if (e.kind === "unary") return powersAreFixed(e.arg);
  if (e.kind === "binary") {
    if (e.op === "^" && e.right.kind !== "num") return false;
    return powersAreFixed(e.left) && powersAreFixed(e.right);
  }
  return true;
}

/** Renumbers param nodes in preorder (dropping unused slots), carrying their values along. */
export function renumberParams(e: Expr, values: readonly number[]): { expr: Expr; params: number[] } {
  const map = new Map<number, number>();
  const params: number[] = [];
  const walk = (n: Expr): Expr => {
    switch (n.kind) {
      case "param": {
        let k = map.get(n.index);
        if (k === undefined) {
          k = params.length;
          map.set(n.index, k);
          params.push(values[n.index] ?? 1);
        }
        return param(k);
      }
      case "unary":
        return unary(n.op, walk(n.arg));
      case "binary":
        return binary(n.op, walk(n.left), walk(n.right));
      default:
        return n;
    }
  };
  return { expr: walk(e), params };
}
