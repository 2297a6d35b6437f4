import { describe, expect, it } from "vitest";
import { frontierStrategy } from "../../src/breaker/frontier.js";
import { context, xs } from "./context.js";

describe("frontier strategy", () => {
  it("asks one experiment at most: the farthest from all evidence", () => {
    const ctx = context();
    expect(xs(ctx, frontierStrategy.choose(ctx, 5, new Set()))).toEqual([10]);
  });

  it("ignores the attack region (the boldest probe goes anywhere)", () => {
    const local = Uint8Array.from({ length: 11 }, (_, i) => (i <= 3 ? 1 : 0));
    const ctx = context({ local });
    expect(xs(ctx, frontierStrategy.choose(ctx, 1, new Set()))).toEqual([10]);
  });

  it("never picks a taken candidate, and counts it as asked", () => {
    const ctx = context();
    // With 10 taken, the farthest point from the evidence (0.2–0.9) and from 10 is halfway between.
    expect(xs(ctx, frontierStrategy.choose(ctx, 1, new Set([10])))).toEqual([5]);
    expect(frontierStrategy.choose(ctx, 0, new Set())).toEqual([]);
  });

  it("is deterministic whatever the seed", () => {
    expect(frontierStrategy.choose(context({ rng: () => 0.3 }), 1, new Set())).toEqual(frontierStrategy.choose(context(), 1, new Set()));
  });
});
