import { describe, expect, it } from "vitest";
import { formatConstant, formatSignificant, formatWithUncertainty, roundLawText, shownConstants } from "../../src/expr/significant.js";
import { parse } from "../../src/expr/index.js";
import { sameForm } from "../../src/report/same-form.js";
import { bitsComparison, nextSteps, roundsPhrase } from "../../src/report/words.js";

describe("numbers a scientist can read", () => {
  it("rounds every constant of a law to 5 significant figures and leaves names with digits alone", () => {
    expect(roundLawText("499.0833978661466*cos(6.282202685501173*d*x/lambda) + 499.0612")).toBe("499.08*cos(6.2822*d*x/lambda) + 499.06");
    expect(roundLawText("x1^2 + c_2*3.0000001e-7 - 0.000123456789*x2")).toBe("x1^2 + c_2*3e-7 - 0.00012346*x2");
    expect(roundLawText("1234567.89*x")).toBe("1.2346e6*x");
    // The rounded text still parses, to the same form.
    const text = roundLawText("-4.031628021639896*exp(-(x - d/2000)^2)");
    expect(() => parse(text, { variables: ["x", "d"] })).not.toThrow();
  });

  it("shows uncertainty and recognised constants", () => {
    expect(formatWithUncertainty(499.0833978661466, 0.4128)).toBe("499.08 ± 0.41");
    expect(formatConstant({ value: 6.282202685501173, recognised: "2π" })).toBe("6.2822 (≈ 2π)");
    expect(formatConstant({ name: "c0", value: 2.5, stderr: 0 })).toBe("c0 = 2.5");
    expect(formatSignificant(-0.5)).toBe("-0.5");
    expect(shownConstants({ constants: [{ name: "a", value: 1.23456789, stderr: 0.01, recognised: null }, { value: "x" }] })).toEqual([{ name: "a", value: 1.23456789, stderr: 0.01 }]);
    // score's and explain's JSON name the recognised form by label
    expect(shownConstants({ constants: [{ name: "k", value: 6.2822, stderr: 0.001, recognised: { label: "2π", value: 2 * Math.PI } }] })).toEqual([{ name: "k", value: 6.2822, stderr: 0.001, recognised: "2π" }]);
    expect(shownConstants({})).toEqual([]);
  });

  it("says what bits compare and counts rounds one way", () => {
    expect(bitsComparison(200.4, 36)).toBe("the new law is 200 bits shorter than the old one on the same 36 measurements");
    expect(roundsPhrase(7)).toBe("7 rounds of experiments");
    expect(roundsPhrase(1)).toBe("1 round of experiments");
  });

  it("tells a reordered or refitted law from a different one", () => {
    const v = ["x", "d", "lambda"];
    expect(sameForm("499.1*cos(6.29*d*x/lambda) + 498", "497.2 + cos(-6.2853*x*d/lambda)*497.01", v)).toBe(true);
    expect(sameForm("2*x^2 + 1", "2*x^3 + 1", v)).toBe(false);
    expect(sameForm("2*x + 1", "2*sin(x) + 1", v)).toBe(false);
  });

  it("suggests extending a range that was not fully measured, and checking a recognised constant", () => {
    const steps = nextSteps({ inputs: [{ name: "x", min: 0, max: 10, unit: "mm" }], measured: { x: [1, 2, 3] }, r2: 0.9, constants: [{ name: "k", value: 6.2822, recognised: "2π" }] });
    expect(steps[0]).toBe("Extend the range: x was measured from 1 to 3 mm of the possible 0 to 10 mm; the law is untested outside.");
    expect(steps.some((s) => s.startsWith("Repeat at higher precision: the law accounts for 90.0%"))).toBe(true);
    expect(steps.some((s) => s.includes("k = 6.2822 matches 2π"))).toBe(true);
  });
});
