import { describe, expect, it } from "vitest";
import { parseNistStrd, readNistStrd } from "../../src/data/nist-strd.js";
import { fitParams, paramNamesOf, parse } from "../../src/expr/index.js";

describe("NIST StRD reader", () => {
  it("reads the model, both starts, the certified values and the data", () => {
    const p = readNistStrd("data/nist-strd/Misra1a.dat");
    expect(p.name).toBe("Misra1a");
    expect(p.model).toBe("b1*(1-exp(-b2*x))");
    expect(p.params).toEqual(["b1", "b2"]);
    expect(p.start1).toEqual([500, 0.0001]);
    expect(p.start2).toEqual([250, 0.0005]);
    expect(p.certified).toEqual([2.3894212918e2, 5.5015643181e-4]);
    expect(p.certifiedStdDev).toEqual([2.7070075241e0, 7.2668688436e-6]);
    expect(p.certifiedRss).toBe(1.2455138894e-1);
    expect(p.predictors).toEqual(["x"]);
    expect(p.y).toHaveLength(14);
    expect(p.x[0][0]).toBe(77.6);
  });

  it("reads multi-line models, log responses and two predictors", () => {
    expect(readNistStrd("data/nist-strd/Hahn1.dat").model).toBe("(b1+b2*x+b3*x^2+b4*x^3) / (1+b5*x+b6*x^2+b7*x^3)");
    expect(readNistStrd("data/nist-strd/Roszman1.dat").model).toBe("b1 - b2*x - atan(b3/(x-b4))/pi");
    const nelson = readNistStrd("data/nist-strd/Nelson.dat");
    expect(nelson.logResponse).toBe(true);
    expect(nelson.predictors).toEqual(["x1", "x2"]);
  });

  it("names the file and line of a malformed file", () => {
    expect(() => parseNistStrd("Model:\n  y = b1*x + e\nStarting values\n  b1 = 1 2\n", "bad")).toThrow(/^bad:4: expected start 1/);
  });

  it("MGH10 from start 1 (where the textbook Levenberg–Marquardt fails) reaches the certified values to 6 digits", () => {
    const p = readNistStrd("data/nist-strd/MGH10.dat");
    const expr = parse(p.model, { variables: p.predictors });
    const order = paramNamesOf(expr).map((n) => p.params.indexOf(n));
    const fit = fitParams(expr, p.predictors, p.x, p.y, { init: order.map((j) => p.start1[j]) });
    fit.params.forEach((v, e) => expect(Math.abs(v / p.certified[order[e]] - 1)).toBeLessThan(1e-6));
    expect(fit.converged).toBe(true);
  });
});
