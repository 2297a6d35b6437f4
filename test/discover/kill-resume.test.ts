import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../helpers/cli.js";
import { RunStore } from "../../src/journal/index.js";

// The child runs the compiled CLI (`npm test` builds dist/ first) with the real Explainer on an
// evaluation budget (deterministic for a seed) against a slow external world, so the kill lands while a
// journaled batch is still unanswered.
const BIN = resolve("bin/worldbreaker.js");
const WORLD = `"${process.execPath}" "${resolve("test/fixtures/discover/slow-world.mjs")}"`;
const ARGS = ["discover", "--external", WORLD, "--seed", "4", "--rounds", "1", "--initial", "10", "--batch", "5", "--evaluations", "400", "--time", "60"];

function strip(json: string) {
  const r = JSON.parse(json);
  return { ...r, runId: "", seconds: 0 };
}

describe("resume after kill -9", () => {
  it("a run killed mid-round resumes to exactly the uninterrupted result, asking nothing twice", async () => {
    expect(existsSync(resolve("dist/cli/main.js")), "dist/ is missing: run `npm run build` (npm test does)").toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "wb-kill-"));
    const child = spawn(process.execPath, [BIN, ...ARGS, "--store", join(dir, "killed")], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const killed = await new Promise<boolean>((done) => {
      child.stderr.on("data", (b: Buffer) => {
        stderr += b.toString();
        // Experiments of round 1 are journaled just before this line: kill before they are answered.
        if (stderr.includes("round 1: asking")) {
          child.kill("SIGKILL");
        }
      });
      child.on("exit", (_code, signal) => done(signal === "SIGKILL"));
    });
    expect(killed, `the child finished before it could be killed:\n${stderr}`).toBe(true);

    const store = RunStore.open(join(dir, "killed"));
    const [run] = store.listRuns();
    expect(run.status).toBe("running");
    const pendingBefore = store.experiments(run.id).filter((e) => !e.answered).length;
    const answeredBefore = store.observations(run.id).length;
    store.close();
    expect(pendingBefore).toBeGreaterThan(0);

    const resumed = await runCli(["resume", run.id, "--store", join(dir, "killed"), "--json"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const reference = await runCli([...ARGS, "--store", join(dir, "reference"), "--json"]);
    expect(reference.code, reference.stderr).toBe(0);
    expect(strip(resumed.stdout)).toEqual(strip(reference.stdout));

    const after = RunStore.open(join(dir, "killed"));
    const obs = after.observations(run.id);
    expect(obs.length).toBe(JSON.parse(reference.stdout).queries);
    expect(obs.length).toBeGreaterThan(answeredBefore);
    // Each experiment answered exactly once.
    expect(new Set(obs.map((o) => o.experimentSeq)).size).toBe(obs.length);
    expect(after.getRun(run.id)?.status).toBe("finished");
    after.close();
  });
});
