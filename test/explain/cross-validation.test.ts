import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/core/evidence.js";
import { noiseScales } from "../../src/core/noise.js";
import { parse } from "../../src/expr/index.js";
import { crossValidate, defaultFolds, foldAssignment, LEAVE_ONE_OUT_ROWS, signTestP } from "../../src/explain/cross-validation.js";
import { fitLaw } from "../../src/mdl/fit-and-score.js";
import { Rng } from "../../src/random/index.js";

function table(n: number, f: (x: number) => number, noise: number, seed = 1): Evidence {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n }, (_, i) => 1 + (9 * i) / (n - 1));
  const target = x.map((v) => f(v) + noise * rng.normal());
  return { variables: ["x"], columns: { x }, target, targetName: "y" };
}

const law = (text: string) => parse(text, { variables: ["x"] });

describe("foldAssignment", () => {
  it("deals rows into folds whose sizes differ by at most one, the same way for the same seed", () => {
    const folds = foldAssignment(23, 5, 7);
    const sizes = Array.from({ length: 5 }, (_, f) => folds.filter((g) => g === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(23);
    expect(Array.from(foldAssignment(23, 5, 7))).toEqual(Array.from(folds));
    expect(Array.from(foldAssignment(23, 5, 8))).not.toEqual(Array.from(folds));
  });

  it("is leave-one-out with as many folds as rows, and by default on small tables", () => {
    expect(Array.from(foldAssignment(6, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(defaultFolds(LEAVE_ONE_OUT_ROWS)).toBe(LEAVE_ONE_OUT_ROWS);
    expect(defaultFolds(150)).toBe(10);
  });
});

describe("crossValidate", () => {
  it("matches the closed form of leave-one-out for a straight line: residual e_i/(1 − h_ii)", () => {
    const ev = table(9, (x) => 3 * x + 2, 0.7);
    const line = law("a*x + b");
    const fit = fitLaw(line, ev, { init: [1, 1], restarts: 0, maxIterations: 200 });
    const x = ev.columns.x;
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const e = ev.target[i] - (fit.params[0] * x[i] + fit.params[1]);
      const h = 1 / n + (x[i] - mx) ** 2 / sxx;
      sse += (e / (1 - h)) ** 2;
    }
    const cv = crossValidate(line, fit.params, ev);
    expect(cv.folds).toBe(9);
    expect(cv.rmse).toBeCloseTo(Math.sqrt(sse / n), 6);
    expect(cv.error).toBe(cv.rmse);
  });

  it("ranks a saturating law above a constant on rising data, and a law without constants is just evaluated", () => {
    const ev = table(11, (x) => (200 * x) / (2 + x), 4);
    const mm = law("a*x/(b + x)");
    const mmFit = fitLaw(mm, ev, { init: [150, 1], restarts: 4 });
    const constant = law("c");
    const cFit = fitLaw(constant, ev, { init: [100] });
    expect(crossValidate(mm, mmFit.params, ev).rmse).toBeLessThan(crossValidate(constant, cFit.params, ev).rmse / 3);
    const fixed = crossValidate(law("200*x/(2 + x)"), [], ev);
    expect(fixed.rmse).toBeGreaterThan(0);
    expect(fixed.rmse).toBeLessThan(8);
  });

  it("cannot validate a law with more constants than a fold's training rows (no leak from the full fit)", () => {
    const ev = table(4, (x) => x * x, 0.1);
    const cubic = law("a + b*x + c*x^2 + d*x^3");
    const fit = fitLaw(cubic, ev, { init: [0, 0, 1, 0], restarts: 0, maxIterations: 200 });
    expect(crossValidate(cubic, fit.params, ev).error).toBe(Infinity);
    expect(Number.isFinite(crossValidate(law("a*x^2"), [1], ev).error)).toBe(true);
  });

  it("is Infinity when the law is undefined on a held-out row", () => {
    const ev = table(8, (x) => Math.sqrt(x), 0.01);
    expect(crossValidate(law("log(x - 2)"), [], ev).error).toBe(Infinity);
    expect(Number.isFinite(crossValidate(law("log(x + 2)"), [], ev).error)).toBe(true);
  });

  it("compares standardised errors under noise scales, and ignores rows with a missing target", () => {
    const ev = table(30, (x) => 10 ** (x / 3), 0);
    const rng = new Rng(2);
    const target = ev.target.map((y) => y * (1 + 0.03 * rng.normal()));
    target[4] = NaN;
    const scales = noiseScales(target, "relative")!;
    const weighted: Evidence = { ...ev, target, scales };
    const expo = law("a*exp(b*x)");
    const fit = fitLaw(expo, weighted, { init: [1, 0.7], restarts: 2 });
    const cv = crossValidate(expo, fit.params, weighted);
    expect(cv.folds).toBe(10);
    expect(Number.isFinite(cv.rmse)).toBe(true);
    // About 3 % relative error out of sample, far from the absolute error of values up to 2000.
    expect(cv.error).toBeGreaterThan(0.01);
    expect(cv.error).toBeLessThan(0.06);
    expect(cv.rmse).toBeGreaterThan(1);
  });
});

describe("signTestP", () => {
  it("is the upper tail of a fair coin's binomial", () => {
    expect(signTestP(6, 6)).toBeCloseTo(1 / 64, 15);
    expect(signTestP(5, 6)).toBeCloseTo(7 / 64, 15);
    expect(signTestP(0, 5)).toBe(1);
    expect(signTestP(9, 11)).toBeCloseTo((55 + 11 + 1) / 2048, 15);
    // Large tables: no overflow, and half the tosses is a coin.
    expect(signTestP(600, 1200)).toBeGreaterThan(0.5);
    expect(signTestP(700, 1200)).toBeLessThan(1e-8);
  });
});
