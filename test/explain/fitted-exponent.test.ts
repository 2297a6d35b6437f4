import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { hasFittedExponentOfDimensioned } from "../../src/explain/fitted-exponent.js";
import { paretoFront, type MeasuredLaw } from "../../src/explain/final-selection.js";

describe("fitted exponents under declared units", () => {
  const dims = { m: [1, 0, 0], a: [0, 1, -2], u: [0, 0, 0] };
  const law = (s: string) => parse(s, { variables: ["m", "a", "u"] });

  it("flags a fitted power of a dimensioned input, and only that", () => {
    expect(hasFittedExponentOfDimensioned(law("c0*m^c1*a"), dims)).toBe(true);
    expect(hasFittedExponentOfDimensioned(law("c0*(m*a)^(c1 + 1)"), dims)).toBe(true);
    expect(hasFittedExponentOfDimensioned(law("c0*m^2*a^0.5*exp(c1/m)"), dims)).toBe(false);
    expect(hasFittedExponentOfDimensioned(law("c0*u^c1*m"), dims)).toBe(false);
  });
});

describe("Pareto front ties", () => {
  const measured = (complexity: number, sse: number, bits: number, hash: string): MeasuredLaw =>
    ({ complexity, sse, bits: { model: 0, data: bits, total: bits }, hash, law: hash, expr: { kind: "num", value: 0 }, params: [], r2: 0, rmse: 0, source: "t" }) as MeasuredLaw;

  it("keeps the shorter of two laws of one complexity whose errors agree to 1e-9", () => {
    const literal = measured(10, 1.0, 574, "literal exponent");
    const fitted = measured(10, 1.0 + 1e-12, 521, "fitted exponent");
    const front = paretoFront([measured(1, 5, 600, "constant"), literal, fitted]);
    expect(front.map((l) => l.hash)).toEqual(["constant", "fitted exponent"]);
  });

  it("still prefers the smaller error when the errors differ", () => {
    const front = paretoFront([measured(10, 1.0, 574, "better"), measured(10, 1.1, 521, "worse")]);
    expect(front.map((l) => l.hash)).toEqual(["better"]);
  });
});
