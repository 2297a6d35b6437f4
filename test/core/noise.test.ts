import { describe, expect, it } from "vitest";
import { NoiseKindError } from "../../src/core/errors.js";
import { isNoiseKind, NOISE_KINDS, noiseScales, parseNoiseKind, RELATIVE_FLOOR, scaleBits, scaledSquaredError } from "../../src/core/noise.js";

describe("noise models", () => {
  it("names exactly the three models, in any case and with spaces around", () => {
    expect([...NOISE_KINDS]).toEqual(["absolute", "relative", "poisson"]);
    expect(isNoiseKind("relative")).toBe(true);
    expect(isNoiseKind("Relative")).toBe(false);
    expect(isNoiseKind(3)).toBe(false);
    expect(parseNoiseKind(" Poisson ")).toBe("poisson");
  });

  it("rejects other names with a NoiseKindError that lists the allowed ones and keeps the text", () => {
    let caught: unknown;
    try {
      parseNoiseKind("gaussian");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NoiseKindError);
    expect((caught as NoiseKindError).value).toBe("gaussian");
    expect((caught as Error).message).toBe("noise must be one of absolute, relative, poisson, got 'gaussian'");
  });

  it("gives no scales for absolute noise, |y| floored for relative, sqrt(max(y, 1)) for counts, 1 where y is not finite", () => {
    const y = Float64Array.from([0, 2, -4, NaN, 100]);
    expect(noiseScales(y, "absolute")).toBeUndefined();
    expect(noiseScales(y, undefined)).toBeUndefined();
    // median |y| of the finite rows is 3, so the floor is 3e-3.
    expect(Array.from(noiseScales(y, "relative")!)).toEqual([RELATIVE_FLOOR * 3, 2, 4, 1, 100]);
    expect(Array.from(noiseScales(Float64Array.from([0, 0.25, 9, Infinity]), "poisson")!)).toEqual([1, 1, 3, 1]);
    expect(Array.from(noiseScales(Float64Array.from([0, 0]), "relative")!)).toEqual([1, 1]);
  });

  it("shares Σ log2 g over finite rows, and weighs squared errors by the scales", () => {
    const y = Float64Array.from([1, 4, NaN]);
    expect(scaleBits(y, Float64Array.from([2, 8, 1024]))).toBe(1 + 3);
    const pred = Float64Array.from([2, 2]);
    const target = Float64Array.from([1, 4]);
    expect(scaledSquaredError(pred, target)).toBe(1 + 4);
    expect(scaledSquaredError(pred, target, Float64Array.from([1, 2]))).toBe(1 + 1);
  });
});
