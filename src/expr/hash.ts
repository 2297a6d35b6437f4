import type { Expr } from "./ast.js";
import { formatNumber } from "./print-infix.js";

/**
 * A canonical prefix serialisation of the tree: equal strings exactly when the trees are structurally equal.
 * Params are identified by index (their print names do not matter); variables by name. `memo` lets a caller
 * that asks for the keys of the same subtrees many times (the simplifier) compute each only once.
 */
export function exprKey(e: Expr, memo?: Map<Expr, string>): string {
  const known = memo?.get(e);
  if (known !== undefined) return known;
  let key: string;
  switch (e.kind) {
    case "num":
      key = Number.isNaN(e.value) ? "#NaN" : `#${formatNumber(e.value)}`;
      break;
    case "pi":
      key = "pi";
      break;
    case "var":
      key = `$${e.name}`;
      break;
    case "param":
      key = `@${e.index}`;
      break;
    case "unary":
      key = `(${e.op} ${exprKey(e.arg, memo)})`;
      break;
    case "binary":
      key = `(${e.op} ${exprKey(e.left, memo)} ${exprKey(e.right, memo)})`;
      break;
    default:
      key = `?${JSON.stringify(e)}`;
  }
  memo?.set(e, key);
  return key;
}

/** 64-bit FNV-1a of a string, as 16 hex digits (two 32-bit halves with different offsets, mixed). */
export function hashString(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h2 >>> 7;
  h1 = Math.imul(h1, 0x85ebca6b) ^ (h1 >>> 13);
  h2 = Math.imul(h2 ^ (h1 >>> 16), 0xc2b2ae35);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/**
 * Structural hash of a tree (16 hex digits): equal trees hash equal; params count by index, not name.
 * Hash the simplified tree (`exprHash(simplify(e))`) to de-duplicate laws that differ only in form.
 */
export function exprHash(e: Expr): string {
  return hashString(exprKey(e));
}
