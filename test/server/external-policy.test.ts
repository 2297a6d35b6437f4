/**
 * --allow-external holds on every path that starts a world's command: a start, a resume of an
 * interrupted, stopped or failed external run, and the run itself. The store holds an external run as
 * `discover --external` leaves it; the command would leave a marker file if it ever ran.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { createApp } from "../../src/server/app.js";
import { createDiscoveryEngine } from "../../src/server/discovery-engine.js";
import { runDiscovery } from "../../src/server/run-discovery.js";
import { ExternalWorldRefused } from "../../src/server/world-policy.js";

const dir = mkdtempSync(join(tmpdir(), "wb-ext-policy-"));
const marker = join(dir, "the-command-ran");
const script = join(dir, "world.cjs");
writeFileSync(script, `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\n`);
const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`;
const storeDir = join(dir, "runs");

/** Journals an external run as a killed (`running`), stopped or failed `discover --external` leaves it. */
function journalExternalRun(id: string, status: "running" | "aborted" | "failed"): void {
  const store = RunStore.open(storeDir);
  try {
    store.createRun({ id, world: "external", worldSpec: { external: command }, seed: 1, options: { rounds: 2 } });
    if (status !== "running") store.setStatus(id, status, status === "failed" ? { error: "the world crashed" } : {});
  } finally {
    store.close();
  }
}

const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: dir, inProcess: true });
afterAll(() => engine.close());

describe("external worlds on a server without --allow-external", () => {
  it("refuses to resume an interrupted, stopped or failed external run with 403, and the command never runs", async () => {
    const { app, runs } = createApp({ engine, dataDir: join(dir, "web"), webRoot: join(dir, "none"), version: "t" });
    expect(((await (await app.request("/api/info")).json()) as { allowExternal: boolean }).allowExternal).toBe(false);
    for (const status of ["running", "aborted", "failed"] as const) {
      const id = `external-${status}`;
      journalExternalRun(id, status);
      const res = await app.request(`/api/runs/${id}/resume`, { method: "POST" });
      expect(res.status, status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/--allow-external/);
      expect(runs.activeRunId).toBeUndefined();
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses the run itself when a path reaches it without the server's leave", async () => {
    journalExternalRun("external-direct", "running");
    const store = RunStore.open(storeDir);
    try {
      const hooks = { signal: new AbortController().signal, onEvent: () => {}, progress: () => {} };
      await expect(runDiscovery({ cwd: dir, env: {}, runId: "external-direct" }, store, hooks)).rejects.toBeInstanceOf(ExternalWorldRefused);
    } finally {
      store.close();
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("with --allow-external the same resume does start the command (the check is what stopped it)", async () => {
    journalExternalRun("external-allowed", "running");
    const { app, runs } = createApp({ engine, dataDir: join(dir, "web2"), webRoot: join(dir, "none"), version: "t", allowExternal: true });
    const res = await app.request(`/api/runs/external-allowed/resume`, { method: "POST" });
    // The command is no real world: it writes the marker and exits, so the run fails, but it ran.
    expect([200, 400]).toContain(res.status);
    while (runs.activeRunId) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(marker)).toBe(true);
  });
});
