/**
 * Heavy requests run off the server's event loop (compiled server: worker threads need JavaScript):
 * while an upload is read or a table explained, GET /api/info answers first — an ordering, not a
 * timing. An explanation past its requested seconds plus grace is ended with its thread.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppModule from "../../src/server/app.js";
import type * as EngineModule from "../../src/server/discovery-engine.js";
import type * as TaskModule from "../../src/server/task-thread.js";
import type { DiscoveryEngine, ExplainView } from "../../src/server/contract.js";
import { json } from "./helpers.js";

const dist = resolve("dist/server");
const dir = mkdtempSync(join(tmpdir(), "wb-off-loop-"));
let engine: DiscoveryEngine;
let createApp: typeof AppModule.createApp;
let tasks: typeof TaskModule;

beforeAll(async () => {
  if (!existsSync(join(dist, "task-worker.js"))) throw new Error(`the compiled server is missing (${dist}); run 'npm run build' first`);
  const { createDiscoveryEngine } = (await import(pathToFileURL(join(dist, "discovery-engine.js")).href)) as typeof EngineModule;
  ({ createApp } = (await import(pathToFileURL(join(dist, "app.js")).href)) as typeof AppModule);
  tasks = (await import(pathToFileURL(join(dist, "task-thread.js")).href)) as typeof TaskModule;
  engine = createDiscoveryEngine({ storeDir: join(dir, "runs"), env: {}, cwd: dir, explainThreads: 1 });
  // Loaded now, so that the in-process path (before the fix) would start computing without waiting on a module.
  await import(pathToFileURL(join(dist, "explain-view.js")).href);
  await import(pathToFileURL(join(dist, "inspect-csv.js")).href);
});
afterAll(() => engine?.close());

/** An exact law on many rows: the Explainer's fast path finds it without a search (no pause for the loop). */
function table(rows: number): string {
  const lines = ["x,z,y"];
  for (let i = 0; i < rows; i++) {
    const x = (i % 997) / 97 + 0.5;
    const z = ((i * 7) % 991) / 113 + 1;
    lines.push(`${x},${z},${2 * x + 3}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * An app whose engine, on entering `method`, asks for GET /api/info on the next turn of the event loop;
 * `order` records which answer came first.
 */
function appWithProbe(method: "explain" | "inspectUpload") {
  const order: string[] = [];
  let probe: Promise<void> | undefined;
  const wrapped: DiscoveryEngine = {
    ...engine,
    [method]: (...args: unknown[]) => {
      setImmediate(() => {
        probe = (async () => {
          const res = await app.app.request("/api/info");
          expect(res.status).toBe(200);
          order.push("info");
        })();
      });
      return (engine[method] as (...a: unknown[]) => unknown)(...args);
    },
  };
  const app = createApp({ engine: wrapped, dataDir: join(dir, `web-${method}`), webRoot: dir, version: "t" });
  return { app: app.app, order, probe: () => probe };
}

describe("heavy requests off the event loop", () => {
  it("answers GET /api/info while a large upload is being read", async () => {
    const { app, order, probe } = appWithProbe("inspectUpload");
    const res = await app.request("/api/uploads?name=big.csv", { method: "POST", body: table(25_000) });
    order.push("upload");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ columns: ["x", "z", "y"], rows: 25_000 });
    await probe();
    expect(order).toEqual(["info", "upload"]);
  });

  it("answers GET /api/info while a table is explained, and the explanation is right", async () => {
    const { app, order, probe } = appWithProbe("explain");
    const up = (await (await app.request("/api/uploads?name=line.csv", { method: "POST", body: table(5_000) })).json()) as { id: string };
    const res = await app.request("/api/explain", json({ uploadId: up.id, target: "y", seconds: 3 }));
    order.push("explain");
    // On a loaded machine the Explainer may not make it in 3 s + grace: then the answer says so (the order is the point).
    if (res.status === 422) {
      expect(((await res.json()) as { error: string }).error).toMatch(/did not finish within 4\.3 s \(3 s asked for/);
    } else {
      expect(res.status).toBe(200);
      const view = (await res.json()) as ExplainView;
      expect(view.r2).toBeGreaterThan(0.999999);
      expect(view.rows).toEqual({ used: 5_000, total: 5_000 });
    }
    await probe();
    expect(order).toEqual(["info", "explain"]);
  });

  it("ends a job that runs past its time, with its thread, and says so", async () => {
    const script = join(dir, "never-answers.mjs");
    writeFileSync(script, `import { parentPort } from "node:worker_threads";\nparentPort.once("message", () => setInterval(() => {}, 1000));\n`);
    const threads = new tasks.TaskThreads(script);
    try {
      const job = { kind: "inspect", uploadKind: "csv", path: "x", fileName: "x.csv", cwd: dir } as const;
      await expect(threads.run(job, { timeoutMs: 200, timeoutMessage: "the explanation did not finish within 0.2 s" })).rejects.toMatchObject({ status: 422, message: /did not finish within 0\.2 s/ });
      // A requester that went away ends its job the same way.
      const gone = new AbortController();
      const pending = threads.run(job, { signal: gone.signal });
      gone.abort();
      await expect(pending).rejects.toThrow(/cancelled/);
    } finally {
      threads.close();
    }
  });
});
