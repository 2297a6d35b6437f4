import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.js";
import { parse } from "../../src/expr/index.js";
import { makeEvidence } from "./helpers.js";

// A law outside the fast paths' reach, so the evolutionary search really runs.
// Four inputs, so the brute-force enumeration (up to three inputs) is skipped and tests stay fast.
const hard = () => makeEvidence(100, ["x", "z", "u", "w"], (r) => Math.exp(-r.x / (r.z + 0.5)) + Math.log(r.x * r.z + 2) + r.u / r.w, { seed: 5 });

describe("budgets, determinism and interruption", () => {
  it("same seed in-process gives the same law", async () => {
    const a = await explain(hard(), { seed: 7, maxEvaluations: 600 });
    const b = await explain(hard(), { seed: 7, maxEvaluations: 600 });
    expect(a.law).toBe(b.law);
    expect(a.bits.total).toBe(b.bits.total);
    expect(a.evaluations).toBe(b.evaluations);
  });

  it("respects the evaluation budget (it bounds the search; the fast paths cost the same each run)", async () => {
    const small = await explain(hard(), { seed: 1, maxEvaluations: 200 });
    const large = await explain(hard(), { seed: 1, maxEvaluations: 600 });
    const searchDifference = large.evaluations - small.evaluations;
    // Only the last epoch may overshoot, by at most one breeding step per island.
    expect(searchDifference).toBeGreaterThanOrEqual(400 - 8);
    expect(searchDifference).toBeLessThanOrEqual(400 + 8);
  });

  it("respects the wall-time budget", async () => {
    const t0 = Date.now();
    const res = await explain(hard(), { seed: 1, timeSeconds: 1 });
    expect((Date.now() - t0) / 1000).toBeLessThan(6);
    expect(res.r2).toBeGreaterThan(0.5);
  });

  it("an abort signal stops the search and still returns the best law so far", async () => {
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 300);
    const t0 = Date.now();
    const res = await explain(hard(), { seed: 1, timeSeconds: 60, signal: ctrl.signal });
    expect((Date.now() - t0) / 1000).toBeLessThan(8);
    expect(res.law.length).toBeGreaterThan(0);
    expect(Number.isFinite(res.bits.total)).toBe(true);
  });

  it("reports progress while searching", async () => {
    const seen: number[] = [];
    await explain(hard(), { seed: 1, timeSeconds: 1.5, onProgress: (p) => seen.push(p.evaluations) });
    expect(seen.length).toBeGreaterThan(0);
  });

  it("warm start: a given law with the right shape is refitted and kept", async () => {
    const ev = hard();
    const res = await explain(ev, { seed: 1, maxEvaluations: 50, warmStart: ["exp(-x/(z + a)) + log(x*z + b) + u/w"] });
    expect(res.r2).toBeGreaterThan(1 - 1e-10);
    expect(res.law).toContain("exp");
  });
});

describe("warm starts keep their constants", () => {
  // y = 3·exp(−0.5·x): the constants are far from 1, so a warm start whose constants were inlined as 1
  // and simplified away (exp(-x)) could not fit it; no search budget is left to rediscover it.
  const x = Float64Array.from({ length: 40 }, (_, i) => 0.25 * i);
  const ev = { variables: ["x"], columns: { x }, target: Float64Array.from(x, (v) => 3 * Math.exp(-0.5 * v)), targetName: "y" };

  it("a law given as text is refitted, constants and all", async () => {
    const res = await explain(ev, { seed: 1, maxEvaluations: 1, fastPaths: false, warmStart: ["a*exp(-b*x)"] });
    expect(res.r2).toBeGreaterThan(1 - 1e-9);
    expect(res.law).toContain("exp");
  });

  it("a tree with its fitted constants starts from them", async () => {
    const expr = parse("a*exp(-b*x)", { variables: ["x"] });
    const res = await explain(ev, { seed: 1, maxEvaluations: 1, fastPaths: false, warmStart: [{ expr, params: [2.9, 0.52] }] });
    expect(res.r2).toBeGreaterThan(1 - 1e-9);
  });
});
