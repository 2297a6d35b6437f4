import { describe, expect, it } from "vitest";
import { fitParams, parse } from "../../src/expr/index.js";
import { linearParams, exponentParams } from "../../src/expr/fit-starts.js";
import { leastSquaresQr } from "../../src/expr/fit-qr.js";
import { seededRandom } from "../../src/random/index.js";

describe("robust constant fitting", () => {
  it("recovers constants of very different magnitudes from the default start (Arrhenius with R inside)", () => {
    const rand = seededRandom(2);
    const s = Float64Array.from({ length: 40 }, () => 30 * Math.pow(200 / 30, rand()));
    const T = Float64Array.from({ length: 40 }, () => 730 + 140 * rand());
    const y = s.map((v, i) => 2.5e-9 * v ** 3.2 * Math.exp(-190_000 / (8.314 * T[i])));
    const law = parse("A*s^n*exp(-Q/(8.314*T))", { variables: ["s", "T"] });
    const r = fitParams(law, ["s", "T"], [s, T], y, { scales: y.map(Math.abs) });
    expect(r.converged).toBe(true);
    expect(r.params[0] / 2.5e-9).toBeCloseTo(1, 6);
    expect(r.params[1]).toBeCloseTo(3.2, 8);
    expect(r.params[2] / 190_000).toBeCloseTo(1, 8);
    expect(r.report?.starts).toBeGreaterThan(1);
  });

  it("reports what it tried when a fit does not converge", () => {
    const x = Float64Array.from({ length: 30 }, (_, i) => i / 3);
    const y = x.map((v) => 3 * Math.exp(-0.4 * v) + 1);
    const r = fitParams(parse("a*exp(-b*x) + c", { variables: ["x"] }), ["x"], [x], y, { restarts: 0, maxIterations: 1, init: [1, 3, 0] });
    expect(r.converged).toBe(false);
    expect(r.report).toMatchObject({ starts: 1, screened: 0, stop: "maxIterations", iterations: 1 });
    expect(r.report?.bestSse).toBe(r.sse);
  });

  it("finds the constants a law is jointly affine in, and its exponents", () => {
    const names = (text: string) => linearParams(parse(text, { variables: ["x"] }));
    expect(names("b1*exp(-b2*x) + b3*exp(-b4*x) + b5")).toEqual([0, 2, 4]);
    expect(names("a*b*x")).toEqual([0]);
    expect(names("(a + b*x)/(1 + c*x)")).toEqual([0, 1]);
    expect(names("x^a")).toEqual([]);
    expect([...exponentParams(parse("a*x^n + x^m", { variables: ["x"] }))].sort()).toEqual([1, 2]);
  });

  it("fits sums of exponentials from no start by solving the amplitudes exactly", () => {
    const x = Float64Array.from({ length: 24 }, (_, i) => i * 0.05);
    const y = x.map((v) => 0.0951 * Math.exp(-v) + 0.8607 * Math.exp(-3 * v) + 1.5576 * Math.exp(-5 * v));
    const r = fitParams(parse("b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)", { variables: ["x"] }), ["x"], [x], y);
    expect(r.sse).toBeLessThan(1e-20);
    // The terms may come back in any order; the rates as a set are the truth.
    expect([r.params[1], r.params[3], r.params[5]].sort((a, b) => a - b).map((v) => Number(v.toFixed(6)))).toEqual([1, 3, 5]);
  });

  it("among optima equal but for signs the law cannot see, returns the start's signs (positive from no start)", () => {
    const x = Float64Array.from({ length: 60 }, (_, i) => i / 6);
    const y = x.map((v) => 2 * Math.exp(-0.5 * ((v - 4) / 1.5) ** 2) + 0.7 * Math.sin((2 * Math.PI * v) / 3.3));
    const law = parse("(a/s)*exp(-0.5*((x - m)/s)^2) + b*sin(2*pi*x/p)", { variables: ["x"] });
    const r = fitParams(law, ["x"], [x], y, { seed: 1 });
    expect(r.sse).toBeLessThan(1e-18);
    // Params in order of appearance: a, s, m, b, p. (a, s) → (−a, −s) and (b, p) → (−b, −p) fit alike.
    expect(r.params[1]).toBeCloseTo(1.5, 8);
    expect(r.params[4]).toBeCloseTo(3.3, 8);
    const flipped = fitParams(law, ["x"], [x], y, { seed: 1, init: [-3, -1, 4, -1, -3] });
    expect(flipped.params[1]).toBeCloseTo(-1.5, 8);
    expect(flipped.params[4]).toBeCloseTo(-3.3, 8);
  });

  it("solves least squares by QR to the conditioning of the matrix, not its square", () => {
    // A degree-7 polynomial on [1, 2]: cond ≈ 1e9, so the normal equations (cond² ≈ 1e18) would lose every digit.
    const n = 50;
    const x = Float64Array.from({ length: n }, (_, i) => 1 + i / (n - 1));
    const truth = [1, -2, 3, -1, 0.5, 2, -3, 1];
    const cols = truth.map((_, p) => x.map((v) => v ** p));
    const b = x.map((v) => truth.reduce((s, c, p) => s + c * v ** p, 0));
    const sol = leastSquaresQr(cols, b)!;
    sol.forEach((v, p) => expect(v).toBeCloseTo(truth[p], 4));
    expect(leastSquaresQr([x, x], b)).toBeNull();
  });
});
