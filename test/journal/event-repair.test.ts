import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover, resumeRun } from "../../src/discover/index.js";
import { JournalError, RunStore } from "../../src/journal/index.js";
import { runCli } from "../helpers/cli.js";
import { candidateExplainer, parabolaWorld } from "../discover/stand-ins.js";

const explain = candidateExplainer(["a*x + b", "a*x^2 + b"]);
const openWorld = async (_spec: unknown, o: { seed: number; queryOffset?: number }) => parabolaWorld(o.seed, o.queryOffset ?? 0);
const options = { world: { name: "parabola" }, seed: 5, rounds: 2, batch: 4, initialCount: 6, patience: 5 };

/** Experiment numbers the journal's `observations` events report. */
function reported(store: RunStore, runId: string): number[] {
  return store
    .events(runId)
    .filter((e) => e.type === "observations")
    .flatMap((e) => (e.payload.observations as { experimentSeq: number }[]).map((o) => o.experimentSeq))
    .sort((a, b) => a - b);
}

describe("a kill between journaling answers and their event", () => {
  it("is repaired on resume: the event replay reports every observation exactly once", async () => {
    const store = RunStore.memory();
    // The process "dies" right after round 1's answers are committed, before their event is written.
    const dying = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === "addEvent") {
          return (runId: string, type: string, payload: Record<string, unknown>) => {
            if (type === "observations" && (payload.round as number) === 1) throw new Error("killed");
            return target.addEvent(runId, type, payload);
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    await expect(discover(options, { store: dying, explain, openWorld, runId: "k1" })).rejects.toThrow("killed");
    const rows = store.observations("k1").map((o) => o.experimentSeq);
    expect(reported(store, "k1").length).toBeLessThan(rows.length);

    const r = await resumeRun("k1", { store, explain, openWorld });
    const all = store.observations("k1").map((o) => o.experimentSeq).sort((a, b) => a - b);
    expect(r.queries).toBe(all.length);
    expect(reported(store, "k1")).toEqual(all);
  });
});

describe("a corrupt journal file", () => {
  it("gives a one-line error naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-corrupt-"));
    writeFileSync(join(dir, "journal.sqlite"), "this is not a database, just forty-odd bytes of text\n".repeat(200));
    expect(() => RunStore.open(dir)).toThrow(JournalError);
    const r = await runCli(["resume", "--store", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`worldbreaker: the run journal ${join(dir, "journal.sqlite")} cannot be read (file is not a database); move it aside or point --store elsewhere\n`);
  });
});
