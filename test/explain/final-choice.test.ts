import { describe, expect, it } from "vitest";
import { parse, variablesOf } from "../../src/expr/index.js";
import { clearlyBetter, type CrossValidation } from "../../src/explain/cross-validation.js";
import { aprioriSource, chooseFinal, CV_MARGIN, pickLaw, unsafePenalty, type Contender } from "../../src/explain/final-choice.js";
import { measure, paretoFront, type FinalData, type MeasuredLaw } from "../../src/explain/final-selection.js";
import { Rng } from "../../src/random/index.js";

/** Held-out errors from per-row residuals (the same folds for every contender). */
const cv = (residuals: number[]): CrossValidation => ({
  folds: residuals.length,
  rmse: Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length),
  error: Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length),
  residuals: Float64Array.from(residuals),
});
const c = (bits: number, complexity: number, held?: number[], unsafe = false): Contender => ({ bits, complexity, unsafe, apriori: true, ...(held ? { cv: cv(held) } : {}) });

describe("clearlyBetter", () => {
  it("needs both the margin and a paired difference beyond two standard errors", () => {
    const good = cv([1, -1, 1, -1, 1, -1]);
    expect(clearlyBetter(good, cv([3, -3, 3, -3, 3, -3]), CV_MARGIN)).toBe(true);
    // Nearly twice the error, all of it on one row: not clear on six rows.
    expect(clearlyBetter(good, cv([1, -1, 1, -1, 1, -4]), CV_MARGIN)).toBe(false);
    // Twice the error or more is clear whatever the tests say.
    expect(clearlyBetter(good, cv([1, -1, 1, -1, 1, -5]), CV_MARGIN)).toBe(true);
    // Worse on every row, most of it on one: a sign test says so where the paired mean cannot.
    expect(clearlyBetter(good, cv([1.5, -1.5, 1.5, -1.5, 1.5, -9]), CV_MARGIN)).toBe(true);
    // Consistently a little worse, but within the margin.
    expect(clearlyBetter(good, cv([1.05, -1.05, 1.05, -1.05, 1.05, -1.05]), CV_MARGIN)).toBe(false);
    // Below the floor every law is exact.
    expect(clearlyBetter(cv([1e-15, 1e-15, 1e-15]), cv([1e-12, 1e-12, 1e-12]), CV_MARGIN, 1e-9)).toBe(false);
    expect(clearlyBetter(good, { folds: 6, rmse: Infinity, error: Infinity }, CV_MARGIN)).toBe(true);
  });
});

describe("pickLaw", () => {
  it("takes the least bits, ties to the simpler law, and penalises unsafe laws", () => {
    expect(pickLaw([c(100, 3), c(90, 5), c(95, 4)], 20)).toBe(1);
    expect(pickLaw([c(90, 5), c(90, 3)], 20)).toBe(1);
    expect(pickLaw([c(100, 3), c(90, 5, undefined, true)], 20)).toBe(0);
    expect(pickLaw([c(100, 3), c(70, 5, undefined, true)], 20)).toBe(1);
    expect(pickLaw([], 20)).toBe(-1);
  });

  it("keeps the shortest law when the best-predicting law does not predict clearly better", () => {
    expect(pickLaw([c(100, 1, [1, -1, 1, -1, 1, -4]), c(120, 5, [1, -1, 1, -1, 1, -1])], 20)).toBe(0);
  });

  it("never keeps a law (a constant included) that cross-validates clearly worse: the shortest of the others instead", () => {
    // The constant is shortest, but the saturating laws predict every held-out row three times better.
    const constant = [30, -30, 30, -30, 30, -30];
    const contenders = [c(140, 1, constant), c(151, 5, [10, -11, 10, -10, 11, -10]), c(169, 8, [10, -10, 10, -10, 10, -10]), c(250, 20, [9.8, -9.8, 9.8, -9.8, 9.8, -9.8])];
    expect(pickLaw(contenders, 10)).toBe(1);
    // Unsafe laws still pay their penalty among the good ones.
    expect(pickLaw([c(140, 1, constant), c(151, 5, [10, -10, 10, -10, 10, -10], true), c(169, 8, [10, -10, 10, -10, 10, -10])], 20)).toBe(2);
  });

  it("lets only a law of a form fixed in advance overrule the bits; a yardstick off the front is never chosen itself", () => {
    const constant = [30, -30, 30, -30, 30, -30];
    const searched = { ...c(160, 9, [9.5, -9.5, 9.5, -9.5, 9.5, -9.5]), apriori: false };
    // A form the search picked out by its fit to these very rows cannot refute the constant...
    expect(pickLaw([c(140, 1, constant), searched], 10)).toBe(0);
    // ...a saturating family can, even from off the front, and then the shortest of the rest is chosen.
    const family = { ...c(170, 7, [9, -9, 9, -9, 9, -9]), choosable: false };
    expect(pickLaw([c(140, 1, constant), searched, family], 10)).toBe(1);
    expect(aprioriSource("search")).toBe(false);
    expect(aprioriSource("pi-linear-3")).toBe(false);
    expect(aprioriSource("saturating-mm")).toBe(true);
    expect(aprioriSource("warm-start")).toBe(true);
  });

  it("measures the front against its own best when a yardstick off the front beats every law on it", () => {
    const yardstick = { ...c(165, 9, [1, -1, 1, -1, 1, -1]), choosable: false };
    expect(pickLaw([c(140, 1, [30, -30, 30, -30, 30, -30]), c(141, 5, [3, -3, 3, -3, 3, -3]), yardstick], 10)).toBe(1);
  });

  it("does not rank exact laws by rounding noise, and ignores the check when nothing cross-validates", () => {
    expect(pickLaw([c(50, 3, [1e-13, -1e-13, 1e-13]), c(60, 7, [1e-15, -1e-15, 1e-15])], 10, 1e-9)).toBe(0);
    expect(pickLaw([c(50, 3, [1e-13, -1e-13, 1e-13]), c(60, 7, [1e-15, -1e-15, 1e-15])], 10, 0)).toBe(1);
    const never = { folds: 3, rmse: Infinity, error: Infinity };
    expect(pickLaw([{ ...c(50, 3), cv: never }, { ...c(60, 7), cv: never }], 10)).toBe(0);
  });

  it("charges unsafe laws 10 bits plus half a bit a row", () => {
    expect(unsafePenalty(0)).toBe(10);
    expect(unsafePenalty(40)).toBe(30);
  });
});

