import { describe, expect, it } from "vitest";
import { batchQuotas } from "../../src/breaker/scheduler.js";

describe("batch quotas (smooth weighted round-robin over the run)", () => {
  const weights = [1, 3, 2, 3, 1];

  it("fills every batch exactly and gives each strategy its share of a batch", () => {
    for (const count of [1, 2, 5, 12, 37]) {
      for (const offset of [0, 3, 11, 100]) {
        expect(batchQuotas(weights, count, offset).reduce((a, b) => a + b, 0)).toBe(count);
      }
    }
    expect(batchQuotas(weights, 10)).toEqual(weights);
    // Twelve slots: the weighted shares, with the two extra slots to the heaviest strategies.
    expect(batchQuotas(weights, 12)).toEqual([1, 4, 2, 4, 1]);
  });

  it("rotates strategies when batches hold one experiment, instead of always asking the first", () => {
    const seq: number[] = [];
    for (let offset = 0; offset < 20; offset++) seq.push(batchQuotas(weights, 1, offset).indexOf(1));
    const counts = weights.map((_, i) => seq.filter((s) => s === i).length);
    expect(counts).toEqual(weights.map((w) => 2 * w));
    // The heaviest strategy comes first, and no strategy is asked twice in a row here.
    expect(seq[0]).toBe(1);
    for (let i = 1; i < seq.length; i++) expect(seq[i]).not.toBe(seq[i - 1]);
  });

  it("gives a run the same shares however it is cut into batches", () => {
    const whole = batchQuotas(weights, 30);
    const parts = [0, 7, 8, 20].map((o, k, arr) => batchQuotas(weights, (arr[k + 1] ?? 30) - o, o));
    expect(weights.map((_, i) => parts.reduce((s, p) => s + p[i], 0))).toEqual(whole);
  });

  it("lets a leading strategy open the run without changing its share for long", () => {
    expect(batchQuotas(weights, 1, 0, 0)).toEqual([1, 0, 0, 0, 0]);
    const run = batchQuotas(weights, 100, 0, 0);
    weights.forEach((w, i) => expect(Math.abs(run[i] - 10 * w)).toBeLessThanOrEqual(1));
    expect(batchQuotas(weights, 12, 0, 0).reduce((a, b) => a + b, 0)).toBe(12);
  });

  it("handles no weight at all", () => {
    expect(batchQuotas([], 3)).toEqual([]);
    expect(batchQuotas([0, 0], 3)).toEqual([0, 0]);
  });
});
