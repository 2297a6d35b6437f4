/**
 * What the server must not show a browser: the server's absolute paths in any error, and a missing-build
 * page for an address that is merely malformed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { createApp } from "../../src/server/app.js";
import { createDiscoveryEngine } from "../../src/server/discovery-engine.js";
import { redactPaths } from "../../src/server/redact.js";
import { fakeApp, readSse, tempDir } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "wb-leaks-"));
const storeDir = join(dir, "runs");
const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: dir, inProcess: true });
const { app } = createApp({ engine, dataDir: join(dir, "web"), webRoot: join(dir, "none"), version: "t" });
afterAll(() => engine.close());

describe("server paths never reach a browser", () => {
  it("cuts paths in the server's folders to their last part and leaves other text alone", () => {
    const home = homedir();
    expect(redactPaths(`${home}/.wb-runs/web/uploads/Ab3/broken.json: 'observations' must be a non-empty list`)).toBe("broken.json: 'observations' must be a non-empty list");
    expect(redactPaths(`no such file: ${join(tmpdir(), "x", "t.csv")} (cwd ${process.cwd()}/)`)).toBe("no such file: t.csv (cwd …)");
    expect(redactPaths(`at file://${join(process.cwd(), "dist", "worlds", "external.js")}:12`)).toBe("at external.js:12");
    // The user's own words: a command outside the server's folders, laws and ratios.
    expect(redactPaths("could not start '/nonexistent/world-program'")).toBe("could not start '/nonexistent/world-program'");
    expect(redactPaths("law a/b/c + x / y fits 3/4 of rows")).toBe("law a/b/c + x / y fits 3/4 of rows");
  });

  it("an upload the reader refuses is named by its file name only", async () => {
    const res = await app.request("/api/uploads?name=broken.json", { method: "POST", body: '{"observations": 3}' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/broken\.json/);
    expect(error).not.toContain(dir);
    expect(error).not.toMatch(/(^|\s)\/\w/);
  });

  it("a failed run's error, in its detail and its event stream, names no server path", async () => {
    const store = RunStore.open(storeDir);
    const secret = join(dir, "private", "table.csv");
    try {
      store.createRun({ id: "failed-run", world: "table", worldSpec: { file: secret }, seed: 1, options: {} });
      store.addEvent("failed-run", "run_failed", { runId: "failed-run", error: `no such file: ${secret}` });
      store.setStatus("failed-run", "failed", { error: `no such file: ${secret}` });
    } finally {
      store.close();
    }
    const detail = (await (await app.request("/api/runs/failed-run")).json()) as { error: string };
    expect(detail.error).toBe("no such file: table.csv");
    const stream = await readSse(await app.request("/api/runs/failed-run/events"));
    const text = stream.map((m) => m.data).join("\n");
    expect(text).toContain("no such file: table.csv");
    expect(text).not.toContain(dir);
  });
});

describe("malformed addresses", () => {
  it("answers 400 to an address that is not valid percent-encoding, even when the app is built", async () => {
    const webRoot = tempDir("wb-web-built-");
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>app</title>");
    const { app: built } = fakeApp({ webRoot });
    for (const path of ["/%", "/%zz", "/runs/%E0%A4%A"]) {
      const res = await built.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.text()).not.toMatch(/not built/);
    }
    expect((await built.request("/")).status).toBe(200);
    expect((await built.request("/runs/abc")).status).toBe(200);
  });
});
