import { describe, expect, it } from "vitest";
import { residualsStrategy } from "../../src/breaker/residuals.js";
import type { Experiment } from "../../src/worlds/world.js";
import { context, grid, xs } from "./context.js";

/** Evidence along the whole range where y = x holds except for a cluster of same-sign misses around x = 6. */
function clustered() {
  const experiments: Experiment[] = grid(41);
  const outputs = experiments.map((e) => e.x + (Math.abs(e.x - 6) <= 0.5 ? 4 : 0));
  return { experiments, outputs };
}

describe("residuals strategy", () => {
  it("asks where the current law's residuals cluster with one sign", () => {
    const ctx = context({ evidence: clustered(), candidates: grid(101) });
    const picks = xs(ctx, residualsStrategy.choose(ctx, 1, new Set()));
    expect(picks).toHaveLength(1);
    expect(Math.abs(picks[0] - 6)).toBeLessThanOrEqual(0.5);
  });

  it("yields its slots when the residuals look like noise or there is too little evidence", () => {
    expect(residualsStrategy.choose(context(), 3, new Set())).toEqual([]);
    const few = context({ evidence: { experiments: [{ x: 1 }, { x: 2 }], outputs: [5, 6] } });
    expect(residualsStrategy.choose(few, 3, new Set())).toEqual([]);
    expect(residualsStrategy.choose(context({ current: undefined }), 3, new Set())).toEqual([]);
  });

  it("keeps to the attack region", () => {
    const local = Uint8Array.from(grid(101), (e) => (e.x <= 3 ? 1 : 0));
    expect(residualsStrategy.choose(context({ evidence: clustered(), candidates: grid(101), local }), 3, new Set())).toEqual([]);
  });

  it("never picks a taken candidate, and is the same for any seed", () => {
    const ctx = context({ evidence: clustered(), candidates: grid(101) });
    const best = residualsStrategy.choose(ctx, 1, new Set())[0];
    const picks = residualsStrategy.choose(ctx, 2, new Set([best]));
    expect(picks).not.toContain(best);
    expect(residualsStrategy.choose(context({ evidence: clustered(), candidates: grid(101), rng: () => 0.5 }), 2, new Set([best]))).toEqual(picks);
  });
});
