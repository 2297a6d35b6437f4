import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { binary, num, v, unary, BINARY_OPS, UNARY_OPS, PI, param, type Expr } from "../../src/expr/ast.js";
import { complexity, evaluateAt, exprHash, parse, simplify, toInfix } from "../../src/expr/index.js";
import { VARS } from "./arbitraries.js";

const s = (text: string) => toInfix(simplify(parse(text)));

/** Trees with small literal numbers, where floating-point cancellation cannot mask a wrong rewrite. */
function arbSmallExpr(): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(
    fc.integer({ min: -4, max: 4 }).map((k) => num(k)),
    fc.constantFrom(num(0.5), num(1.5), PI),
    fc.constantFrom(...VARS).map((n) => v(n)),
    fc.integer({ min: 0, max: 1 }).map((i) => param(i)),
  );
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth: 5 },
      leaf,
      fc.tuple(fc.constantFrom(...UNARY_OPS), tie("tree")).map(([op, a]) => unary(op, a)),
      fc.tuple(fc.constantFrom(...BINARY_OPS), tie("tree"), tie("tree")).map(([op, a, b]) => binary(op, a, b)),
      fc.tuple(fc.constantFrom("+", "-", "*", "/"), tie("tree"), tie("tree")).map(([op, a, b]) => binary(op as "+", a, b)),
    ),
  }));
  return tree;
}

describe("simplify", () => {
  it("folds constants and applies identities", () => {
    expect(s("x + 0")).toBe("x");
    expect(s("1*x^1")).toBe("x");
    expect(s("x - x")).toBe("0");
    expect(s("x/x")).toBe("1");
    expect(s("--x")).toBe("x");
    expect(s("2 + 3*4")).toBe("14");
    expect(s("2^10")).toBe("1024");
    expect(s("x^0")).toBe("1");
    expect(s("log(exp(y))")).toBe("y");
    expect(s("sqrt(16)")).toBe("4");
    expect(s("sin(0) + cos(0)")).toBe("1");
  });

  it("keeps exact fractions instead of rounding them", () => {
    expect(s("x*2/3")).toBe("2*x/3");
    expect(s("x/3 + x/3")).toBe("2*x/3");
    expect(s("1/3")).toBe("1/3");
    expect(s("1/2*m*v^2")).toBe("m*v^2/2");
  });

  it("collects like terms and like powers", () => {
    expect(s("2*x + 3*x - y + 1 - 4")).toBe("5*x - y - 3");
    expect(s("x*x/x^3")).toBe("1/x");
    expect(s("x*x*x")).toBe("x^3");
    expect(s("(x^2)^3")).toBe("x^6");
    expect(s("-(x + y)")).toBe("-x - y");
  });

  it("does not apply rewrites that change values", () => {
    expect(s("(x^2)^0.5")).toBe("(x^2)^0.5");
    expect(s("sqrt(x^2)")).toBe("abs(x)");
  });

  it("gives one canonical form for commuted and regrouped laws", () => {
    const forms = ["a*b + c", "c + b*a", "(b*a) + c", "c + a*b*1", "c + (a*b + 0)"];
    const hashes = new Set(forms.map((f) => exprHash(simplify(parse(f)))));
    expect(hashes.size).toBe(1);
    expect(exprHash(simplify(parse("min(y, x)")))).toBe(exprHash(simplify(parse("min(x, y)"))));
    expect(exprHash(simplify(parse("a*b - c")))).not.toBe(exprHash(simplify(parse("a*b + c"))));
  });

  it("gives commuted laws the same canonical form (property)", () => {
    const commute = (e: Expr, flips: boolean[]): Expr => {
      let k = 0;
      const walk = (n: Expr): Expr => {
        if (n.kind === "unary") return unary(n.op, walk(n.arg));
        if (n.kind !== "binary") return n;
        const l = walk(n.left);
        const r = walk(n.right);
        const flip = flips[k++ % flips.length] && (n.op === "+" || n.op === "*" || n.op === "min" || n.op === "max");
        return flip ? binary(n.op, r, l) : binary(n.op, l, r);
      };
      return walk(e);
    };
    fc.assert(
      fc.property(arbSmallExpr(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (e, flips) => {
        expect(toInfix(simplify(commute(e, flips)))).toBe(toInfix(simplify(e)));
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it("is idempotent and never grows a law by much (property)", () => {
    fc.assert(
      fc.property(arbSmallExpr(), (e) => {
        const once = simplify(e);
        expect(toInfix(simplify(once))).toBe(toInfix(once));
        expect(complexity(once)).toBeLessThanOrEqual(complexity(e) + 4);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("preserves values on random inputs wherever the original is finite (property)", () => {
    const point = fc.record({ x: fc.double({ min: -3, max: 3, noNaN: true }), y: fc.double({ min: -3, max: 3, noNaN: true }), z: fc.double({ min: 0.1, max: 3, noNaN: true }) });
    fc.assert(
      fc.property(arbSmallExpr(), point, (e, p) => {
        const params = [1.25, -0.75];
        const before = evaluateAt(e, p, params);
        if (!Number.isFinite(before) || Math.abs(before) > 1e6) return;
        const after = evaluateAt(simplify(e), p, params);
        const tolerance = 1e-7 * Math.max(1, Math.abs(before));
        if (!(Math.abs(after - before) <= tolerance)) {
          throw new Error(`${toInfix(e)} → ${toInfix(simplify(e))} at ${JSON.stringify(p)}: ${before} vs ${after}`);
        }
      }),
      { numRuns: 2000, seed: 9 },
    );
  });
});

describe("exprHash and complexity", () => {
  it("hashes structure, not param names", () => {
    expect(exprHash(parse("a*x", { variables: ["x"] }))).toBe(exprHash(parse("k*x", { variables: ["x"] })));
    expect(exprHash(parse("x*y"))).not.toBe(exprHash(parse("y*x")));
    expect(exprHash(parse("x - y"))).not.toBe(exprHash(parse("x + y")));
    expect(exprHash(parse("x"))).toMatch(/^[0-9a-f]{16}$/);
  });

  it("counts nodes", () => {
    expect(complexity(parse("x"))).toBe(1);
    expect(complexity(parse("a*x^b + c"))).toBe(7);
    expect(complexity(parse("sin(x)"))).toBe(2);
  });
});
