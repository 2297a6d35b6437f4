import { describe, expect, it } from "vitest";
import { fitParams, parse } from "../../src/expr/index.js";
import { normal, seededRandom } from "../../src/random/index.js";
import { noiseScales } from "../../src/core/noise.js";

/** y = 3·exp(−1.7·x) over x ∈ [0, 5.5] (four decades) with 2 % multiplicative Gaussian noise. */
function decayData(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rand = seededRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (5.5 * i) / (n - 1);
    y[i] = 3 * Math.exp(-1.7 * x[i]) * (1 + 0.02 * normal(rand));
  }
  return { x, y };
}

describe("weighted least squares (fitParams scales)", () => {
  const law = parse("a*exp(-b*x)", { variables: ["x"] });

  it("recovers constants under multiplicative noise an order of magnitude more accurately than the unweighted fit", () => {
    let plainErr = 0;
    let weightedErr = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { x, y } = decayData(200, seed);
      const plain = fitParams(law, ["x"], [x], y, { seed });
      const weighted = fitParams(law, ["x"], [x], y, { seed, scales: noiseScales(y, "relative") });
      // Relative error of the decay rate b: the constant the tail of the data pins down.
      plainErr += Math.abs(plain.params[1] / 1.7 - 1);
      weightedErr += Math.abs(weighted.params[1] / 1.7 - 1);
      expect(weighted.params[0]).toBeCloseTo(3, 1);
    }
    expect(weightedErr / 8).toBeLessThan(0.003);
    expect(plainErr / weightedErr).toBeGreaterThan(10);
  });

  it("returns the weighted criterion as sse, and scales of 1 give exactly the unweighted fit", () => {
    const { x, y } = decayData(120, 3);
    const ones = new Float64Array(y.length).fill(1);
    const plain = fitParams(law, ["x"], [x], y, { seed: 2 });
    const unit = fitParams(law, ["x"], [x], y, { seed: 2, scales: ones });
    expect(unit.params).toEqual(plain.params);
    expect(unit.sse).toBe(plain.sse);
    const g = noiseScales(y, "relative")!;
    const weighted = fitParams(law, ["x"], [x], y, { seed: 2, scales: g });
    let s = 0;
    for (let i = 0; i < y.length; i++) s += ((weighted.params[0] * Math.exp(-weighted.params[1] * x[i]) - y[i]) / g[i]) ** 2;
    expect(weighted.sse).toBeCloseTo(s, 10);
    // Standardised residuals of a 2 % noise: their mean square is about 0.02².
    expect(Math.sqrt(weighted.sse / y.length)).toBeGreaterThan(0.015);
    expect(Math.sqrt(weighted.sse / y.length)).toBeLessThan(0.025);
  });

  it("ignores rows whose scale is not positive and finite, like rows with a missing target", () => {
    const { x, y } = decayData(60, 5);
    const g = noiseScales(y, "relative")!;
    const bad = Float64Array.from(g);
    bad[10] = 0;
    bad[20] = NaN;
    const yMissing = Float64Array.from(y);
    yMissing[10] = NaN;
    yMissing[20] = NaN;
    const a = fitParams(law, ["x"], [x], y, { seed: 1, scales: bad });
    const b = fitParams(law, ["x"], [x], yMissing, { seed: 1, scales: g });
    expect(a.params).toEqual(b.params);
    expect(() => fitParams(law, ["x"], [x], y, { scales: g.subarray(1) })).toThrow(/59 scales for 60 rows/);
  });

  it("weights the subsampled restarts and the final polish alike on large data", () => {
    const { x, y } = decayData(4000, 9);
    const g = noiseScales(y, "relative")!;
    const fit = fitParams(law, ["x"], [x], y, { seed: 1, scales: g, subsample: 500 });
    expect(Math.abs(fit.params[1] / 1.7 - 1)).toBeLessThan(0.002);
  });
});
