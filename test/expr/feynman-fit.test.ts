import { describe, expect, it } from "vitest";
import { readFeynmanProblems } from "../../src/data/feynman.js";
import { symboliseConstants } from "../../bench/expr-fitting.js";
import { compile, fitParams, parse, toInfix } from "../../src/expr/index.js";
import { seededRandom } from "../../src/random/index.js";

describe("constant fitting on Feynman formulas", () => {
  it("recovers every constant of the first formulas with constants (exponents included) from noise-free data", () => {
    const problems = readFeynmanProblems("data/feynman/FeynmanEquations.csv").slice(0, 25);
    let tried = 0;
    for (const p of problems) {
      const vars = p.variables.map((v) => v.name);
      const truthExpr = parse(p.formula, { variables: vars });
      const { law, truth } = symboliseConstants(truthExpr);
      if (truth.length === 0) continue;
      tried += 1;
      const rand = seededRandom(3);
      const columns = p.variables.map((v) => Float64Array.from({ length: 200 }, () => v.low + (v.high - v.low) * rand()));
      const target = compile(truthExpr, vars).evaluate(columns, []);
      const fit = fitParams(law, vars, columns, target, { seed: 1 });
      const predicted = compile(law, vars).evaluate(columns, fit.params);
      let worst = 0;
      for (let i = 0; i < target.length; i++) worst = Math.max(worst, Math.abs(predicted[i] - target[i]) / Math.max(Math.abs(target[i]), 1e-12));
      expect(worst, `${p.id}: ${toInfix(law)} → ${toInfix(law, fit.params)}`).toBeLessThan(1e-7);
    }
    expect(tried).toBeGreaterThanOrEqual(15);
  });
});
