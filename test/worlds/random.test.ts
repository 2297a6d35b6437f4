import { describe, expect, it } from "vitest";
import { logGamma, streamFor } from "../../src/worlds/random.js";

describe("per-experiment random streams", () => {
  it("are identical for the same (seed, index) and differ between indices and seeds", () => {
    const a = Array.from({ length: 5 }, () => streamFor(7, 3).next());
    expect(new Set(a).size).toBe(1);
    const draws = (seed: number, index: number) => [streamFor(seed, index).next(), streamFor(seed, index).normal()];
    expect(draws(7, 3)).toEqual(draws(7, 3));
    expect(draws(7, 3)).not.toEqual(draws(7, 4));
    expect(draws(7, 3)).not.toEqual(draws(8, 3));
  });

  it("draws uniforms in [0, 1) and standard normals with the right moments", () => {
    const rng = streamFor(1, 0);
    let sum = 0;
    let sumSq = 0;
    let lo = 1;
    let hi = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(sumSq / n).toBeCloseTo(1, 1);
  });

  it.each([0.5, 4, 12, 150, 5000])("samples Poisson(%f) with matching mean and variance", (mean) => {
    const rng = streamFor(2, 1);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(mean);
      expect(Number.isInteger(k) && k >= 0).toBe(true);
      s += k;
      s2 += k * k;
    }
    const m = s / n;
    const v = s2 / n - m * m;
    // Five standard errors of the mean; variance within 5 %.
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    expect(Math.abs(v / mean - 1)).toBeLessThan(0.05);
  });

  it("computes log Γ exactly at integers and half-integers", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});
