import { describe, expect, it } from "vitest";
import { evidenceRows, type Evidence } from "../../src/core/evidence.js";
import { noiseScales } from "../../src/core/noise.js";
import { fitParams, parse } from "../../src/expr/index.js";
import { descriptionLength, fitLaw, lawSse, paramCurvature, rootMeanSquareError, rSquared, scoreLaw } from "../../src/mdl/index.js";

const law = (text: string, variables: string[] = ["x", "z"]) => parse(text, { variables });

describe("scoreLaw", () => {
  const x = Float64Array.from({ length: 50 }, (_, i) => i / 10);
  const z = Float64Array.from({ length: 50 }, (_, i) => Math.cos(i));
  const evidence: Evidence = { variables: ["x", "z"], columns: { x, z }, target: x.map((v, i) => 2 * v + 0.01 * Math.sin(7 * i)), targetName: "y" };

  it("prices with the evidence's variable count, so laws using fewer variables are charged alike", () => {
    const s = scoreLaw(law("a*x"), [2], evidence)!;
    const curvature = paramCurvature(law("a*x"), [2], evidence);
    expect(s.bits).toEqual(descriptionLength(law("a*x"), [2], evidence.target, s.predicted, { variableCount: 2, curvature }));
    expect(s.bits.model).toBeGreaterThan(descriptionLength(law("a*x"), [2], evidence.target, s.predicted, { curvature }).model);
    expect(s.r2).toBeGreaterThan(0.999);
    expect(s.rmse).toBeLessThan(0.02);
    expect(s.sse).toBeCloseTo(s.rmse ** 2 * 50, 12);
  });

  it("prefers the law that uses the right variable", () => {
    expect(scoreLaw(law("a*x"), [2], evidence)!.bits.total).toBeLessThan(scoreLaw(law("a*z"), [2], evidence)!.bits.total);
  });

  it("ignores rows whose target is not finite, in bits, R², RMSE and the criterion alike", () => {
    const withGaps: Evidence = { ...evidence, target: evidence.target.map((y, i) => (i % 7 === 3 ? NaN : i === 10 ? Infinity : y)) };
    const kept = Array.from({ length: 50 }, (_, i) => i).filter((i) => Number.isFinite(withGaps.target[i]));
    const a = scoreLaw(law("a*x + b"), [2, 0.1], withGaps)!;
    const b = scoreLaw(law("a*x + b"), [2, 0.1], evidenceRows(withGaps, kept))!;
    expect(a.bits).toEqual(b.bits);
    expect([a.r2, a.rmse, a.sse]).toEqual([b.r2, b.rmse, b.sse]);
  });

  it("cannot score a law that is not finite on a counted row, names a missing variable, or has no rows", () => {
    expect(scoreLaw(law("log(x - 1)"), [], evidence)).toBeUndefined();
    expect(scoreLaw(law("a*w", ["x", "z", "w"]), [1], evidence)).toBeUndefined();
    expect(scoreLaw(law("a*x"), [1], { ...evidence, target: evidence.target.map(() => NaN) })).toBeUndefined();
    // Not finite only where the target is missing: that row does not count.
    const gap: Evidence = { ...evidence, target: evidence.target.map((y, i) => (i === 10 ? NaN : y)) };
    expect(scoreLaw(law("1/(x - 1)"), [], gap)).toBeDefined();
  });

  it("gives R² 1 for a constant target matched exactly and 0 (not −∞) for one missed", () => {
    const flat: Evidence = { ...evidence, target: new Float64Array(50).fill(3) };
    expect(scoreLaw(law("c"), [3], flat)!.r2).toBe(1);
    const missed = scoreLaw(law("c"), [2.5], flat)!;
    expect(missed.r2).toBe(0);
    expect(missed.rmse).toBeCloseTo(0.5, 12);
    expect(Number.isFinite(missed.bits.total)).toBe(true);
  });

  it("weighs the criterion and the residual code by the noise scales, but not R² and RMSE", () => {
    const target = Float64Array.from(x, (v) => 1 + 10 * v);
    const plain: Evidence = { ...evidence, target };
    const scales = noiseScales(target, "relative")!;
    const weighted: Evidence = { ...plain, scales };
    const p = scoreLaw(law("a*x + b"), [9, 1.5], plain)!;
    const w = scoreLaw(law("a*x + b"), [9, 1.5], weighted)!;
    expect([w.r2, w.rmse]).toEqual([p.r2, p.rmse]);
    expect(w.sse).toBeCloseTo(Array.from(target).reduce((s, y, i) => s + ((9 * x[i] + 1.5 - y) / scales[i]) ** 2, 0), 9);
    expect(w.sse).not.toBeCloseTo(p.sse, 3);
    expect(w.bits).toEqual(descriptionLength(law("a*x + b"), [9, 1.5], target, w.predicted, { variableCount: 2, scales, curvature: paramCurvature(law("a*x + b"), [9, 1.5], weighted) }));
  });
});

