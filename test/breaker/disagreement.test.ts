import { describe, expect, it } from "vitest";
import { disagreementStrategy } from "../../src/breaker/disagreement.js";
import { context, law, xs } from "./context.js";

describe("disagreement strategy", () => {
  it("asks where a competitor differs most from the current law, in noise units", () => {
    // The competitor has a bump at x = 7 that the current law y = x lacks.
    const bump = law((x) => x + 5 * Math.exp(-((x - 7) ** 2)), 100, "bump");
    const ctx = context({ competitors: [bump] });
    expect(xs(ctx, disagreementStrategy.choose(ctx, 1, new Set()))).toEqual([7]);
  });

  it("has nothing to say without competitors (or with only the current law itself)", () => {
    expect(disagreementStrategy.choose(context(), 3, new Set())).toEqual([]);
    expect(disagreementStrategy.choose(context({ competitors: [law((x) => 2 * x, 100, "law")] }), 3, new Set())).toEqual([]);
  });

  it("weighs a competitor far worse in bits less than a close one", () => {
    const nearGood = law((x) => x + (x === 3 ? 1 : 0), 100, "good");
    const farBad = law((x) => x + (x === 8 ? 1.5 : 0), 200, "bad");
    const ctx = context({ competitors: [nearGood, farBad] });
    // 1.5 × 1/(1 + 100/20) = 0.25 < 1: the good competitor's place comes first.
    expect(xs(ctx, disagreementStrategy.choose(ctx, 1, new Set()))).toEqual([3]);
  });

  it("asks first where the current law is undefined", () => {
    const holed = law((x) => (x === 4 ? NaN : x), 100, "holed");
    const other = law((x) => x + (x === 9 ? 100 : 0), 100, "other");
    const ctx = context({ current: holed, competitors: [other] });
    expect(xs(ctx, disagreementStrategy.choose(ctx, 2, new Set()))).toEqual([4, 9]);
  });

  it("never picks a taken candidate, and is the same for any seed", () => {
    const bump = law((x) => x + 5 * Math.exp(-((x - 7) ** 2)), 100, "bump");
    const picks = disagreementStrategy.choose(context({ competitors: [bump] }), 3, new Set([7]));
    expect(picks).not.toContain(7);
    expect(picks.length).toBeGreaterThan(0);
    expect(disagreementStrategy.choose(context({ competitors: [bump], rng: () => 0.9 }), 3, new Set([7]))).toEqual(picks);
  });
});
