import { describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { discover, resumeRun } from "../../src/discover/index.js";
import type { RunEvent, RunResult } from "../../src/discover/index.js";
import { candidateExplainer, parabolaWorld } from "./stand-ins.js";
import { DEFAULT_EVALUATIONS, resolveOptions, SAFETY_SECONDS } from "../../src/discover/loop.js";
import { DiscoverError } from "../../src/discover/errors.js";
import { BreakerError } from "../../src/breaker/index.js";

const explain = candidateExplainer(["a*x + b", "a*x^2 + b", "a*x^2 + b*x + c", "a*exp(b*x)"]);
const options = { world: { name: "parabola" }, seed: 5, rounds: 4, batch: 6, initialCount: 8, patience: 2 };
const openWorld = async (_spec: unknown, o: { seed: number; queryOffset?: number }) => parabolaWorld(o.seed, o.queryOffset ?? 0);

function comparable(r: RunResult) {
  return { ...r, runId: "", seconds: 0, rounds: r.rounds.map((x) => ({ ...x, seconds: 0 })) };
}

describe("discovery loop", () => {
  it("falsifies the received line, ends at the parabola, and journals everything before use", async () => {
    const store = RunStore.memory();
    const events: RunEvent[] = [];
    const r = await discover(options, { store, explain, openWorld, onEvent: (e) => events.push(e), runId: "p1" });
    expect(r.initialLaw).toMatch(/x/);
    expect(r.rounds[0].break).toBeNull();
    expect(r.falsification).not.toBeNull();
    expect(r.falsification!.round).toBeGreaterThanOrEqual(1);
    expect(r.finalLaw).toMatch(/x\^2/);
    expect(r.r2).toBeGreaterThan(0.999);
    expect(r.breaks).toBeGreaterThanOrEqual(1);
    const firstBreak = r.rounds.find((x) => x.break)!;
    expect(firstBreak.break!.type).toBe("structural");
    expect(firstBreak.break!.gainBits).toBeGreaterThan(10);
    expect(firstBreak.sentence).toMatch(/^The received theory predicts y = .* was observed/);
    // Every observation in the journal has its experiment, and the counts agree with the result.
    expect(store.observations("p1")).toHaveLength(r.queries);
    expect(store.experiments("p1").every((e) => e.answered)).toBe(true);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("run_started");
    expect(types.at(-1)).toBe("run_finished");
    expect(types).toContain("break");
    expect(types).toContain("received_falsified");
    expect(store.events("p1").map((e) => e.type)).toEqual(types);
    // The Breaker went beyond the initial sub-range [0, 1].
    expect(Math.max(...store.observations("p1").map((o) => o.inputs.x))).toBeGreaterThan(2);
  });

  it("is deterministic for a seed, and an interrupted run resumed equals an uninterrupted one", async () => {
    const a = await discover(options, { store: RunStore.memory(), explain, openWorld });
    const store = RunStore.memory();
    const ctl = new AbortController();
    let seen = 0;
    const partial = await discover(options, {
      store,
      explain,
      openWorld,
      runId: "p2",
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === "observations" && ++seen === 2) ctl.abort();
      },
    });
    expect(partial.status).toBe("aborted");
    expect(store.getRun("p2")?.status).toBe("aborted");
    const before = store.observations("p2").length;
    const resumed = await resumeRun("p2", { store, explain, openWorld });
    expect(comparable(resumed)).toEqual(comparable(a));
    // Nothing asked twice: the journal holds exactly the uninterrupted run's observations.
    expect(store.observations("p2")).toHaveLength(a.queries);
    expect(before).toBeLessThan(a.queries);
    // Resuming a finished run does nothing more.
    const again = await resumeRun("p2", { store, explain, openWorld });
    expect(again.queries).toBe(a.queries);
    expect(store.observations("p2")).toHaveLength(a.queries);
  });

  it("re-asks journaled but unanswered experiments exactly once on resume", async () => {
    const a = await discover(options, { store: RunStore.memory(), explain, openWorld });
    const store = RunStore.memory();
    let asked = 0;
    let failAt = 3;
    const flaky = async (spec: unknown, o: { seed: number; queryOffset?: number }) => {
      const w = parabolaWorld(o.seed, o.queryOffset ?? 0);
      return {
        ...w,
        async run(exps: Record<string, number>[]) {
          asked += exps.length;
          if (--failAt === 0) throw new Error("connection lost");
          return w.run(exps);
        },
      };
    };
    await expect(discover(options, { store, explain, openWorld: flaky, runId: "p3" })).rejects.toThrow(/connection lost.*resume/);
    expect(store.getRun("p3")?.status).toBe("failed");
    const pending = store.experiments("p3").filter((e) => !e.answered);
    expect(pending.length).toBeGreaterThan(0);
    const answeredBefore = store.observations("p3").length;
    failAt = -1;
    asked = 0;
    const resumed = await resumeRun("p3", { store, explain, openWorld: flaky });
    expect(comparable(resumed)).toEqual(comparable(a));
    // The pending batch was asked once more, then the rest of the run: no answered experiment repeated.
    expect(asked).toBe(a.queries - answeredBefore);
  });

  it("uses only random sampling when asked to (the baseline)", async () => {
    const store = RunStore.memory();
    await discover({ ...options, strategies: ["random"] }, { store, explain, openWorld, runId: "p4" });
    const strategies = new Set(store.experiments("p4").filter((e) => e.round > 0).map((e) => e.strategy));
    expect([...strategies]).toEqual(["random"]);
  });

  it("rejects bad options with a one-line error of the layer that found them", async () => {
    await expect(discover({ ...options, strategies: ["psychic"] }, { store: RunStore.memory(), explain, openWorld })).rejects.toThrow(/unknown Breaker strategy 'psychic'/);
    await expect(discover({ ...options, strategies: ["psychic"] }, { store: RunStore.memory(), explain, openWorld })).rejects.toBeInstanceOf(BreakerError);
    await expect(discover({ ...options, batch: 0 }, { store: RunStore.memory(), explain, openWorld })).rejects.toThrow(/batch must be a positive integer/);
    await expect(discover({ ...options, batch: 0 }, { store: RunStore.memory(), explain, openWorld })).rejects.toBeInstanceOf(DiscoverError);
    await expect(resumeRun("nope", { store: RunStore.memory(), explain, openWorld })).rejects.toBeInstanceOf(DiscoverError);
  });

  it("refuses a run id already in the journal with a DiscoverError naming it", async () => {
    const store = RunStore.memory();
    store.createRun({ id: "taken", world: "parabola", worldSpec: { name: "parabola" }, seed: 1, options: {} });
    await expect(discover(options, { store, explain, openWorld, runId: "taken" })).rejects.toThrow(/cannot create run 'taken'/);
    await expect(discover(options, { store, explain, openWorld, runId: "taken" })).rejects.toBeInstanceOf(DiscoverError);
  });

  it("budgets the Explainer by evaluations unless a wall time is asked for, so a seed reproduces a run", () => {
    const byDefault = resolveOptions({ world: { name: "parabola" } });
    expect(byDefault.explainEvaluations).toBe(DEFAULT_EVALUATIONS);
    expect(byDefault.explainSeconds).toBe(SAFETY_SECONDS);
    const timed = resolveOptions({ world: { name: "parabola" }, explainSeconds: 2 });
    expect(timed.explainEvaluations).toBeUndefined();
    expect(timed.explainSeconds).toBe(2);
    const both = resolveOptions({ world: { name: "parabola" }, explainSeconds: 5, explainEvaluations: 300 });
    expect([both.explainSeconds, both.explainEvaluations]).toEqual([5, 300]);
    expect(() => resolveOptions({ world: { name: "parabola" }, explainEvaluations: 2.5 })).toThrow(/evaluations must be a positive integer, got 2.5/);
  });
});