/** x and y = f(x) + Gaussian noise, as final data. */
function table(xs: number[], f: (x: number) => number, noise: number, seed: number): FinalData {
  const rng = new Rng(seed);
  const x = Float64Array.from(xs);
  return { variables: ["x"], columns: [x], target: x.map((v) => f(v) + noise * rng.normal()) };
}

function measured(laws: Record<string, number[]>, data: FinalData): MeasuredLaw[] {
  return Object.entries(laws).map(([law, params]) => measure({ expr: parse(law, { variables: ["x"] }), params, source: "test", literalsFixed: true, restarts: 4 }, data, 1)!);
}

describe("chooseFinal", () => {
  it("does not return a constant for a six-row saturating table that the description length alone would fit by one", () => {
    const data = table([1, 2, 3, 5, 7, 10], (x) => 214 * (1 - Math.exp(-0.55 * x)), 12, 3);
    const laws = measured({ c: [150], "a*(1 - exp(-b*x))": [200, 0.5], "a*x/(b + x)": [250, 2] }, data);
    const [constant, rise] = laws;
    // The premise: by bits alone the constant wins on six rows.
    expect(constant.bits.total).toBeLessThan(rise.bits.total);
    const choice = chooseFinal(laws, data, 1)!;
    expect(variablesOf(choice.best.expr)).toEqual(["x"]);
    expect(choice.crossValidation?.folds).toBe(6);
    expect(choice.crossValidation!.rmse).toBeLessThan(20);
    expect(choice.warnings).toEqual([]);
  });

  it("chooses a safe law hidden behind a simpler unsafe one when the fits are alike, and flags an unsafe law it must choose", () => {
    // 240 rows (over the cross-validation limit: bits and safety alone decide). A pole at x = 3.15, inside
    // the checked box (which reaches 3.2), with noise that hides it.
    const xs = Array.from({ length: 240 }, (_, i) => 1 + (2 * i) / 239);
    const data = table(xs, (x) => 1 / (3.15 - x), 0.5, 5);
    const laws = measured({ "a/(b - x)": [1, 3.15], "a*exp(b*x) + d": [0.01, 2, 0.5] }, data);
    const [pole, smooth] = laws;
    // The premise: the pole law is simpler and fits better, so the safe law is off the full front.
    expect(paretoFront(laws)).toEqual([pole]);
    expect(pole.bits.total).toBeLessThan(smooth.bits.total);
    expect(pole.bits.total + unsafePenalty(240)).toBeGreaterThan(smooth.bits.total);
    const choice = chooseFinal(laws, data, 1)!;
    expect(choice.best).toBe(smooth);
    expect(choice.warnings).toEqual([]);
    expect(choice.front).toContain(smooth);
    expect(choice.crossValidation?.folds).toBe(5);

    const alone = chooseFinal([pole], data, 1)!;
    expect(alone.best.expr).toEqual(pole.expr);
    expect(alone.warnings.join(" ")).toMatch(/the chosen law (blows up|is undefined)/);
  });
});
