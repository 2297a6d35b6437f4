/** Random trees and leaves drawn from the operator set, for initial populations and subtree mutations. */
import { binary, num, unary, v, type Expr } from "../expr/ast.js";
import type { OperatorSet } from "./operators.js";
import type { Rng } from "../random/index.js";

/** A random leaf: a variable (usually) or a constant to be fitted. */
export function randomLeaf(rng: Rng, variables: readonly string[]): Expr {
  if (variables.length > 0 && rng.next() < 0.7) return v(rng.pick(variables));
  return num(rng.next() < 0.5 ? 1 : Number(rng.uniform(-2, 2).toFixed(3)));
}

/** A random tree of at most `maxDepth` levels (grow method). */
export function randomTree(rng: Rng, variables: readonly string[], ops: OperatorSet, maxDepth: number): Expr {
  if (maxDepth <= 1 || rng.next() < 0.3) return randomLeaf(rng, variables);
  const r = rng.next();
  if (r < 0.6) {
    const op = ops.binary[rng.weighted(ops.binary.map((b) => b.weight))].op;
    return binary(op, randomTree(rng, variables, ops, maxDepth - 1), randomTree(rng, variables, ops, maxDepth - 1));
  }
  if (r < 0.85 || ops.powers.length === 0) {
    const op = ops.unary[rng.weighted(ops.unary.map((u) => u.weight))].op;
    return unary(op, randomTree(rng, variables, ops, maxDepth - 1));
  }
  return powerOf(randomTree(rng, variables, ops, maxDepth - 1), rng.pick(ops.powers));
}

/** x raised to a fixed exponent, written the way a physicist would (sqrt, 1/x). */
export function powerOf(x: Expr, p: number): Expr {
  if (p === 0.5) return unary("sqrt", x);
  if (p === -1) return binary("/", num(1), x);
  if (p === -0.5) return binary("/", num(1), unary("sqrt", x));
  return binary("^", x, num(p));
}