describe("fitLaw", () => {
  const x = Float64Array.from({ length: 40 }, (_, i) => 0.5 + i / 8);
  const target = Float64Array.from(x, (v) => 3 * v ** 1.5);
  const evidence: Evidence = { variables: ["x"], columns: { x }, target, targetName: "y" };

  it("recovers constants by Levenberg–Marquardt with restarts", () => {
    const fit = fitLaw(law("a*x^b", ["x"]), evidence, { seed: 1 });
    expect(fit.params[0]).toBeCloseTo(3, 6);
    expect(fit.params[1]).toBeCloseTo(1.5, 6);
    expect(fit.sse).toBeLessThan(1e-12);
  });

  it("never returns constants worse than the ones it started from", () => {
    const expr = law("a*sin(b*x) + c", ["x"]);
    for (const init of [[3, 1.5, 0], [-1, 0.2, 4], [10, 7, -3], [1, 1]]) {
      const start = [init[0], init[1], init[2] ?? 1];
      const fit = fitLaw(expr, evidence, { init, restarts: 2, seed: 3, maxIterations: 5 });
      expect(fit.sse).toBeLessThanOrEqual(lawSse(expr, start, evidence));
      expect(fit.sse).toBeCloseTo(lawSse(expr, fit.params, evidence), 9);
    }
  });

  it("keeps the start when a fit polished after a subsample ends above it", () => {
    // 4000 rows: fitParams restarts on every other row (all 0) and polishes on all rows (half 0, half 10).
    const n = 4000;
    const y = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : 10));
    const big: Evidence = { variables: ["x"], columns: { x: new Float64Array(n) }, target: y, targetName: "y" };
    const expr = law("c", ["x"]);
    const raw = fitParams(expr, ["x"], [big.columns.x], y, { init: [5], restarts: 0, maxIterations: 1 });
    expect(raw.sse).toBeGreaterThan(lawSse(expr, [5], big));
    const fit = fitLaw(expr, big, { init: [5], restarts: 0, maxIterations: 1 });
    expect(fit.params).toEqual([5]);
    expect(fit.sse).toBe(lawSse(expr, [5], big));
  });

  it("fits by weighted least squares under noise scales", () => {
    const y = Float64Array.from([1, 100]);
    const two: Evidence = { variables: ["x"], columns: { x: new Float64Array(2) }, target: y, targetName: "y" };
    const unweighted = fitLaw(law("c", ["x"]), two, { seed: 0 });
    const weighted = fitLaw(law("c", ["x"]), { ...two, scales: noiseScales(y, "relative") }, { seed: 0 });
    expect(unweighted.params[0]).toBeCloseTo(50.5, 6);
    // Minimises (c − 1)² + ((c − 100)/100)²: c = (1 + 0.01)/(1 + 1e-4).
    expect(weighted.params[0]).toBeCloseTo(1.01 / 1.0001, 6);
  });

  it("pads missing starting constants with 1 and leaves a law without constants as it is", () => {
    expect(fitLaw(law("a*x + b", ["x"]), evidence, { init: [3], restarts: 0, maxIterations: 0 }).params).toEqual([3, 1]);
    const fixed = law("3*x^1.5", ["x"]);
    expect(fitLaw(fixed, evidence)).toEqual({ params: [], sse: lawSse(fixed, [], evidence), converged: true });
  });
});

describe("rSquared and rootMeanSquareError", () => {
  const y = [1, 2, 3, NaN];
  it("skip rows whose target is not finite", () => {
    expect(rSquared(y, [1, 2, 3, 99])).toBe(1);
    expect(rootMeanSquareError(y, [2, 3, 4, 99])).toBe(1);
    expect(rSquared(y, [2, 2, 2, 0])).toBeCloseTo(0, 12);
  });
  it("are −∞ and ∞ when a prediction on a counted row is not finite, and neutral without rows", () => {
    expect(rSquared(y, [1, NaN, 3, 0])).toBe(-Infinity);
    expect(rootMeanSquareError(y, [1, Infinity, 3, 0])).toBe(Infinity);
    expect(rootMeanSquareError([NaN], [0])).toBe(0);
    expect(rSquared([], [])).toBe(1);
  });
});
