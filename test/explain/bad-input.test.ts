import { describe, expect, it } from "vitest";
import { WorldbreakerError } from "../../src/errors.js";
import { ExplainError } from "../../src/explain/errors.js";
import { explain } from "../../src/explain/index.js";
import { Rng } from "../../src/random/index.js";
import { makeEvidence } from "./helpers.js";

describe("bad input gives a clear error or a sensible answer", () => {
  it("empty data is an ExplainError, one of the WorldbreakerErrors the CLI and the server show as one line", async () => {
    const failure = explain({ variables: ["x"], columns: { x: new Float64Array(0) }, target: new Float64Array(0), targetName: "y" });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow(WorldbreakerError);
  });

  it("mismatched column lengths are an ExplainError naming the column", async () => {
    const failure = explain({ variables: ["x"], columns: { x: new Float64Array(3) }, target: new Float64Array(4), targetName: "y" });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow("explain: input 'x' has 3 values but the target 'y' has 4");
  });

  it("a constant target gives the constant law with R² 1", async () => {
    const ev = makeEvidence(50, ["x"], () => 4.25);
    const res = await explain(ev, { seed: 1, maxEvaluations: 100 });
    expect(res.law).toBe("4.25");
    expect(res.r2).toBe(1);
  });

  it("rows with NaN cells are dropped, the rest explained", async () => {
    const ev = makeEvidence(100, ["m", "a"], (r) => r.m * r.a);
    ev.columns.m[3] = NaN;
    ev.target[10] = Infinity;
    const res = await explain(ev, { seed: 1, maxEvaluations: 100 });
    expect(res.droppedRows).toBe(2);
    expect(res.r2).toBeGreaterThan(1 - 1e-12);
  });

  it("all rows NaN is an ExplainError", async () => {
    const ev = makeEvidence(5, ["x"], () => NaN);
    const failure = explain(ev, { maxEvaluations: 10 });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow(/non-finite/);
  });

  it("one row gives a constant law", async () => {
    const res = await explain({ variables: ["x"], columns: { x: Float64Array.of(2) }, target: Float64Array.of(7), targetName: "y" }, { maxEvaluations: 10 });
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
    const res = await explain({ variables, columns, target, targetName: "y" }, { seed: 1, maxEvaluations: 200 });
    expect((Date.now() - t0) / 1000).toBeLessThan(20);
    expect(res.law).toMatch(/x42/);
    expect(res.law).toMatch(/x9000/);
  });

  it("a bad warm-start law is an ExplainError naming it and the parser's complaint", async () => {
    const ev = makeEvidence(20, ["x"], (r) => r.x);
    const failure = explain(ev, { maxEvaluations: 10, warmStart: ["x +* 2"] });
    await expect(failure).rejects.toThrow(ExplainError);
    await expect(failure).rejects.toThrow(/^explain: warm-start law 1 'x \+\* 2': .*\(column \d+\)$/);
  });
});
