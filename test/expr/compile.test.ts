import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile, compiledKernelCount, compileGradient, compileJacobian, derivative, evaluateAt, interpret, parse, toInfix, ParseError } from "../../src/expr/index.js";
import { seededRandom } from "../../src/random/index.js";
import { UnknownVariableError } from "../../src/expr/errors.js";
import { arbExpr, VARS } from "./arbitraries.js";

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}

function columns(n: number, seed: number): Float64Array[] {
  const rand = seededRandom(seed);
  return VARS.map(() => Float64Array.from({ length: n }, () => (rand() - 0.3) * 6));
}

describe("compile", () => {
  it("evaluates a law over columns", () => {
    const f = compile(parse("a*x^2 + sin(y)/b", { variables: ["x", "y"] }), ["x", "y"]);
    const out = f.evaluate([Float64Array.of(1, 2, 3), Float64Array.of(0, Math.PI / 2, 0)], [2, 4]);
    expect(Array.from(out)).toEqual([2, 8.25, 18]);
  });

  it("gives bit-identical values in every tier: generated kernel, column-wise and tree-walking interpreters (property)", () => {
    const cols = columns(40, 3);
    fc.assert(
      fc.property(arbExpr({ params: true }), (e) => {
        const params = [1.5, -0.25, 3];
        const fast = compile(e, VARS, { tier: "eager" }).evaluate(cols, params);
        const columnwise = compile(e, VARS, { tier: "interpret" }).evaluate(cols, params);
        const slow = interpret(e, VARS, cols, params);
        for (let i = 0; i < cols[0].length; i++) {
          if (!sameNumber(fast[i], slow[i]) || !sameNumber(columnwise[i], slow[i])) {
            throw new Error(`${toInfix(e)} row ${i}: compiled ${fast[i]}, column-wise ${columnwise[i]}, interpreted ${slow[i]}`);
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("propagates NaN and Infinity without throwing", () => {
    const f = compile(parse("log(x) + 1/y + sqrt(x)"), ["x", "y"]);
    const out = f.evaluate([Float64Array.of(-1, 1, NaN), Float64Array.of(1, 0, 1)], []);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(Infinity);
    expect(Number.isNaN(out[2])).toBe(true);
  });

  it("reads columns by position, so names never reach generated code", () => {
    const hostile = "x\u2028}); globalThis.pwned = 1; (function(){";
    const e = { kind: "var", name: hostile } as const;
    const out = compile(e, [hostile]).evaluate([Float64Array.of(7)], []);
    expect(out[0]).toBe(7);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it("refuses malformed nodes instead of generating code from them", () => {
    const badNum = { kind: "num", value: "1; globalThis.pwned=1" } as unknown as Parameters<typeof compile>[0];
    expect(Number.isNaN(compile(badNum, []).evaluate([], [], new Float64Array(1))[0])).toBe(true);
    const badOp = { kind: "unary", op: "constructor", arg: { kind: "num", value: 1 } } as unknown as Parameters<typeof compile>[0];
    expect(() => compile(badOp, [])).toThrow(/unknown unary operator/);
    const badParam = { kind: "param", index: "0]; globalThis.pwned=1; P[0", name: "c" } as unknown as Parameters<typeof compile>[0];
    expect(() => compile(badParam, [])).toThrow(/invalid param index/);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it("names a variable the columns lack", () => {
    expect(() => compile(parse("x + q"), ["x"])).toThrow(UnknownVariableError);
    expect(() => compile(parse("x + q"), ["x"])).toThrow(/'q'/);
    expect(() => compile(parse("x + q"), ["x"])).not.toThrow(ParseError);
  });

  it("caches kernels by structure (other names, same code)", () => {
    compile(parse("alpha*beta + sin(alpha)"), ["alpha", "beta"], { tier: "eager" });
    const before = compiledKernelCount();
    const g = compile(parse("u*w + sin(u)"), ["u", "w"], { tier: "eager" });
    expect(compiledKernelCount()).toBe(before);
    expect(g.evaluate([Float64Array.of(2), Float64Array.of(3)], [])[0]).toBeCloseTo(6 + Math.sin(2), 15);
  });

  it("generates code only once a law has been evaluated on enough rows", () => {
    const law = parse("x*y + 0.123456789*x");
    const before = compiledKernelCount();
    const f = compile(law, ["x", "y"]);
    const small = [new Float64Array(1000).fill(2), new Float64Array(1000).fill(3)];
    const first = f.evaluate(small, []);
    expect(compiledKernelCount()).toBe(before);
    for (let k = 0; k < 99; k++) f.evaluate(small, []);
    expect(compiledKernelCount()).toBe(before + 1);
    expect(Array.from(f.evaluate(small, []))).toEqual(Array.from(first));
    const g = compile(parse("x*y - 0.987654321*x"), ["x", "y"]);
    g.evaluate([new Float64Array(50_000), new Float64Array(50_000)], []);
    expect(compiledKernelCount()).toBe(before + 2);
  });

  it("uses the out buffer and evaluates constant laws over its length", () => {
    const out = new Float64Array(4);
    const r = compile(parse("2*pi"), []).evaluate([], [], out);
    expect(r).toBe(out);
    expect(Array.from(out)).toEqual([2 * Math.PI, 2 * Math.PI, 2 * Math.PI, 2 * Math.PI]);
  });
});

describe("derivatives", () => {
  it("match central finite differences for every function (property)", () => {
    fc.assert(
      fc.property(arbExpr({ maxDepth: 4 }), fc.double({ min: 0.2, max: 1.4, noNaN: true }), (e, x0) => {
        const d = derivative(e, "x");
        const point = { x: x0, y: 0.7, z: -0.4 };
        const h = 1e-6;
        const fd = (evaluateAt(e, { ...point, x: x0 + h }) - evaluateAt(e, { ...point, x: x0 - h })) / (2 * h);
        const exact = evaluateAt(d, point);
        if (!Number.isFinite(fd) || !Number.isFinite(exact) || Math.abs(fd) > 1e4) return;
        const curvature = Math.abs(evaluateAt(e, { ...point, x: x0 + 1e-3 }) - 2 * evaluateAt(e, point) + evaluateAt(e, { ...point, x: x0 - 1e-3 })) / 1e-6;
        if (!(curvature < 1e4)) return; // near poles or kinks finite differences are meaningless
        expect(exact).toBeCloseTo(fd, 3);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it("compileJacobian returns the value and d/dparam for each param (both tiers)", () => {
    const e = parse("a*exp(-b*x) + c", { variables: ["x"] });
    const x = Float64Array.of(0, 1, 2);
    for (const tier of ["eager", "interpret"] as const) {
      const j = compileJacobian(e, ["x"], { tier });
      const { value, dParams } = j.evaluate([x], [2, 0.5, 1]);
      expect(j.paramCount).toBe(3);
      for (let i = 0; i < 3; i++) {
        const ex = Math.exp(-0.5 * x[i]);
        expect(value[i]).toBeCloseTo(2 * ex + 1, 14);
        expect(dParams[0][i]).toBeCloseTo(ex, 14);
        expect(dParams[1][i]).toBeCloseTo(-2 * x[i] * ex, 14);
        expect(dParams[2][i]).toBe(1);
      }
    }
  });

  it("compileGradient returns d/dvariable for each variable (both tiers)", () => {
    const e = parse("a*x^2*sin(y)", { variables: ["x", "y"] });
    const x = Float64Array.of(1, 2);
    const y = Float64Array.of(0.5, 1);
    for (const tier of ["eager", "interpret"] as const) {
      const { value, dVariables } = compileGradient(e, ["x", "y"], { tier }).evaluate([x, y], [3]);
      for (let i = 0; i < 2; i++) {
        expect(value[i]).toBeCloseTo(3 * x[i] ** 2 * Math.sin(y[i]), 14);
        expect(dVariables[0][i]).toBeCloseTo(6 * x[i] * Math.sin(y[i]), 14);
        expect(dVariables[1][i]).toBeCloseTo(3 * x[i] ** 2 * Math.cos(y[i]), 14);
      }
    }
  });
});
