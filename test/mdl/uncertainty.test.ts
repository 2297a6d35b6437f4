import { describe, expect, it } from "vitest";
import { noiseScales } from "../../src/core/noise.js";
import { parse } from "../../src/expr/index.js";
import { constantUncertainties, fitLaw } from "../../src/mdl/index.js";
import { normal, seededRandom } from "../../src/random/index.js";

describe("constantUncertainties", () => {
  it("matches the closed-form standard errors of a straight line", () => {
    const rand = seededRandom(11);
    const n = 40;
    const x = Float64Array.from({ length: n }, () => 10 * rand());
    const y = x.map((v) => 3 * v - 2 + 0.5 * normal(rand));
    const data = { variables: ["x"], columns: { x }, target: y };
    const law = parse("a*x + b", { variables: ["x"] });
    const fit = fitLaw(law, data, { seed: 0 });
    const u = constantUncertainties(law, fit.params, data, "absolute");
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const sse = y.reduce((s, v, i) => s + (v - fit.params[0] * x[i] - fit.params[1]) ** 2, 0);
    const s2 = sse / (n - 2);
    expect(u.dof).toBe(n - 2);
    expect(u.residualVariance).toBeCloseTo(s2, 10);
    expect(u.constants.map((c) => c.name)).toEqual(["a", "b"]);
    expect(u.constants[0].stderr).toBeCloseTo(Math.sqrt(s2 / sxx), 10);
    expect(u.constants[1].stderr).toBeCloseTo(Math.sqrt(s2 * (1 / n + (mx * mx) / sxx)), 10);
    // The covariance of slope and intercept: −x̄·s²/Sxx.
    expect(u.covariance[1]).toBeCloseTo((-mx * s2) / sxx, 10);
  });

  it("weights rows by the noise model: relative noise gives the weighted closed form of y = a·x", () => {
    const rand = seededRandom(5);
    const x = Float64Array.from({ length: 30 }, (_, i) => 10 ** (i / 10));
    const y = x.map((v) => 2 * v * (1 + 0.05 * normal(rand)));
    const scales = noiseScales(y, "relative")!;
    const data = { variables: ["x"], columns: { x }, target: y, scales };
    const law = parse("a*x", { variables: ["x"] });
    const a = fitLaw(law, data).params[0];
    const sxx = x.reduce((s, v, i) => s + (v / scales[i]) ** 2, 0);
    expect(a).toBeCloseTo(x.reduce((s, v, i) => s + (v * y[i]) / scales[i] ** 2, 0) / sxx, 10);
    const chi2 = y.reduce((s, v, i) => s + ((v - a * x[i]) / scales[i]) ** 2, 0);
    const u = constantUncertainties(law, [a], data, "relative");
    expect(u.constants[0].stderr).toBeCloseTo(Math.sqrt(chi2 / 29 / sxx), 10);
    // About 5 % of 2 over √30 rows: the scatter, not the magnitude of the largest rows, sets it.
    expect(u.constants[0].stderr).toBeGreaterThan(0.01);
    expect(u.constants[0].stderr).toBeLessThan(0.03);
  });

  it("under poisson noise uses the counts' own variance (scale 1) unless they scatter more", () => {
    const y = Float64Array.from([98, 103, 101, 97, 100, 102, 99, 100]);
    const data = { variables: [], columns: {}, target: y, scales: noiseScales(y, "poisson") };
    const law = parse("c", { variables: [] });
    const u = constantUncertainties(law, [100], data, "poisson");
    const info = y.reduce((s, v) => s + 1 / v, 0);
    expect(u.residualVariance).toBe(1);
    expect(u.constants[0].stderr).toBeCloseTo(Math.sqrt(1 / info), 12);
    const wide = Float64Array.from([60, 140, 80, 120, 70, 130, 90, 110]);
    const over = constantUncertainties(law, [100], { ...data, target: wide, scales: noiseScales(wide, "poisson") }, "poisson");
    expect(over.residualVariance).toBeGreaterThan(1);
  });

  it("gives NaN for constants the data cannot separate and for too few rows", () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const data = { variables: ["x"], columns: { x }, target: Float64Array.from([2, 4, 6, 8.1]) };
    const u = constantUncertainties(parse("a*b*x", { variables: ["x"] }), [1, 2], data);
    expect(u.constants.every((c) => Number.isNaN(c.stderr))).toBe(true);
    const tiny = constantUncertainties(parse("a*x + b", { variables: ["x"] }), [2, 0], { ...data, columns: { x: x.subarray(0, 2) }, target: Float64Array.from([2, 4]) });
    expect(tiny.dof).toBe(0);
    expect(Number.isNaN(tiny.constants[0].stderr)).toBe(true);
  });
});
