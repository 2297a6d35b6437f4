import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunJournalError } from "../../src/discover/errors.js";
import { JournalConsistencyError, JournalError, RunStore } from "../../src/journal/index.js";

describe("journal errors", () => {
  it("a store directory that cannot be created is a JournalError (a RunJournalError the loop can name)", () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-journal-"));
    writeFileSync(join(dir, "file"), "x");
    const open = () => RunStore.open(join(dir, "file", "runs"));
    expect(open).toThrow(JournalError);
    expect(open).toThrow(RunJournalError);
    expect(open).toThrow(/cannot create the run store/);
  });

  it("a run id already taken is a JournalError; an answer to an answered experiment is a consistency error (a bug)", () => {
    const s = RunStore.memory();
    s.createRun({ id: "r", world: "w", worldSpec: { name: "w" }, seed: 1, options: {} });
    expect(() => s.createRun({ id: "r", world: "w", worldSpec: { name: "w" }, seed: 1, options: {} })).toThrow(JournalError);
    s.addExperiments("r", 0, [{ inputs: { x: 1 }, strategy: "initial" }]);
    s.recordAnswers("r", [{ experimentSeq: 0, observations: [{ inputs: { x: 1 }, output: 1 }] }]);
    const again = () => s.recordAnswers("r", [{ experimentSeq: 0, observations: [{ inputs: { x: 1 }, output: 1 }] }]);
    expect(again).toThrow(JournalConsistencyError);
    expect(again).not.toThrow(JournalError);
    s.close();
  });
});
