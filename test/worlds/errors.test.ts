import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WorldbreakerError } from "../../src/errors.js";
import { splitCommandLine } from "../../src/worlds/command-line.js";
import { WorldError } from "../../src/worlds/errors.js";
import { openWorld } from "../../src/worlds/open.js";
import { readStagedDataset } from "../../src/worlds/staged-dataset.js";

describe("worlds fail with WorldError", () => {
  it("for an unknown world and an ambiguous spec", async () => {
    await expect(openWorld({ name: "triple-slit" }, { seed: 1, cwd: process.cwd() })).rejects.toBeInstanceOf(WorldError);
    await expect(openWorld({ name: "a", external: "b" }, { seed: 1, cwd: process.cwd() })).rejects.toBeInstanceOf(WorldError);
  });

  it("for an experiment outside the space, keeping the one-line message", async () => {
    const w = await openWorld({ name: "double-slit" }, { seed: 1, cwd: process.cwd() });
    const err = await w.run([{ x: 0, d: 100, lambda: 300 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorldError);
    expect(err).toBeInstanceOf(WorldbreakerError);
    expect((err as WorldError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/input 'lambda' = 300 is outside its range \[400, 700\]/);
    await w.close();
  });

  it("for a staged dataset that is not JSON, and for a bad external command line", () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-world-errors-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ not json");
    expect(() => readStagedDataset(file)).toThrow(WorldError);
    expect(() => readStagedDataset(file)).toThrow(/bad\.json: not valid JSON/);
    expect(() => splitCommandLine(`a "b`)).toThrow(WorldError);
  });
});
