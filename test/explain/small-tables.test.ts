import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/core/evidence.js";
import { variablesOf } from "../../src/expr/index.js";
import { explain } from "../../src/explain/explain.js";
import { Rng } from "../../src/random/index.js";

/** A Michaelis–Menten-like rising table: rate = 210·s/(0.6 + s) with 4 % scatter, at the given substrate levels. */
function saturating(s: number[], seed: number): Evidence {
  const rng = new Rng(seed);
  const conc = Float64Array.from(s);
  const rate = conc.map((v) => ((210 * v) / (0.6 + v)) * (1 + 0.04 * rng.normal()));
  return { variables: ["s"], columns: { s: conc }, target: rate, targetName: "rate" };
}

describe("explain on tiny saturating tables", () => {
  const tables: [string, number[]][] = [
    ["6 rows", [0.1, 0.25, 0.5, 1, 2, 4]],
    ["11 rows", [0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 0.9, 1.4, 2, 3, 4]],
  ];
  for (const [name, s] of tables) {
    it(`does not return a constant for steadily rising data (${name}) and reports the held-out error`, async () => {
      const ev = saturating(s, 7);
      const res = await explain(ev, { seed: 1, maxEvaluations: 1500 });
      expect(variablesOf(res.expr)).toEqual(["s"]);
      expect(res.r2).toBeGreaterThan(0.9);
      expect(res.crossValidation?.folds).toBe(s.length);
      // Far better than predicting each held-out row by the mean of the others (the constant's error).
      const mean = ev.target.reduce((a, y) => a + y, 0) / s.length;
      const sd = Math.sqrt(ev.target.reduce((a, y) => a + (y - mean) ** 2, 0) / (s.length - 1));
      expect(res.crossValidation!.rmse).toBeLessThan(sd / 2);
    });
  }
});
