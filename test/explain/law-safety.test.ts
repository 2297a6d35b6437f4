import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { extendedRange, lawSafety, type SafetyData } from "../../src/explain/law-safety.js";

/** x evenly from lo to hi, y = f(x). */
function data(n: number, lo: number, hi: number, f: (x: number) => number): SafetyData {
  const x = Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return { variables: ["x"], columns: [x], target: x.map(f) };
}

const kinds = (law: string, d: SafetyData, params: number[] = []) => lawSafety(parse(law, { variables: [...d.variables] }), params, d).map((f) => f.kind);

describe("extendedRange", () => {
  it("extends a mixed-sign input by 10 % of its range on each side", () => {
    const [lo, hi] = extendedRange(Float64Array.of(-1, 0, 1));
    expect(lo).toBeCloseTo(-1.2, 12);
    expect(hi).toBeCloseTo(1.2, 12);
  });

  it("keeps a positive input positive: the smaller of 10 % of the range and 10 % of the decades", () => {
    const [lo, hi] = extendedRange(Float64Array.of(1, 50, 100));
    expect(lo).toBeCloseTo(100 ** -0.1, 12);
    expect(hi).toBeCloseTo(109.9, 12);
    const [a, b] = extendedRange(Float64Array.of(700, 900));
    expect(a).toBeCloseTo(Math.max(680, 700 * (700 / 900) ** 0.1), 9);
    expect(b).toBeCloseTo(Math.min(920, 900 * (900 / 700) ** 0.1), 9);
    const [c, d] = extendedRange(Float64Array.of(-100, -1));
    expect(c).toBeCloseTo(-109.9, 12);
    expect(d).toBeCloseTo(-(100 ** -0.1), 12);
  });
});

describe("lawSafety", () => {
  const rising = data(20, 1, 3, (x) => 1 + x * x);

  it("passes laws that are finite, bounded and of the data's sign near the data", () => {
    expect(kinds("1 + x^2", rising)).toEqual([]);
    expect(kinds("exp(x)", rising)).toEqual([]);
    // x^4.5 and log(x) on a positive input from 1 to 100: never checked at zero or below.
    expect(kinds("x^4.5 + log(x)", data(30, 1, 100, (x) => x ** 4.5 + Math.log(x)))).toEqual([]);
  });

  it("flags a law undefined within 10 % beyond the data", () => {
    // sqrt(x − 0.95) is NaN below 0.95; the check reaches down to 0.896.
    const flags = lawSafety(parse("sqrt(x - 0.95)"), [], rising);
    expect(flags.map((f) => f.kind)).toContain("undefined");
    expect(flags[0].message).toMatch(/undefined \(NaN\) at x = 0\.(89|9)/);
    expect(kinds("sqrt(x - 0.85)", rising)).toEqual([]);
  });

  it("flags a pole just beyond the data", () => {
    expect(kinds("1/(x - 3.1)", data(20, 1, 3, (x) => 1 / (x - 3.1)))).toEqual(expect.arrayContaining([expect.stringMatching(/pole|undefined/)]));
    expect(kinds("1/(x - 3.5)", data(20, 1, 3, (x) => 1 / (x - 3.5)))).toEqual([]);
  });

  it("flags a law that changes sign or falls to zero where every observed value is positive", () => {
    expect(kinds("5 - x*2", data(10, 0, 2, (x) => 5.2 - 2 * x))).toEqual([]);
    expect(kinds("4 - x*2", rising)).toContain("sign");
    // (x − 2)⁴ touches zero between two rows and never goes below it.
    const flags = lawSafety(parse("40*(x - 2.01)^4"), [], data(12, 1, 3, (x) => 1 + x));
    expect(flags.map((f) => f.kind)).toEqual(["sign"]);
    expect(flags[0].message).toMatch(/falls to zero between neighbouring rows/);
    // Negative data alike.
    expect(kinds("x - 2", data(10, 1, 3, (x) => -x))).toContain("sign");
  });

  it("reads only the inputs the law uses, however many the table has", () => {
    const x = rising.columns[0];
    const many: SafetyData = {
      variables: ["x", ...Array.from({ length: 5000 }, (_, j) => `z${j}`)],
      columns: [x, ...Array.from({ length: 5000 }, () => new Float64Array(x.length))],
      target: rising.target,
    };
    expect(kinds("sqrt(x - 0.95)", many)).toContain("undefined");
    expect(kinds("1 + x^2", many)).toEqual([]);
  });
});
