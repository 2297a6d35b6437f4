import { describe, expect, it } from "vitest";
import { chooseNoise, positiveDecades } from "../../src/explain/noise-default.js";

describe("default noise model", () => {
  it("fits relative errors for a positive target over more than two decades, and says why", () => {
    const d = chooseNoise([3e-9, 1e-6, 2e-4, 3e-4]);
    expect(d.kind).toBe("relative");
    expect(d.automatic).toBe(true);
    expect(d.decades).toBeCloseTo(5, 5);
    expect(d.message).toBe("target spans 5.0 decades: fitting relative errors; pass --noise absolute to override");
  });

  it("keeps absolute errors for a narrow range, a zero or a sign change", () => {
    expect(chooseNoise([1, 50, 99]).kind).toBe("absolute");
    expect(chooseNoise([0, 1e-6, 1e3]).kind).toBe("absolute");
    expect(chooseNoise([-1e-6, 1e3]).kind).toBe("absolute");
    expect(chooseNoise([1, 99]).message).toBeUndefined();
  });

  it("never overrides the user's model", () => {
    const d = chooseNoise([1e-6, 1e3], "absolute");
    expect(d).toEqual({ kind: "absolute", automatic: false, decades: expect.closeTo(9, 6) });
    expect(chooseNoise([1, 2], "poisson").kind).toBe("poisson");
  });

  it("measures decades over the finite values only", () => {
    expect(positiveDecades([1, NaN, 100, Infinity])).toBeCloseTo(2, 10);
    expect(positiveDecades([NaN])).toBeNull();
  });
});
