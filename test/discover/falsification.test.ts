import { describe, expect, it } from "vitest";
import { discover } from "../../src/discover/loop.js";
import { evidenceRows } from "../../src/core/evidence.js";
import { predictiveFailureBits } from "../../src/discover/falsification.js";
import { parse } from "../../src/expr/index.js";
import { seededRandom } from "../../src/random/index.js";
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

  it("falls back to the lead in bits when the initial design is too small for a noise estimate", async () => {
    // Three initial rows and two constants leave one degree of freedom: Chow's test is not made, and the
    // parabola's lead over the line on the later evidence decides.
    const r = await discover({ ...options, initialCount: 3 }, { store: RunStore.memory(), explain, openWorld: worldWith("a*x + b") });
    expect(r.falsification).not.toBeNull();
    expect(r.falsification!.law).toMatch(/x\^2/);
  });

  it("subsets every per-row array of the evidence alike", () => {
    const ev = { variables: ["x"], columns: { x: Float64Array.from([1, 2, 3]) }, target: Float64Array.from([10, 20, 30]), targetName: "y" };
    const sub = evidenceRows(ev, [0, 2]);
    expect(Array.from(sub.columns.x)).toEqual([1, 3]);
    expect(Array.from(sub.target)).toEqual([10, 30]);
    expect(Array.from(ev.target)).toEqual([10, 20, 30]);
  });

  describe("Chow's predictive-failure test in bits", () => {
    // y = 2·x^1.5 with 2 % relative noise; initial rows at x in [1, 2], new rows out to x = 100.
    const rng = seededRandom(9);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const xs = [...Array.from({ length: 12 }, (_, i) => 1 + i / 11), ...Array.from({ length: 6 }, (_, i) => 10 + 18 * i)];
    const y = xs.map((x) => 2 * x ** 1.5 * (1 + 0.02 * gauss()));
    const ev = (scaled: boolean) => ({
      variables: ["x"],
      columns: { x: Float64Array.from(xs) },
      target: Float64Array.from(y),
      targetName: "y",
      ...(scaled ? { scales: Float64Array.from(y, (v) => Math.abs(v)) } : {}),
    });
    const initial = Array.from({ length: 12 }, (_, i) => i);
    const form = (text: string) => ({ expr: parse(text, { variables: ["x"] }), params: [1, 1] });

    it("finds no evidence against the true form under its own (relative) noise", () => {
      expect(predictiveFailureBits(form("a*x^b"), ev(true), initial, {}, 1)!).toBeLessThan(10);
    });

    it("finds overwhelming evidence against a wrong form", () => {
      expect(predictiveFailureBits(form("a*x + b"), ev(true), initial, {}, 1)!).toBeGreaterThan(20);
    });

    it("judged without the noise scales, large readings' larger scatter alone would look like failure", () => {
      expect(predictiveFailureBits(form("a*x^b"), ev(false), initial, {}, 1)!).toBeGreaterThan(10);
    });

    it("is not made when the initial rows leave fewer than two degrees of freedom", () => {
      expect(predictiveFailureBits(form("a*x^b"), ev(true), [0, 1, 2], {}, 1)).toBeUndefined();
    });
  });
});
