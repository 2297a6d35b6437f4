import { describe, expect, it } from "vitest";
import { discover } from "../../src/discover/loop.js";
import { evidenceRows } from "../../src/discover/falsification.js";
import { RunStore } from "../../src/journal/store.js";
import { candidateExplainer, parabolaWorld } from "./stand-ins.js";

const explain = candidateExplainer(["a*x + b", "a*x^2 + b", "a*x^3 + b*x^2 + c*x + d"]);
const options = { world: { name: "parabola" }, seed: 3, rounds: 4, batch: 4, initialCount: 10, patience: 4 };

function worldWith(receivedTheory: string) {
  return async (_spec: unknown, o: { seed: number; queryOffset?: number }) => {
    const w = parabolaWorld(o.seed, o.queryOffset ?? 0);
    return { ...w, info: { ...w.info, receivedTheory } };
  };
}

describe("falsifying the received theory", () => {
  it("is not falsified by a shorter law alone: a verbose theory that holds everywhere survives", async () => {
    // The cubic contains the truth (3x² + 2), so no experiment contradicts it, yet the parabola codes the
    // same data in far fewer bits and replaces it as the current law.
    const r = await discover(options, { store: RunStore.memory(), explain, openWorld: worldWith("a*x^3 + b*x^2 + c*x + d") });
    expect(r.finalLaw).toMatch(/^[^+]*x\^2[^+]*\+[^x]*$/);
    expect(r.rounds.some((x) => x.break)).toBe(true);
    expect(r.falsification).toBeNull();
  });

  it("is falsified when the new experiments contradict it", async () => {
    const r = await discover(options, { store: RunStore.memory(), explain, openWorld: worldWith("a*x + b") });
    expect(r.falsification).not.toBeNull();
    expect(r.falsification!.round).toBe(1);
    expect(r.falsification!.gainBits).toBeGreaterThan(10);
  });

  it("subsets every per-row array of the evidence alike", () => {
    const ev = { variables: ["x"], columns: { x: Float64Array.from([1, 2, 3]) }, target: Float64Array.from([10, 20, 30]), targetName: "y" };
    const sub = evidenceRows(ev, [0, 2]);
    expect(Array.from(sub.columns.x)).toEqual([1, 3]);
    expect(Array.from(sub.target)).toEqual([10, 30]);
    expect(Array.from(ev.target)).toEqual([10, 20, 30]);
  });
});
