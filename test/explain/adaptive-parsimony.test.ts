import { describe, expect, it } from "vitest";
import { ComplexityFrequency, selectionScore } from "../../src/explain/adaptive-parsimony.js";

describe("complexity frequency", () => {
  it("is the share of recent births at each complexity", () => {
    const f = new ComplexityFrequency();
    expect(f.frequency(3)).toBe(0);
    for (const c of [3, 3, 3, 5]) f.record(c);
    expect(f.frequency(3)).toBeCloseTo(0.75);
    expect(f.frequency(5)).toBeCloseTo(0.25);
    expect(f.frequency(7)).toBe(0);
  });

  it("forgets old births: after the window halves, new births weigh twice as much", () => {
    const f = new ComplexityFrequency();
    for (let k = 0; k < 2001; k++) f.record(3); // the 2001st birth halves every count
    for (let k = 0; k < 1000; k++) f.record(9);
    // 1000.5 old births at 3 against 1000 new ones at 9: without decay it would be 2001 against 1000.
    expect(f.frequency(9)).toBeCloseTo(1000 / 2000.5, 6);
  });
});

describe("selection score", () => {
  it("prefers lower loss, fewer nodes and less crowded complexities", () => {
    const base = selectionScore(0.01, 5, 0.1, 0.02, 2);
    expect(selectionScore(0.001, 5, 0.1, 0.02, 2)).toBeLessThan(base);
    expect(selectionScore(0.01, 4, 0.1, 0.02, 2)).toBeLessThan(base);
    expect(selectionScore(0.01, 5, 0.05, 0.02, 2)).toBeLessThan(base);
    expect(base).toBeCloseTo(-2 + 0.1 + 0.2, 12);
  });

  it("floors the loss so an exact law still has a finite score", () => {
    expect(selectionScore(0, 3, 0, 0.02, 2)).toBeCloseTo(-24 + 0.06, 12);
  });
});
