import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppModule from "../../src/server/app.js";
import type * as EngineModule from "../../src/server/discovery-engine.js";
import type { DiscoveryEngine, RunDetail } from "../../src/server/contract.js";
import { json, readSse } from "./helpers.js";

// Worker threads need JavaScript, so this exercises the compiled server in dist/ (`npm test` builds it first).
const dist = resolve("dist/server");
let engine: DiscoveryEngine;
let app: ReturnType<typeof AppModule.createApp>;

beforeAll(async () => {
  if (!existsSync(join(dist, "run-worker.js"))) throw new Error(`the compiled server is missing (${dist}); run 'npm run build' first`);
  const { createDiscoveryEngine } = (await import(pathToFileURL(join(dist, "discovery-engine.js")).href)) as typeof EngineModule;
  const { createApp } = (await import(pathToFileURL(join(dist, "app.js")).href)) as typeof AppModule;
  const storeDir = mkdtempSync(join(tmpdir(), "wb-thread-"));
  engine = createDiscoveryEngine({ storeDir, env: {}, cwd: storeDir });
  app = createApp({ engine, dataDir: join(storeDir, "web"), webRoot: storeDir, version: "t", allowExternal: true });
});
afterAll(() => engine?.close());

async function settle(): Promise<void> {
  while (app.runs.activeRunId) await new Promise((r) => setTimeout(r, 10));
}

describe("runs in a worker thread (compiled server)", () => {
  it("streams a run's events from the thread, stops it across the thread and resumes it", async () => {
    const res = await app.app.request("/api/runs", json({ world: { kind: "builtin", name: "double-slit" }, rounds: 3, seed: 2, explainSeconds: 0.3 }));
    expect(res.status).toBe(201);
    const { runId } = (await res.json()) as { runId: string };
    // While the thread computes, the server answers at once.
    const t0 = performance.now();
    expect((await app.app.request("/api/info")).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
    const first = await readSse(await app.app.request(`/api/runs/${runId}/events`), 3);
    expect(JSON.parse(first[0].data)).toMatchObject({ type: "run_started", runId });
    expect((await app.app.request(`/api/runs/${runId}/stop`, { method: "POST" })).status).toBe(200);
    await settle();
    let detail = (await (await app.app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.status).toBe("aborted");
    expect((await app.app.request(`/api/runs/${runId}/resume`, { method: "POST" })).status).toBe(200);
    const rest = await readSse(await app.app.request(`/api/runs/${runId}/events`));
    expect(rest[rest.length - 1]).toMatchObject({ event: "end", data: JSON.stringify({ status: "finished" }) });
    await settle();
    detail = (await (await app.app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.roundViews.map((r) => r.round)).toEqual([0, 1, 2, 3]);
  });

  it("reports a world that cannot start as a 400 with the world's own message", async () => {
    const res = await app.app.request("/api/runs", json({ world: { kind: "external", command: "/nonexistent/world-program --flag" } }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/nonexistent/);
    expect(app.runs.activeRunId).toBeUndefined();
  });
});
