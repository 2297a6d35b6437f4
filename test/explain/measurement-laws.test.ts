import { describe, expect, it } from "vitest";
import { compile } from "../../src/expr/index.js";
import { Rng } from "../../src/random/index.js";
import { noiseScales } from "../../src/core/noise.js";
import { chooseByBits, measure, paretoFront, type Candidate, type FinalData, type MeasuredLaw } from "../../src/explain/final-selection.js";
import type { FamilyLaw } from "../../src/explain/law-family-fit.js";
import { measurementLawCandidates } from "../../src/explain/measurement-laws.js";
import { piecewiseLinearLaws } from "../../src/explain/piecewise-linear-law.js";
import { powerExpSubsets } from "../../src/explain/power-exp-law.js";
import { riseDecayLaws } from "../../src/explain/rise-decay-law.js";
import { saturatingLaws } from "../../src/explain/saturating-law.js";
import { BILINEAR, CREEP, bilinearTable, creepTable } from "./measurement-tables.js";
import type { Evidence } from "../../src/core/evidence.js";

/** One input x on [lo, hi] (evenly spaced), y = f(x)·(1 + rel·N(0,1)). */
function oneInput(f: (x: number) => number, lo: number, hi: number, rows = 40, rel = 0, seed = 3): FinalData {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: rows }, (_, i) => lo + ((hi - lo) * i) / (rows - 1));
  const y = Float64Array.from(x, (t) => f(t) * (1 + rel * rng.normal()));
  return { variables: ["x"], columns: [x], target: y };
}

function finalData(e: Evidence, scales?: Float64Array): FinalData {
  return { variables: e.variables, columns: e.variables.map((v) => e.columns[v]), target: e.target, ...(scales ? { scales } : {}) };
}

/** The family's law with the given source, refitted and measured on all rows. */
function refit(laws: FamilyLaw[], source: string, data: FinalData): MeasuredLaw {
  const law = laws.find((l) => l.source === source);
  expect(law, source).toBeDefined();
  const m = measure({ expr: law!.expr, params: law!.params, source, literalsFixed: true }, data, 0);
  expect(m).not.toBeNull();
  return m!;
}

/** The law of least description length among the candidates. */
function chosen(cands: readonly Candidate[], data: FinalData): MeasuredLaw {
  const laws = cands.map((c) => measure(c, data, 0)).filter((m): m is MeasuredLaw => m !== null);
  const best = chooseByBits(paretoFront(laws));
  expect(best).not.toBeNull();
  return best!;
}

/** Largest difference between the law and `f` on the data's inputs, relative to the largest |f|. */
function worstRelative(law: MeasuredLaw, data: FinalData, f: (x: number) => number): number {
  const pred = compile(law.expr, data.variables).evaluate(data.columns, law.params);
  let worst = 0;
  let scale = 0;
  data.columns[0].forEach((x, i) => {
    worst = Math.max(worst, Math.abs(pred[i] - f(x)));
    scale = Math.max(scale, Math.abs(f(x)));
  });
  return worst / scale;
}

describe("power–exponential fast path", () => {
  it("selects log σ and 1/T for the creep table and estimates n and Q/R", () => {
    const e = creepTable();
    const subsets = powerExpSubsets(e.variables, finalData(e).columns, e.target, { scales: noiseScales(e.target, "relative") });
    const two = subsets.find((s) => s.features.length === 2)!;
    expect(two.features.map((f) => `${f.kind}:${f.variable}`).sort()).toEqual(["inverse:T_K", "power:stress_MPa"]);
    const n = two.features.find((f) => f.kind === "power")!.coef;
    const q = -two.features.find((f) => f.kind === "inverse")!.coef;
    expect(n).toBeGreaterThan(CREEP.n - 0.3);
    expect(n).toBeLessThan(CREEP.n + 0.3);
    expect(q / (CREEP.Q / CREEP.R)).toBeGreaterThan(0.9);
    expect(q / (CREEP.Q / CREEP.R)).toBeLessThan(1.1);
  });

  // The end-to-end choice over every strategy is in test/cli/explain.test.ts; here, among the measurement laws.
  it("gives the creep table the Norton–Arrhenius law by description length under relative noise", () => {
    const e = creepTable();
    const scales = noiseScales(e.target, "relative");
    const data = finalData(e, scales);
    const { candidates } = measurementLawCandidates(data.variables, data.columns, data.target, { scales });
    const best = chosen(candidates, data);
    const m = best.law.match(/^([\d.e-]+)\*stress_MPa\^([\d.]+)\*exp\(-([\d.]+)\/T_K\)$/);
    expect(m, best.law).not.toBeNull();
    expect(Number(m![2])).toBeCloseTo(CREEP.n, 0);
    expect(Number(m![3]) / (CREEP.Q / CREEP.R)).toBeGreaterThan(0.9);
    expect(Number(m![3]) / (CREEP.Q / CREEP.R)).toBeLessThan(1.1);
  });

  it("recovers Eyring's k = c·T·exp(−b/T) exactly", () => {
    const rows = 30;
    const t = Float64Array.from({ length: rows }, (_, i) => 280 + 5 * i);
    const p = Float64Array.from({ length: rows }, (_, i) => 1 + ((i * 7) % 5));
    const y = Float64Array.from(t, (x) => 2.08e10 * x * Math.exp(-9000 / x));
    const data: FinalData = { variables: ["T", "p"], columns: [t, p], target: y };
    const { candidates, exact } = measurementLawCandidates(data.variables, data.columns, data.target);
    expect(exact).toBe(true);
    const best = chosen(candidates, data);
    expect(best.r2).toBeGreaterThan(1 - 1e-10);
    const rate = best.law.match(/^T\*[\d.e+]+\*exp\(-([\d.]+)\/T\)$/);
    expect(rate, best.law).not.toBeNull();
    expect(Number(rate![1])).toBeCloseTo(9000, 4);
  });

  it("offers nothing for a target that changes sign", () => {
    const data = oneInput((x) => x - 1, 0, 2);
    expect(powerExpSubsets(data.variables, data.columns, data.target)).toEqual([]);
  });
});

