import { describe, expect, it } from "vitest";
import { stagesStrategy } from "../../src/breaker/stages.js";
import { context, info, stages } from "./context.js";

const staged = { ...info, shape: "staged" as const, inputs: [], stages };
const at = (collectable: string[]) => context({ info: staged, inputs: [], candidates: [], collectableStages: stages.filter((s) => collectable.includes(s.id)) });

describe("stages strategy", () => {
  it("collects the stage deepest in the protocol first", () => {
    expect(stagesStrategy.chooseStage!(at(["hold", "reload"]))).toBe("reload");
  });

  it("breaks ties by the dataset's order, latest first", () => {
    expect(stagesStrategy.chooseStage!(at(["unload", "hold"]))).toBe("hold");
  });

  it("has no preference when nothing is collectable, and never picks experiments", () => {
    expect(stagesStrategy.chooseStage!(at([]))).toBeUndefined();
    expect(stagesStrategy.choose(context(), 3, new Set())).toEqual([]);
  });

  it("is the same for any seed", () => {
    const ctx = at(["unload", "hold", "reload"]);
    expect(stagesStrategy.chooseStage!({ ...ctx, rng: () => 0.99 })).toBe(stagesStrategy.chooseStage!(ctx));
  });
});
