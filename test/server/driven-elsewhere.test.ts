/**
 * A run another live process drives (a CLI `discover`, another server) holds its lease: the server lists it
 * as running, not interrupted, and refuses to resume it with 409 naming the holder — so two drivers never
 * write the same run.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { createApp } from "../../src/server/app.js";
import { createDiscoveryEngine } from "../../src/server/discovery-engine.js";

const dir = mkdtempSync(join(tmpdir(), "wb-driven-"));
const storeDir = join(dir, "runs");
const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: dir, inProcess: true });
afterAll(() => engine.close());

describe("a run driven by another process", () => {
  it("is listed as running and its resume is refused with 409; once the lease is gone it is interrupted", async () => {
    const store = RunStore.open(storeDir);
    store.createRun({ id: "cli-run", world: "double-slit", worldSpec: { name: "double-slit" }, seed: 1, options: { rounds: 2 } });
    // This test's own process stands for the CLI that drives the run: alive, on this host.
    store.claimRun("cli-run");
    const { app, runs } = createApp({ engine, dataDir: join(dir, "web"), webRoot: join(dir, "none"), version: "t" });
    try {
      const list = (await (await app.request("/api/runs")).json()) as { runs: Array<{ runId: string; status: string; drivenBy?: { pid: number } }> };
      const item = list.runs.find((r) => r.runId === "cli-run")!;
      expect(item.status).toBe("running");
      expect(item.drivenBy?.pid).toBe(process.pid);
      const res = await app.request("/api/runs/cli-run/resume", { method: "POST" });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toMatch(new RegExp(`driven by pid ${process.pid}`));
      expect(runs.activeRunId).toBeUndefined();
      store.releaseLease("cli-run");
      const after = (await (await app.request("/api/runs/cli-run")).json()) as { status: string };
      expect(after.status).toBe("interrupted");
    } finally {
      store.close();
    }
  });
});
