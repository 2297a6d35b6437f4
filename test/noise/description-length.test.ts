import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { normal, seededRandom } from "../../src/random/index.js";
import { dataBits, defaultPrecision, descriptionLength, lawBits } from "../../src/mdl/description-length.js";
import { noiseScales, scaleBits } from "../../src/core/noise.js";

function sample(n: number, seed: number): { y: Float64Array; f: Float64Array } {
  const rand = seededRandom(seed);
  const y = new Float64Array(n);
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = 10 ** (4 * rand() - 2);
    y[i] = f[i] * (1 + 0.02 * normal(rand));
  }
  return { y, f };
}

/** The unscaled code of the module formula, written out independently: n·max(0, ½·log2(2πe·σ̂²/ε²)). */
function plainCode(y: ArrayLike<number>, f: ArrayLike<number>, eps: number): number {
  let sse = 0;
  for (let i = 0; i < y.length; i++) sse += (f[i] - y[i]) ** 2;
  const perRow = 0.5 * Math.log2((2 * Math.PI * Math.E * (sse / y.length)) / (eps * eps));
  return y.length * Math.max(0, perRow);
}

describe("residual code with noise scales", () => {
  it("equals the unscaled code of the standardised residuals plus Σ log2 g_i", () => {
    const { y, f } = sample(300, 1);
    const g = noiseScales(y, "relative")!;
    const eps = 1e-9;
    const ys = Float64Array.from(y, (v, i) => v / g[i]);
    const fs = Float64Array.from(f, (v, i) => v / g[i]);
    const expected = dataBits(ys, fs, { precision: eps }) + scaleBits(y, g);
    expect(dataBits(y, f, { precision: eps, scales: g })).toBeCloseTo(expected, 6);
    expect(dataBits(ys, fs, { precision: eps })).toBeCloseTo(plainCode(ys, fs, eps), 6);
  });

  it("is the same number as before when scales are absent, and scales of 1 change nothing", () => {
    const { y, f } = sample(200, 2);
    const eps = defaultPrecision(y);
    expect(dataBits(y, f)).toBeCloseTo(plainCode(y, f, eps), 9);
    // Scales of 1 sum the same per-row bits one row at a time: equal up to rounding.
    expect(dataBits(y, f, { scales: new Float64Array(y.length).fill(1) })).toBeCloseTo(dataBits(y, f), 9);
    const law = parse("a*x", { variables: ["x"] });
    const bits = descriptionLength(law, [1], y, f, { variableCount: 2 });
    expect(bits.model).toBe(lawBits(law, 200, { variableCount: 2 }));
    expect(bits.data).toBe(dataBits(y, f));
  });

  it("never charges a row negative bits: rows recorded more coarsely than their noise cost 0", () => {
    // Half the rows sit far below the precision (their noise width s·g_i ≪ ε), half far above it.
    const n = 100;
    const y = new Float64Array(n);
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const level = i < n / 2 ? 1e-9 : 1e3;
      f[i] = level;
      y[i] = level * (1 + 0.02 * (i % 2 === 0 ? 1 : -1));
    }
    const g = noiseScales(y, "relative")!;
    const eps = 0.1;
    const bits = dataBits(y, f, { precision: eps, scales: g });
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += ((y[i] - f[i]) / g[i]) ** 2 / n;
    let expected = 0;
    for (let i = 0; i < n; i++) expected += Math.max(0, 0.5 * Math.log2((2 * Math.PI * Math.E * s2 * g[i] * g[i]) / (eps * eps)));
    expect(bits).toBeCloseTo(expected, 6);
    // The tiny rows are floored at 1e-3 of the median level and still sit below ε: they cost nothing.
    expect(0.5 * Math.log2((2 * Math.PI * Math.E * s2 * g[0] * g[0]) / (eps * eps))).toBeLessThan(0);
    // The unclamped formula would subtract bits for the tiny rows; the clamp keeps the total at least the big rows' share.
    const unclamped = n * 0.5 * Math.log2((2 * Math.PI * Math.E * s2) / (eps * eps)) + scaleBits(y, g);
    expect(unclamped).toBeLessThan(bits);
    expect(bits).toBeGreaterThan(0);
  });

  it("ranks laws on the same evidence by the same differences however the scales are shifted", () => {
    // Σ log2 g_i is common to every law: multiplying all scales by 8 adds exactly 3 bits per row to every law.
    const { y, f } = sample(150, 3);
    const f2 = Float64Array.from(f, (v) => v * 1.01);
    const g = noiseScales(y, "relative")!;
    const g8 = Float64Array.from(g, (v) => v * 8);
    const eps = 1e-12;
    const d1 = dataBits(y, f2, { precision: eps, scales: g }) - dataBits(y, f, { precision: eps, scales: g });
    const d8 = dataBits(y, f2, { precision: eps, scales: g8 }) - dataBits(y, f, { precision: eps, scales: g8 });
    expect(d8).toBeCloseTo(d1, 6);
    expect(d1).toBeGreaterThan(0);
  });

  it("rejects scales of the wrong length and costs Infinity for a law that is NaN on a row", () => {
    const { y, f } = sample(10, 4);
    expect(() => dataBits(y, f, { scales: new Float64Array(9) })).toThrow(/9 scales for 10 rows/);
    const bad = Float64Array.from(f);
    bad[3] = NaN;
    expect(dataBits(y, bad, { scales: noiseScales(y, "relative") })).toBe(Infinity);
  });
});

describe("noise scales from the observations", () => {
  it("relative: |y| floored at 1e-3 of the median |y|; poisson: sqrt(max(y, 1)); absolute: none", () => {
    const y = Float64Array.from([0, -2, 4, 100, NaN, 1e-9]);
    // Finite magnitudes 0, 1e-9, 2, 4, 100 → median 2, floor 0.002.
    expect(Array.from(noiseScales(y, "relative")!)).toEqual([0.002, 2, 4, 100, 1, 0.002]);
    expect(Array.from(noiseScales(Float64Array.from([0, 0.5, 4, 9]), "poisson")!)).toEqual([1, 1, 2, 3]);
    expect(noiseScales(y, "absolute")).toBeUndefined();
    expect(noiseScales(y, undefined)).toBeUndefined();
    // Mostly zeros: the floor falls back to 1e-3 of the largest |y|, never to 0.
    expect(Array.from(noiseScales(Float64Array.from([0, 0, 0, 50]), "relative")!)).toEqual([0.05, 0.05, 0.05, 50]);
    expect(Array.from(noiseScales(Float64Array.from([0, 0]), "relative")!)).toEqual([1, 1]);
  });
});
