import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { explain } from "../../src/explain/index.js";
import { Rng } from "../../src/explain/rng.js";
import { makeEvidence } from "./helpers.js";

describe("bad input gives a clear error or a sensible answer", () => {
  it("empty data is a UserError", async () => {
    await expect(explain({ variables: ["x"], columns: { x: new Float64Array(0) }, target: new Float64Array(0), targetName: "y" })).rejects.toThrow(UserError);
  });

  it("mismatched column lengths are a UserError naming the column", async () => {
    await expect(explain({ variables: ["x"], columns: { x: new Float64Array(3) }, target: new Float64Array(4), targetName: "y" })).rejects.toThrow(/'x'/);
  });

  it("a constant target gives the constant law with R² 1", async () => {
    const ev = makeEvidence(50, ["x"], () => 4.25);
    const res = await explain(ev, { seed: 1, threads: 1, maxEvaluations: 100 });
    expect(res.law).toBe("4.25");
    expect(res.r2).toBe(1);
  });

  it("rows with NaN cells are dropped, the rest explained", async () => {
    const ev = makeEvidence(100, ["m", "a"], (r) => r.m * r.a);
    ev.columns.m[3] = NaN;
    ev.target[10] = Infinity;
    const res = await explain(ev, { seed: 1, threads: 1, maxEvaluations: 100 });
    expect(res.droppedRows).toBe(2);
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
  });

  it("all rows NaN is a UserError", async () => {
    const ev = makeEvidence(5, ["x"], () => NaN);
    await expect(explain(ev, { threads: 1, maxEvaluations: 10 })).rejects.toThrow(/non-finite/);
  });

  it("one row gives a constant law", async () => {
    const res = await explain({ variables: ["x"], columns: { x: Float64Array.of(2) }, target: Float64Array.of(7), targetName: "y" }, { threads: 1, maxEvaluations: 10 });
    expect(res.law).toBe("7");
  });

  it("10,000 columns: screened, answered quickly, no crash", async () => {
    const rng = new Rng(3);
    const n = 60;
    const variables = Array.from({ length: 10_000 }, (_, j) => `x${j}`);
    const columns: Record<string, Float64Array> = {};
    for (const v of variables) columns[v] = Float64Array.from({ length: n }, () => rng.uniform(1, 2));
    const target = Float64Array.from({ length: n }, (_, i) => 3 * columns.x42[i] * columns.x9000[i]);
    const t0 = Date.now();
    const res = await explain({ variables, columns, target, targetName: "y" }, { seed: 1, threads: 1, maxEvaluations: 200 });
    expect((Date.now() - t0) / 1000).toBeLessThan(20);
    expect(res.law).toMatch(/x42/);
    expect(res.law).toMatch(/x9000/);
  });

  it("a bad warm-start law is a UserError naming it", async () => {
    const ev = makeEvidence(20, ["x"], (r) => r.x);
    await expect(explain(ev, { threads: 1, maxEvaluations: 10, warmStart: ["x +* 2"] })).rejects.toThrow(/warm-start law 1/);
  });
});
