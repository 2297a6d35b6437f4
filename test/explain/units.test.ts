import { describe, expect, it } from "vitest";
import { piReduction } from "../../src/explain/dimensional-analysis.js";
import { ExplainError } from "../../src/explain/errors.js";
import { explain } from "../../src/explain/index.js";
import { fitMonomials } from "../../src/explain/monomial.js";
import { nearestFraction } from "../../src/explain/rational.js";
import { leastSquares } from "../../src/explain/linalg.js";
import { makeEvidence } from "./helpers.js";

describe("numerical building blocks", () => {
  it("least squares recovers coefficients and drops a dependent column", () => {
    const x = Float64Array.from({ length: 20 }, (_, i) => i / 3);
    const ones = new Float64Array(20).fill(1);
    const twice = Float64Array.from(x, (a) => 2 * a);
    const y = Float64Array.from(x, (a) => 1.5 + 4 * a);
    const fit = leastSquares([ones, x, twice], y);
    expect(fit.fullRank).toBe(false);
    expect(fit.coef[0]).toBeCloseTo(1.5, 10);
    expect(fit.coef[1] + 2 * fit.coef[2]).toBeCloseTo(4, 10);
    expect(fit.sse).toBeLessThan(1e-20);
  });

  it("snaps to simple fractions", () => {
    expect(nearestFraction(0.49999, 6)).toEqual({ n: 1, d: 2 });
    expect(nearestFraction(-1.3334, 6)).toEqual({ n: -4, d: 3 });
    expect(nearestFraction(2.0001, 6)).toEqual({ n: 2, d: 1 });
  });

  it("log-linear monomial fit finds exponents 1, -2, 1/2", () => {
    const ev = makeEvidence(100, ["a", "b", "c"], (r) => 0.3 * r.a * Math.sqrt(r.c) / (r.b * r.b));
    const cands = fitMonomials(ev.variables, ev.variables.map((v) => ev.columns[v]), ev.target);
    expect(cands[0].exponents).toEqual({ a: { n: 1, d: 1 }, b: { n: -2, d: 1 }, c: { n: 1, d: 2 } });
    expect(cands[0].params[0]).toBeCloseTo(0.3, 12);
  });
});

describe("dimensional analysis (Buckingham π)", () => {
  // Dimension vectors over (m, s, kg).
  const length = [1, 0, 0];
  const speed = [1, -1, 0];
  const mass = [0, 0, 1];
  const time = [0, 1, 0];

  it("m = m0/sqrt(1 - v²/c²): carrier m0, one group v/c", () => {
    const red = piReduction(["m0", "v", "c"], [mass, speed, speed], mass);
    expect(red).not.toBeNull();
    expect(red!.carrier).toEqual({ m0: { n: 1, d: 1 } });
    expect(red!.groups).toHaveLength(1);
    const g = red!.groups[0].monomial;
    expect(Object.keys(g).sort()).toEqual(["c", "v"]);
  });

  it("x1 = (x - u t)/sqrt(1 - u²/c²): two groups", () => {
    const red = piReduction(["x", "u", "t", "c"], [length, speed, time, speed], length);
    expect(red!.groups).toHaveLength(2);
  });

  it("a target unit the inputs cannot make gives no reduction", () => {
    expect(piReduction(["x"], [length], mass)).toBeNull();
  });
});

describe("explain with units", () => {
  it("F = m*a with units", async () => {
    const ev = makeEvidence(100, ["m", "a"], (r) => r.m * r.a);
    ev.targetName = "F";
    ev.units = { F: "kg*m/s^2", m: "kg", a: "m/s^2" };
    const res = await explain(ev, { seed: 1, maxEvaluations: 100 });
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
  });

  it("m = m0*exp(-v/c) is exact through its single π group", async () => {
    const ev = makeEvidence(200, ["m0", "v", "c"], (r) => r.m0 * Math.exp(-r.v / r.c));
    ev.units = { y: "kg", m0: "kg", v: "m/s", c: "m/s" };
    const res = await explain(ev, { seed: 1, maxEvaluations: 200 });
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
    expect(res.law).toMatch(/exp/);
  });

  it("units contradicted by the data are reported and ignored", async () => {
    const ev = makeEvidence(100, ["m", "a"], (r) => r.m * r.a);
    ev.units = { y: "kg*m/s^2", m: "kg", a: "m/s" };
    const res = await explain(ev, { seed: 1, maxEvaluations: 100 });
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
    expect(res.warnings?.[0]).toMatch(/units/);
  });

  it("a missing unit is an ExplainError naming the column", async () => {
    const ev = makeEvidence(20, ["m", "a"], (r) => r.m * r.a);
    ev.units = { y: "kg*m/s^2", m: "kg" };
    const failure = explain(ev, { maxEvaluations: 10 });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow(/'a'/);
  });

  it("a unit outside the grammar is an ExplainError naming the unit and the column", async () => {
    const ev = makeEvidence(20, ["m", "a"], (r) => r.m * r.a);
    ev.units = { y: "kg*m/s^2", m: "kg", a: "furlong" };
    const failure = explain(ev, { maxEvaluations: 10 });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow(/^explain: bad unit 'furlong' for column 'a': /);
  });
});
