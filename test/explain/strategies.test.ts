import { describe, expect, it } from "vitest";
import { add, mul, param, v } from "../../src/expr/ast.js";
import { toInfix } from "../../src/expr/index.js";
import { enumerateLaws } from "../../src/explain/enumeration.js";
import { buildFeatures } from "../../src/explain/features.js";
import { measure } from "../../src/explain/final-selection.js";
import { polishLaw } from "../../src/explain/polish.js";
import { Rng } from "../../src/random/index.js";
import { forwardSelect } from "../../src/explain/sparse-regression.js";

const rng = new Rng(11);
const x = Float64Array.from({ length: 64 }, () => rng.uniform(0.1, 0.9));

describe("brute-force enumeration", () => {
  it("finds exp(-x^2/2)/sqrt(2*pi) as a + b*f exactly", () => {
    const y = Float64Array.from(x, (a) => Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI));
    const { laws, evaluated } = enumerateLaws(["x"], [x], y, { maxSize: 7, maxTrees: 20_000 });
    expect(evaluated).toBeGreaterThan(100);
    expect(laws[0].sse).toBeLessThan(1e-24);
    expect(Math.abs(laws[0].a)).toBeLessThan(1e-9);
  });

  it("finds the Lorentz factor 1/sqrt(1 - x^2) in some exact form", () => {
    const y = Float64Array.from(x, (a) => 1 / Math.sqrt(1 - a * a));
    const { laws } = enumerateLaws(["x"], [x], y, { maxSize: 7, maxTrees: 20_000 });
    expect(laws[0].sse).toBeLessThan(1e-20);
  });

  it("stops at its deadline", () => {
    const y = Float64Array.from(x, (a) => Math.tan(a) * 3.3 + Math.cosh(a));
    const t0 = Date.now();
    enumerateLaws(["x"], [x], y, { maxSize: 12, maxTrees: 10_000_000, deadline: Date.now() + 200 });
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe("sparse linear-in-features models", () => {
  it("selects the two true features of y = 3*x^2 - 2*sin(z) + 1 and their coefficients", () => {
    const z = Float64Array.from({ length: 64 }, () => rng.uniform(0, 3));
    const y = Float64Array.from(x, (a, i) => 3 * a * a - 2 * Math.sin(z[i]) + 1);
    const models = forwardSelect(buildFeatures(["x", "z"], [x, z], { hingeKnots: 0 }), y, 4);
    const two = models.find((m) => m.terms === 2)!;
    expect(two.sse).toBeLessThan(1e-20);
    const text = toInfix(two.expr, two.params);
    expect(text).toMatch(/x\^2/);
    expect(text).toMatch(/sin\(z\)/);
  });
});

describe("polishing constants", () => {
  it("drops a negligible intercept and keeps the law exact", () => {
    const y = Float64Array.from(x, (a) => 2.5 * a);
    const law = measure({ expr: add(mul(param(0), v("x")), param(1)), params: [2.5, 1e-17], source: "test" }, { variables: ["x"], columns: [x], target: y }, 0)!;
    const polished = polishLaw(law, { variables: ["x"], columns: [x], target: y }, 0);
    expect(polished.params.length).toBeLessThan(law.params.length);
    expect(polished.bits.total).toBeLessThan(law.bits.total);
    expect(polished.r2).toBeGreaterThan(1 - 1e-12);
  });
});
