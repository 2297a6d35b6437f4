import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunStore, resolveStoreDir, newRunId } from "../../src/journal/index.js";

describe("run journal", () => {
  it("stores runs, experiments before answers, observations, rounds and events, and survives reopening", () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-journal-"));
    const s = RunStore.open(dir);
    s.createRun({ id: "r1", world: "w", worldSpec: { name: "w" }, seed: 3, options: { a: 1 } });
    const seqs = s.addExperiments("r1", 0, [{ inputs: { x: 1 }, strategy: "initial" }, { inputs: { x: 2 }, strategy: "initial" }]);
    expect(seqs).toEqual([0, 1]);
    expect(s.experiments("r1").map((e) => e.answered)).toEqual([false, false]);
    s.recordAnswers("r1", [{ experimentSeq: 0, observations: [{ inputs: { x: 1 }, output: 5 }] }]);
    expect(() => s.recordAnswers("r1", [{ experimentSeq: 0, observations: [{ inputs: { x: 1 }, output: 5 }] }])).toThrow(/already answered/);
    s.putRound("r1", 0, { law: "x" }, { n: 1 });
    s.addEvent("r1", "run_started", { runId: "r1" });
    s.addEvent("r1", "round_started", { round: 0 });
    s.close();
    const t = RunStore.open(dir);
    expect(t.getRun("r1")?.seed).toBe(3);
    expect(t.experiments("r1").map((e) => e.answered)).toEqual([true, false]);
    expect(t.observations("r1")).toEqual([{ seq: 0, experimentSeq: 0, inputs: { x: 1 }, output: 5, stage: undefined }]);
    expect(t.rounds("r1")).toEqual([{ round: 0, record: { law: "x" }, state: { n: 1 } }]);
    expect(t.events("r1", 0).map((e) => e.type)).toEqual(["round_started"]);
    t.setStatus("r1", "finished", { result: { ok: true } });
    expect(t.getRun("r1")).toMatchObject({ status: "finished", result: { ok: true } });
    expect(t.db.pragma("journal_mode", { simple: true })).toBe("wal");
    t.close();
  });

  it("keeps language-model exchanges and returns the latest answered one for a key", () => {
    const s = RunStore.memory();
    const ex = s.exchanges("run-a");
    ex.put({ key: "k", role: "explainer", round: 1, request: { q: 1 }, response: null });
    expect(ex.get("k")).toBeUndefined();
    ex.put({ key: "k", role: "explainer", round: 1, request: { q: 1 }, response: "first", tokens: { prompt: 3, completion: 4 } });
    ex.put({ key: "k", role: "explainer", round: 1, request: { q: 1 }, response: "second" });
    expect(ex.get("k")?.response).toBe("second");
    expect(ex.list("run-a")).toHaveLength(3);
    expect(s.exchanges("run-b").list("run-b")).toHaveLength(0);
  });

  it("resolves the store directory from flag, environment, then default", () => {
    expect(resolveStoreDir({ store: "s", env: { WORLDBREAKER_HOME: "/h" }, cwd: "/c" })).toBe("/c/s");
    expect(resolveStoreDir({ env: { WORLDBREAKER_HOME: "/h" }, cwd: "/c" })).toBe("/h");
    expect(resolveStoreDir({ env: {}, cwd: "/c" })).toBe("/c/.wb-runs");
    expect(newRunId("double slit!")).toMatch(/^double-slit-\d{8}-\d{6}-[0-9a-f]{4}$/);
  });
});
