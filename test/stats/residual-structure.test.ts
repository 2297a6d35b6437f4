import { describe, expect, it } from "vitest";
import { lag1Autocorrelation, residualStructure, runsTest } from "../../src/stats/residual-structure.js";
import { normalSurvival } from "../../src/stats/normal-distribution.js";
import { normal, seededRandom } from "../../src/random/index.js";

describe("residual structure", () => {
  it("computes the runs test by its textbook formulas", () => {
    // + + + − − −: 2 runs; expected 1 + 2·3·3/6 = 4; variance 2·9·(18 − 6)/(36·5) = 1.2.
    const r = runsTest([1, 2, 3, -1, -2, -3]);
    expect(r.runs).toBe(2);
    expect(r.expected).toBe(4);
    expect(r.z).toBeCloseTo(-2 / Math.sqrt(1.2), 12);
    expect(r.pValue).toBeCloseTo(1 - normalSurvival(r.z), 12);
    expect(runsTest([1, 0, 1, 1]).pValue).toBe(1);
  });

  it("has a normal tail accurate to the 7th digit", () => {
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
    expect(normalSurvival(1.959963985)).toBeCloseTo(0.025, 7);
    expect(normalSurvival(-1)).toBeCloseTo(0.841344746, 7);
  });

  it("computes lag-1 autocorrelation", () => {
    expect(lag1Autocorrelation([1, -1, 1, -1, 1, -1])).toBeCloseTo(-5 / 6, 12);
    expect(lag1Autocorrelation([1, 2])).toBe(0);
  });

  it("finds no structure in noise and finds the curvature a straight line leaves in a parabola", () => {
    const rand = seededRandom(3);
    const x = Float64Array.from({ length: 60 }, () => rand());
    const z = Float64Array.from({ length: 60 }, () => rand());
    const noise = Float64Array.from({ length: 60 }, () => normal(rand));
    const clean = residualStructure(noise, [x, z], ["x", "z"]);
    expect(clean.structured).toBe(false);
    expect(clean.pValue).toBeGreaterThan(0.05);
    expect(clean.byInput.map((s) => s.variable)).toEqual(["x", "z"]);
    // y = x² fitted by the best line: residuals + − + along x (three long runs).
    const bent = x.map((v) => v * v - (v - 1 / 6) + 0.01 * normal(rand));
    const s = residualStructure(bent, [x, z], ["x", "z"]);
    expect(s.structured).toBe(true);
    expect(s.byInput[0].runs.runs).toBeLessThan(8);
    expect(s.byInput[0].lag1).toBeGreaterThan(0.8);
    expect(s.byInput[0].lag1PValue).toBeLessThan(1e-6);
    expect(s.byInput[1].runs.pValue).toBeGreaterThan(0.01);
  });
});
