import { describe, expect, it } from "vitest";
import { acceptChild, temperature } from "../../src/explain/annealing.js";

describe("simulated annealing", () => {
  it("always keeps a child at least as good as its parent", () => {
    expect(acceptChild(-3, -2, 0, 0.1, 0.999)).toBe(true);
    expect(acceptChild(-2, -2, 0.5, 0.1, 0.999)).toBe(true);
  });

  it("keeps a worse child with probability exp(-Δ/(α·T)), never once cold", () => {
    // Δ = 0.1, α = 0.1, T = 1: p = e^-1 ≈ 0.368.
    expect(acceptChild(-1.9, -2, 1, 0.1, 0.36)).toBe(true);
    expect(acceptChild(-1.9, -2, 1, 0.1, 0.37)).toBe(false);
    // Half as hot: p = e^-2 ≈ 0.135.
    expect(acceptChild(-1.9, -2, 0.5, 0.1, 0.2)).toBe(false);
    expect(acceptChild(-1.9, -2, 0, 0.1, 0)).toBe(false);
  });

  it("refuses a child that cannot be scored unless the parent cannot either", () => {
    expect(acceptChild(NaN, -2, 1, 0.1, 0)).toBe(false);
    expect(acceptChild(Infinity, Infinity, 1, 0.1, 0.5)).toBe(true);
  });

  it("cools linearly from 1 to 0 over the schedule, clamped outside it", () => {
    expect(temperature(0)).toBe(1);
    expect(temperature(0.25)).toBe(0.75);
    expect(temperature(1)).toBe(0);
    expect(temperature(2)).toBe(0);
    expect(temperature(-1)).toBe(1);
  });
});
