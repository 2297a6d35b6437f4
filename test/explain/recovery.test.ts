import { describe, expect, it } from "vitest";
import { compile } from "../../src/expr/index.js";
import { explain } from "../../src/explain/index.js";
import { makeEvidence } from "./helpers.js";

/** Max relative deviation of the found law from the truth on the evidence rows. */
function maxRelError(res: Awaited<ReturnType<typeof explain>>, ev: ReturnType<typeof makeEvidence>): number {
  const pred = compile(res.expr, ev.variables).evaluate(ev.variables.map((v) => ev.columns[v]), res.params);
  let worst = 0;
  for (let i = 0; i < pred.length; i++) worst = Math.max(worst, Math.abs(pred[i] - ev.target[i]) / Math.max(1e-12, Math.abs(ev.target[i])));
  return worst;
}

describe("explain recovers easy laws within a small evaluation budget", () => {
  it("F = m*a (monomial fast path)", async () => {
    const ev = makeEvidence(200, ["m", "a"], (r) => r.m * r.a);
    ev.targetName = "F";
    const res = await explain(ev, { seed: 1, maxEvaluations: 200 });
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
    expect(maxRelError(res, ev)).toBeLessThan(1e-9);
    expect(res.complexity).toBeLessThanOrEqual(5);
    expect(res.target).toBe("F");
  });

  it("y = 2.5*x^2 + 1 (linear-in-features fast path)", async () => {
    const ev = makeEvidence(200, ["x"], (r) => 2.5 * r.x * r.x + 1);
    const res = await explain(ev, { seed: 1, maxEvaluations: 200 });
    expect(maxRelError(res, ev)).toBeLessThan(1e-9);
    expect(res.law).toMatch(/x\^2/);
  });

  it("y = sin(x)*exp(-t)", async () => {
    const ev = makeEvidence(200, ["x", "t"], (r) => Math.sin(r.x) * Math.exp(-r.t));
    const res = await explain(ev, { seed: 1, maxEvaluations: 300 });
    expect(maxRelError(res, ev)).toBeLessThan(1e-8);
    expect(res.law).toMatch(/sin\(x\)/);
  });

  it("y = x^1.5/sqrt(z) (exponents snapped to simple fractions)", async () => {
    const ev = makeEvidence(300, ["x", "z"], (r) => 0.7 * r.x ** 1.5 / Math.sqrt(r.z));
    const res = await explain(ev, { seed: 2, maxEvaluations: 200 });
    expect(maxRelError(res, ev)).toBeLessThan(1e-9);
  });

  it("y = x/(x + 1.5) is found by the evolutionary search alone", async () => {
    const ev = makeEvidence(200, ["x"], (r) => r.x / (r.x + 1.5));
    const res = await explain(ev, { seed: 1, maxEvaluations: 3000, fastPaths: false });
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
    expect(maxRelError(res, ev)).toBeLessThan(1e-8);
  });

  it("noisy data: the true law beats overfitting by description length", async () => {
    const ev = makeEvidence(150, ["x"], (r) => 3 * r.x + 2, { noise: 0.05 });
    const res = await explain(ev, { seed: 1, maxEvaluations: 150 });
    expect(res.complexity).toBeLessThanOrEqual(5);
    expect(res.r2).toBeGreaterThan(0.99);
    // The Pareto front is sorted by complexity and its error never increases.
    for (let k = 1; k < res.pareto.length; k++) {
      expect(res.pareto[k].complexity).toBeGreaterThan(res.pareto[k - 1].complexity);
      expect(res.pareto[k].rmse).toBeLessThanOrEqual(res.pareto[k - 1].rmse);
    }
    expect(res.pareto.some((p) => p.law === res.law)).toBe(true);
  });
});
