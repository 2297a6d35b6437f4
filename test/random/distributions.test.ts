import { describe, expect, it } from "vitest";
import { DistributionError, exponential, logGamma, normal, pick, poisson, Rng, seededRandom, shuffle, weightedIndex } from "../../src/random/index.js";

/** Mean and variance of n draws. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

const N = 20000;

describe("distributions", () => {
  it("normal has mean 0 and variance 1", () => {
    const rng = new Rng(1);
    const { mean, variance } = moments(N, () => rng.normal());
    // Standard error of the mean 0.007, of the variance 0.01: five of each.
    expect(Math.abs(mean)).toBeLessThan(0.035);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("normal's tails: about 4.55 % of draws beyond two standard deviations", () => {
    const rng = new Rng(2);
    let beyond = 0;
    for (let i = 0; i < N; i++) if (Math.abs(rng.normal()) > 2) beyond += 1;
    // 910 expected, standard deviation 29.
    expect(Math.abs(beyond - 0.0455 * N)).toBeLessThan(150);
  });

  it("exponential has mean 1 and variance 1 and is never negative", () => {
    const rng = new Rng(3);
    let min = Infinity;
    const { mean, variance } = moments(N, () => {
      const x = rng.exponential();
      min = Math.min(min, x);
      return x;
    });
    expect(min).toBeGreaterThanOrEqual(0);
    expect(Math.abs(mean - 1)).toBeLessThan(0.035);
    expect(Math.abs(variance - 1)).toBeLessThan(0.1);
  });

  it.each([0.5, 4, 12, 150, 5000])("poisson(%f) draws non-negative integers with mean and variance equal to the mean", (mean) => {
    const rng = new Rng(4);
    let integers = true;
    const m = moments(N, () => {
      const k = rng.poisson(mean);
      integers &&= Number.isInteger(k) && k >= 0;
      return k;
    });
    expect(integers).toBe(true);
    // Five standard errors of the mean; variance within 5 % (its standard error is about 1 %).
    expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(mean / N));
    expect(Math.abs(m.variance / mean - 1)).toBeLessThan(0.05);
  });

  it("poisson of mean 0 is 0, and a negative or non-finite mean is a DistributionError", () => {
    const rng = new Rng(5);
    expect(rng.poisson(0)).toBe(0);
    expect(() => rng.poisson(-1)).toThrow(DistributionError);
    expect(() => rng.poisson(Number.NaN)).toThrow(DistributionError);
    expect(() => rng.poisson(Infinity)).toThrow(/poisson mean must be finite and non-negative, got Infinity/);
  });

  it("computes log Γ exactly at integers and half-integers", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });

  it("the functions over a uniform source draw what the generator's methods draw", () => {
    const a = seededRandom(6);
    const r = new Rng(6);
    expect([normal(a), exponential(a), poisson(a, 30), pick(a, [1, 2, 3]), weightedIndex(a, [1, 1]), shuffle(a, [1, 2, 3, 4])]).toEqual([
      r.normal(),
      r.exponential(),
      r.poisson(30),
      r.pick([1, 2, 3]),
      r.weighted([1, 1]),
      r.shuffle([1, 2, 3, 4]),
    ]);
  });
});

describe("choices", () => {
  it("pick chooses every element about equally often", () => {
    const rng = new Rng(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const x = rng.pick(["a", "b", "c"]);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["a", "b", "c"]);
    // 1000 expected each, standard deviation 26.
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(130);
  });

  it("weighted returns indices in proportion to the weights and never a zero-weight one", () => {
    const rng = new Rng(8);
    const weights = Float64Array.from([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[rng.weighted(weights)] += 1;
    expect(counts[1]).toBe(0);
    // Shares 0.1, 0.3, 0.6 with standard errors near 0.003.
    expect(Math.abs(counts[0] / N - 0.1)).toBeLessThan(0.015);
    expect(Math.abs(counts[2] / N - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(counts[3] / N - 0.6)).toBeLessThan(0.015);
    expect(rng.weighted([0, 0, 5])).toBe(2);
  });

  it("shuffle returns a permutation as a copy, reproducibly, with every position reachable", () => {
    const items = [1, 2, 3, 4, 5, 6];
    const rng = new Rng(9);
    const out = rng.shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(items);
    expect(new Rng(9).shuffle(items)).toEqual(out);
    // Where element 1 lands over many shuffles: each of the 6 positions about equally often.
    const lands = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) lands[rng.shuffle(items).indexOf(1)] += 1;
    for (const c of lands) expect(Math.abs(c - 1000)).toBeLessThan(150);
    expect(rng.shuffle([])).toEqual([]);
  });

  it("int and uniform stay within their ranges", () => {
    const rng = new Rng(10);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const u = rng.uniform(-2, 3);
      expect(u >= -2 && u < 3).toBe(true);
    }
  });
});