describe("saturating fast path", () => {
  it("recovers Michaelis–Menten 5·x/(2 + x)", () => {
    const f = (x: number) => (5 * x) / (2 + x);
    const data = oneInput(f, 0.1, 20);
    const law = refit(saturatingLaws("x", data.columns[0], data.target, null), "saturating-mm", data);
    expect(law.r2).toBeGreaterThan(1 - 1e-12);
    expect(worstRelative(law, data, f)).toBeLessThan(1e-6);
  });

  it("recovers a Hill exponent of 2.3 from 1 % noise", () => {
    const f = (x: number) => (4 * x ** 2.3) / (1.5 + x ** 2.3);
    const data = oneInput(f, 0.05, 5, 50, 0.01);
    const law = refit(saturatingLaws("x", data.columns[0], data.target, null), "saturating-hill", data);
    const h = Number(law.law.match(/x\^([\d.]+)/)?.[1]);
    expect(h).toBeGreaterThan(2.1);
    expect(h).toBeLessThan(2.5);
    expect(worstRelative(law, data, f)).toBeLessThan(0.05);
  });

  it("is chosen among the measurement laws on a noisy enzyme table of 12 rows", () => {
    const f = (s: number) => (9.2 * s) / (0.7 + s);
    const rng = new Rng(8);
    const x = Float64Array.from([0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2, 3, 5, 8, 12]);
    const y = Float64Array.from(x, (s) => f(s) + 0.1 * rng.normal());
    const data: FinalData = { variables: ["S"], columns: [x], target: y };
    const best = chosen(measurementLawCandidates(data.variables, data.columns, data.target).candidates, data);
    expect(best.source).toBe("saturating-mm");
    const plateau = compile(best.expr, ["S"]).evaluate([Float64Array.of(1e9)], best.params)[0];
    expect(plateau).toBeGreaterThan(8.7);
    expect(plateau).toBeLessThan(9.7);
  });

  it("skips inputs that go negative", () => {
    const data = oneInput((x) => x, -1, 1);
    expect(saturatingLaws("x", data.columns[0], data.target, null)).toEqual([]);
  });
});

describe("rise and decay fast path", () => {
  const cases: [string, (x: number) => number, number, number][] = [
    ["rise", (x) => 3 * (1 - Math.exp(-0.7 * x)), 0, 8],
    ["decay-offset", (x) => 2 * Math.exp(-0.4 * x) + 1, 0, 10],
    ["two-exp", (x) => 5 * Math.exp(-0.3 * x) + 2 * Math.exp(-2 * x), 0, 12],
    ["logistic", (x) => 10 / (1 + Math.exp(1.3 * (4 - x))), 0, 9],
    ["logistic-offset", (x) => 6 / (1 + Math.exp(-2 * (x - 300))) + 1.5, 296, 305],
  ];
  for (const [source, f, lo, hi] of cases) {
    it(`recovers the ${source} law exactly`, () => {
      const data = oneInput(f, lo, hi);
      const law = refit(riseDecayLaws("x", data.columns[0], data.target, null), source, data);
      expect(law.r2).toBeGreaterThan(1 - 1e-10);
      expect(worstRelative(law, data, f)).toBeLessThan(1e-4);
    });
  }
});

describe("piecewise-linear fast path", () => {
  it("writes a yield point as min(E·ε, σy' + H·ε) with E, H and σy recovered", () => {
    const e = bilinearTable();
    const data = finalData(e);
    const { candidates } = measurementLawCandidates(data.variables, data.columns, data.target);
    const best = chosen(candidates, data);
    expect(best.source).toBe("piecewise-min-origin");
    expect(best.law).toMatch(/^min\(/);
    // min(c0·ε, c1 + c2·ε) in some operand order: E is the steep slope, H the shallow one.
    const slopes = best.params.filter((p) => p > 1000).sort((a, b) => a - b);
    const intercept = best.params.find((p) => p < 1000)!;
    const [h, modulus] = slopes;
    expect(modulus / BILINEAR.E).toBeCloseTo(1, 1);
    expect(h / BILINEAR.H).toBeGreaterThan(0.8);
    expect(h / BILINEAR.H).toBeLessThan(1.2);
    // The lines cross at the yield strain: σy = E·ε_y.
    const sy = (modulus * intercept) / (modulus - h);
    expect(sy / BILINEAR.sy).toBeCloseTo(1, 1);
  });

  it("writes a threshold (slope rises) as max of two lines", () => {
    const f = (x: number) => Math.max(1 + 0 * x, 0.5 * x - 2);
    const data = oneInput((x) => f(x), 0, 12, 49);
    const law = refit(piecewiseLinearLaws("x", data.columns[0], data.target, null), "piecewise-max", data);
    expect(law.r2).toBeGreaterThan(1 - 1e-12);
    expect(law.law).toMatch(/^max\(/);
  });

  it("needs six distinct inputs", () => {
    const data = oneInput((x) => x, 0, 1, 5);
    expect(piecewiseLinearLaws("x", data.columns[0], data.target, null)).toEqual([]);
  });
});
