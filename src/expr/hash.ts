import type { Expr } from "./ast.js";
import { formatNumber } from "./printInfix.js";

/**
 * A canonical prefix serialisation of the tree: equal strings exactly when the trees are structurally equal.
 * Params are identified by index (their print names do not matter); variables by name.
 */
export function exprKey(e: Expr): string {
  switch (e.kind) {
    case "num":
      return Number.isNaN(e.value) ? "#NaN" : `#${formatNumber(e.value)}`;
    case "pi":
      return "pi";
    case "var":
      return `$${e.name}`;
    case "param":
      return `@${e.index}`;
    case "unary":
      return `(${e.op} ${exprKey(e.arg)})`;
    case "binary":
      return `(${e.op} ${exprKey(e.left)} ${exprKey(e.right)})`;
  }
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
