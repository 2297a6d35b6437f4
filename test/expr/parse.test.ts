import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { num, param, v, binary, unary, PI, type Expr } from "../../src/expr/ast.js";
import { parse, ParseError, toInfix, paramNamesOf, MAX_PARSE_LENGTH } from "../../src/expr/index.js";
import { arbExpr, VARS } from "./arbitraries.js";
import { readFeynmanProblems } from "../../src/data/feynman.js";

/** Params are renumbered by first appearance when parsing, so compare after the same renumbering. */
function renumberParams(e: Expr): Expr {
  const order = new Map<number, number>();
  const walk = (n: Expr): Expr => {
    switch (n.kind) {
      case "param": {
        if (!order.has(n.index)) order.set(n.index, order.size);
        return param(order.get(n.index)!, n.name);
      }
      case "unary":
        return unary(n.op, walk(n.arg));
      case "binary": {
        const l = walk(n.left);
        return binary(n.op, l, walk(n.right));
      }
      default:
        return n;
    }
  };
  return walk(e);
}

describe("parse", () => {
  it("follows precedence and associativity", () => {
    expect(parse("1 + 2*3")).toEqual(binary("+", num(1), binary("*", num(2), num(3))));
    expect(parse("a - b - c")).toEqual(binary("-", binary("-", v("a"), v("b")), v("c")));
    expect(parse("a^b^c")).toEqual(binary("^", v("a"), binary("^", v("b"), v("c"))));
    expect(parse("a**b")).toEqual(binary("^", v("a"), v("b")));
    expect(parse("-x^2")).toEqual(unary("neg", binary("^", v("x"), num(2))));
    expect(parse("-2^2")).toEqual(unary("neg", binary("^", num(2), num(2))));
    expect(parse("-2*x")).toEqual(binary("*", num(-2), v("x")));
    expect(parse("x^-1")).toEqual(binary("^", v("x"), num(-1)));
    expect(parse("2*pi")).toEqual(binary("*", num(2), PI));
    expect(parse("1.5e-3 + .5 + 3.")).toEqual(binary("+", binary("+", num(0.0015), num(0.5)), num(3)));
  });

  it("knows the functions and their aliases", () => {
    expect(parse("ln(x)")).toEqual(unary("log", v("x")));
    expect(parse("arcsin(x) + arccos(x) + arctan(x)")).toEqual(
      binary("+", binary("+", unary("asin", v("x")), unary("acos", v("x"))), unary("atan", v("x"))),
    );
    expect(parse("min(x, 2)")).toEqual(binary("min", v("x"), num(2)));
    expect(parse("max(x, y)")).toEqual(binary("max", v("x"), v("y")));
  });

  it("turns identifiers that are not columns into params numbered by first appearance", () => {
    const e = parse("k*x^n + k + b", { variables: ["x"] });
    expect(e).toEqual(
      binary("+", binary("+", binary("*", param(0, "k"), binary("^", v("x"), param(1, "n"))), param(0, "k")), param(2, "b")),
    );
    expect(paramNamesOf(e)).toEqual(["k", "n", "b"]);
    expect(parse("2*pi*x", { variables: ["x"] })).toEqual(binary("*", binary("*", num(2), PI), v("x")));
  });

  it("reports errors with the column", () => {
    const cases: [string, RegExp, number][] = [
      ["", /empty/, 1],
      ["x +", /unexpected end/, 4],
      ["sin x", /needs its argument/, 1],
      ["foo(x)", /unknown function 'foo'/, 1],
      ["(x + 1", /missing '\)'/, 7],
      ["x + 1)", /unmatched '\)'/, 6],
      ["2x", /malformed number/, 1],
      ["x $ y", /unexpected character '\$'/, 3],
      ["min(x)", /takes 2 arguments/, 1],
      ["sin(x, y)", /takes 1 argument/, 1],
      ["x y", /unexpected 'y'/, 3],
      ["y = 2*x", /'=' is not allowed: a law is an expression/, 3],
      ["2x + 1", /malformed number '2x' \(write '2\*x' for a product\)/, 1],
      ["1.2.3", /malformed number '1.2.'/, 1],
    ];
    for (const [text, message, column] of cases) {
      let err: unknown;
      try {
        parse(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(ParseError);
      expect((err as ParseError).message, text).toMatch(message);
      expect((err as ParseError).column, text).toBe(column);
    }
  });

  it("refuses over-long and over-deep input quickly", () => {
    expect(() => parse("x+".repeat(MAX_PARSE_LENGTH) + "x")).toThrow(ParseError);
    expect(() => parse("(".repeat(5000) + "x" + ")".repeat(5000))).toThrow(/nested too deeply/);
    expect(() => parse("-".repeat(5000) + "x")).toThrow(/nested too deeply/);
    expect(() => parse("x^".repeat(3000) + "x")).toThrow(/nested too deeply/);
    expect(() => parse(Array.from({ length: 600 }, (_, i) => `x${i}`).join("+"))).toThrow(/nested too deeply/);
    expect(() => parse("sin(".repeat(3000) + "x" + ")".repeat(3000))).toThrow(/nested too deeply/);
  });

  it("parses every formula of the Feynman benchmark", async () => {
    const problems = readFeynmanProblems("data/feynman/FeynmanEquations.csv");
    expect(problems).toHaveLength(100);
    for (const p of problems) {
      const e = parse(p.formula, { variables: p.variables.map((v) => v.name) });
      expect(paramNamesOf(e), `${p.id}: ${p.formula}`).toEqual([]);
    }
  });
});

describe("toInfix", () => {
  it("prints readable infix", () => {
    expect(toInfix(parse("a*x^b + c"))).toBe("a*x^b + c");
    expect(toInfix(parse("x - (y - z)"))).toBe("x - (y - z)");
    expect(toInfix(parse("x/(y*z)"))).toBe("x/(y*z)");
    expect(toInfix(parse("(x^y)^z"))).toBe("(x^y)^z");
    expect(toInfix(parse("x * -2"))).toBe("x*(-2)");
    expect(toInfix(num(-3))).toBe("-3");
    expect(toInfix(unary("neg", num(3)))).toBe("-(3)");
  });

  it("substitutes fitted values", () => {
    const e = parse("a*x + b", { variables: ["x"] });
    expect(toInfix(e, [2.5, -1])).toBe("2.5*x + (-1)");
    expect(Number(toInfix(parse("c", { variables: [] }), [0.1 + 0.2]))).toBe(0.1 + 0.2);
  });

  it("round-trips: parse(toInfix(e)) equals e (property)", () => {
    fc.assert(
      fc.property(arbExpr({ params: true }), (e) => {
        const canon = renumberParams(e);
        const back = parse(toInfix(canon), { variables: [...VARS] });
        expect(back).toEqual(canon);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it("round-trips text written by people", () => {
    for (const text of ["exp(-theta^2/2)/sqrt(2*pi)", "G*m1*m2/((x2 - x1)^2 + (y2 - y1)^2)", "-a^-b", "min(x, -1)*max(-y, 2)"]) {
      const e = parse(text);
      expect(parse(toInfix(e))).toEqual(e);
    }
  });
});

describe("parser robustness (property)", () => {
  it("throws nothing but ParseError on arbitrary text", () => {
    const alphabet = fc.constantFrom(..."xy12.e+-*/^()pisnqrt, \t$_é".split(""), "sin(", "**", "min(", "pi", "1e999");
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(""))), (text) => {
        try {
          parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
          expect((e as ParseError).column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("rejects non-string input with ParseError", () => {
    expect(() => parse(undefined as unknown as string)).toThrow(ParseError);
    expect(() => parse(42 as unknown as string)).toThrow(ParseError);
  });
});
