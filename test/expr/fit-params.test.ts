import { describe, expect, it } from "vitest";
import { fitParams, parse } from "../../src/expr/index.js";
import { normal, seededRandom } from "../../src/random/index.js";

function data(n: number, seed: number, f: (x: number, t: number) => number) {
  const rand = seededRandom(seed);
  const x = Float64Array.from({ length: n }, () => 1 + 4 * rand());
  const t = Float64Array.from({ length: n }, () => 0.5 + 2 * rand());
  const y = Float64Array.from({ length: n }, (_, i) => f(x[i], t[i]));
  return { x, t, y };
}

describe("fitParams", () => {
  it("recovers constants of nonlinear laws from noise-free data", () => {
    const cases: [string, (x: number, t: number) => number, number[]][] = [
      ["a*x^b + c", (x) => 2.5 * x ** 1.7 + 0.3, [2.5, 1.7, 0.3]],
      ["a*exp(-b*t)*sin(c*x)", (x, t) => 3 * Math.exp(-0.7 * t) * Math.sin(1.3 * x), [3, 0.7, 1.3]],
      ["a/(b + x)", (x) => 5 / (2 + x), [5, 2]],
      ["a*x + b*t", (x, t) => -1.5 * x + 4 * t, [-1.5, 4]],
    ];
    for (const [law, f, expected] of cases) {
      const { x, t, y } = data(300, 1, f);
      const r = fitParams(parse(law, { variables: ["x", "t"] }), ["x", "t"], [x, t], y, { seed: 1 });
      expect(r.sse, law).toBeLessThan(1e-16);
      r.params.forEach((p, j) => expect(p, `${law} param ${j}`).toBeCloseTo(expected[j], 7));
    }
  });

  it("fits noisy data to the least-squares optimum (matches the closed form of a line)", () => {
    const rand = seededRandom(4);
    const x = Float64Array.from({ length: 500 }, () => rand() * 10);
    const y = x.map((v) => 3 * v - 2 + normal(rand));
    const r = fitParams(parse("a*x + b", { variables: ["x"] }), ["x"], [x], y);
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
    }
    expect(r.params[0]).toBeCloseTo(sxy / sxx, 9);
    expect(r.params[1]).toBeCloseTo(my - (sxy / sxx) * mx, 9);
    expect(r.converged).toBe(true);
  });

  it("survives overflow, NaN regions and bad starts", () => {
    const { x, y } = data(200, 2, (x) => Math.exp(0.5 * x));
    const r = fitParams(parse("exp(a*x)", { variables: ["x"] }), ["x"], [x], y, { init: [800], seed: 3 });
    expect(r.params[0]).toBeCloseTo(0.5, 8);
    const g = data(200, 2, (x) => Math.log(x - 0.5));
    const r2 = fitParams(parse("log(x - a)", { variables: ["x"] }), ["x"], [g.x], g.y, { init: [3], seed: 3 });
    expect(r2.params[0]).toBeCloseTo(0.5, 6);
  });

  it("rescues a single start where the law is NaN (no restarts needed)", () => {
    const g = data(200, 7, (x) => Math.log(x - 0.5));
    const r = fitParams(parse("log(x - a)", { variables: ["x"] }), ["x"], [g.x], g.y, { init: [4], restarts: 0 });
    expect(r.params[0]).toBeCloseTo(0.5, 8);
  });

  it("returns Infinity when nothing finite exists", () => {
    const x = Float64Array.of(-1, -2, -3);
    const r = fitParams(parse("log(x) + a", { variables: ["x"] }), ["x"], [x], Float64Array.of(1, 2, 3));
    expect(r.sse).toBe(Infinity);
    expect(r.params).toHaveLength(1);
  });

  it("ignores rows with a non-finite target and handles laws without constants", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    const y = Float64Array.of(2, NaN, 6, 8);
    const r = fitParams(parse("a*x", { variables: ["x"] }), ["x"], [x], y);
    expect(r.params[0]).toBeCloseTo(2, 12);
    const c = fitParams(parse("2*x"), ["x"], [x], Float64Array.of(2, 4, 6, 9));
    expect(c).toEqual({ params: [], sse: 1, converged: true });
  });

  it("is deterministic for a seed, uses the subsample path on large data, and stops on abort", () => {
    const { x, y } = data(10_000, 5, (x) => 1.5 * Math.sin(2.2 * x + 0.4));
    const law = parse("a*sin(b*x + c)", { variables: ["x"] });
    const r1 = fitParams(law, ["x"], [x], y, { seed: 9, init: [1, 2, 0] });
    const r2 = fitParams(law, ["x"], [x], y, { seed: 9, init: [1, 2, 0] });
    expect(r1).toEqual(r2);
    expect(r1.sse).toBeLessThan(1e-12);
    const controller = new AbortController();
    controller.abort();
    const r3 = fitParams(law, ["x"], [x], y, { signal: controller.signal, restarts: 1000 });
    expect(r3.params).toHaveLength(3);
  });
});
