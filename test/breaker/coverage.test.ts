import { describe, expect, it } from "vitest";
import { coverageStrategy } from "../../src/breaker/coverage.js";
import { context, xs } from "./context.js";

describe("coverage strategy", () => {
  it("picks the candidate farthest from all evidence, then the farthest from evidence and earlier picks", () => {
    const ctx = context();
    // Evidence sits at 0.2–0.9: 10 is farthest; then 5 or 6 halves the gap between 0.9 and 10.
    expect(xs(ctx, coverageStrategy.choose(ctx, 2, new Set()))).toEqual([10, 5]);
  });

  it("keeps to the attack region when one is given", () => {
    const local = Uint8Array.from({ length: 11 }, (_, i) => (i <= 3 ? 1 : 0));
    const ctx = context({ local });
    expect(xs(ctx, coverageStrategy.choose(ctx, 2, new Set()))).toEqual([3, 2]);
  });

  it("never picks a taken candidate, and spreads away from it", () => {
    const ctx = context();
    const picks = coverageStrategy.choose(ctx, 3, new Set([10]));
    expect(picks).not.toContain(10);
    expect(xs(ctx, picks)[0]).toBe(5);
  });

  it("does not ask again where the evidence already is", () => {
    const ctx = context({ candidates: [{ x: 0.5 }, { x: 0.2 }], evidence: { experiments: [{ x: 0.2 }, { x: 0.5 }], outputs: [1, 2] } });
    expect(coverageStrategy.choose(ctx, 2, new Set())).toEqual([]);
  });

  it("is deterministic and ignores the seed (it draws nothing)", () => {
    const a = coverageStrategy.choose(context(), 4, new Set());
    const b = coverageStrategy.choose(context({ rng: () => 0.999 }), 4, new Set());
    expect(a).toEqual(b);
  });
});
