import { describe, expect, it } from "vitest";
import { randomStrategy } from "../../src/breaker/random.js";
import { seededRandom } from "../../src/random/index.js";
import { context, info, stages } from "./context.js";

describe("random strategy", () => {
  it("draws the same candidates for the same seed and other ones for another seed", () => {
    const a = randomStrategy.choose(context({ rng: seededRandom(7) }), 5, new Set());
    expect(randomStrategy.choose(context({ rng: seededRandom(7) }), 5, new Set())).toEqual(a);
    expect(randomStrategy.choose(context({ rng: seededRandom(8) }), 5, new Set())).not.toEqual(a);
  });

  it("picks distinct candidates, never a taken one, and stops when none is left", () => {
    const taken = new Set([0, 2, 4, 6, 8, 10]);
    const picks = randomStrategy.choose(context({ rng: seededRandom(3) }), 20, taken);
    expect([...picks].sort((x, y) => x - y)).toEqual([1, 3, 5, 7, 9]);
  });

  it("takes the candidate the generator points at", () => {
    // 11 candidates: a draw of 0.5 picks index floor(0.5 × 11) = 5, then floor(0 × 10) = 0.
    const draws = [0.5, 0];
    expect(randomStrategy.choose(context({ rng: () => draws.shift()! }), 2, new Set())).toEqual([5, 0]);
  });

  it("chooses a collectable stage at random, seeded", () => {
    const ctx = (seed: number) => context({ info: { ...info, shape: "staged", stages }, rng: seededRandom(seed), collectableStages: stages.slice(1) });
    const stage = randomStrategy.chooseStage!(ctx(5));
    expect(stages.slice(1).map((s) => s.id)).toContain(stage);
    expect(randomStrategy.chooseStage!(ctx(5))).toBe(stage);
    expect(randomStrategy.chooseStage!(context({ collectableStages: [] }))).toBeUndefined();
  });
});
