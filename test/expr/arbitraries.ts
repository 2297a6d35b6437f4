import fc from "fast-check";
import { binary, num, param, PI, unary, v, BINARY_OPS, UNARY_OPS, type Expr } from "../../src/expr/ast.js";

/** Variable names the generated trees use. */
export const VARS = ["x", "y", "z"] as const;

const numbers = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((k) => k),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.constantFrom(0.5, 2, 3, -1, 1e-12, 1.5e21),
);

/** Random expression trees over x, y, z and params c0..c2 (every node kind of the grammar). */
export function arbExpr(opts: { params?: boolean; maxDepth?: number } = {}): fc.Arbitrary<Expr> {
  const leaves: fc.Arbitrary<Expr>[] = [numbers.map((n) => num(n)), fc.constant(PI), fc.constantFrom(...VARS).map((n) => v(n))];
  if (opts.params) leaves.push(fc.integer({ min: 0, max: 2 }).map((i) => param(i, `c${i}`)));
  const leaf = fc.oneof(...leaves);
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth: opts.maxDepth ?? 6 },
      leaf,
      fc.tuple(fc.constantFrom(...UNARY_OPS), tie("tree")).map(([op, a]) => unary(op, a)),
      fc.tuple(fc.constantFrom(...BINARY_OPS), tie("tree"), tie("tree")).map(([op, a, b]) => binary(op, a, b)),
    ),
  }));
  return tree;
}
