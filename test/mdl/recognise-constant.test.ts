import { describe, expect, it } from "vitest";
import { recogniseConstant } from "../../src/mdl/index.js";

describe("recogniseConstant", () => {
  it("recognises simple numbers within two standard errors", () => {
    expect(recogniseConstant(6.2822, 0.001)?.label).toBe("2π");
    expect(recogniseConstant(3.14159, 1e-5)?.label).toBe("π");
    expect(recogniseConstant(0.5001, 0.001)?.label).toBe("1/2");
    expect(recogniseConstant(4.4584, 0.03)?.label).toBe("9/2");
    expect(recogniseConstant(-1.4142, 0.001)).toMatchObject({ label: "-√2", value: -Math.SQRT2 });
    expect(recogniseConstant(2.7183, 0.0002)?.label).toBe("e");
    expect(recogniseConstant(0.33334, 1e-4)?.value).toBeCloseTo(1 / 3, 15);
  });

  it("offers nothing outside two standard errors, for a vague fit, or without an uncertainty", () => {
    expect(recogniseConstant(6.29, 0.001)).toBeUndefined();
    expect(recogniseConstant(1.2345, 1e-4)).toBeUndefined();
    // ±5 on 7.3: stating the fit costs under a bit, less than any exact number.
    expect(recogniseConstant(7.3, 5)).toBeUndefined();
    expect(recogniseConstant(2, NaN)).toBeUndefined();
    expect(recogniseConstant(0, 0.1)).toBeUndefined();
  });

  it("prefers the simpler of two numbers within reach", () => {
    // 3 and π are both within 2σ of 3.07 ± 0.1; 3 comes first in the catalogue.
    expect(recogniseConstant(3.07, 0.1)?.label).toBe("3");
    expect(recogniseConstant(3.07, 0.1)?.sigmas).toBeCloseTo(0.7, 10);
  });
});
