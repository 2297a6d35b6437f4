import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { GraphStore } from "../../src/graph/store.js";
import { runCli } from "../helpers/cli.js";

const CORPUS = resolve("test/fixtures/graph/corpus/silk");

describe("incremental graph build", () => {
  it("adding a document to a stored graph equals building all documents at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-inc-"));
    cpSync(CORPUS, join(dir, "docs"), { recursive: true });
    const full = await runCli(["graph", "build", "docs", "--name", "full", "--out", "full.json"], { cwd: dir });
    expect(full.code, full.stderr).toBe(0);
    const first = await runCli(["graph", "build", "docs/hierarchy.md", "docs/mechanics.md", "--name", "inc"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(["graph", "build", "docs/spinning.md", "--name", "inc", "--out", "inc.json", "--json"], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ graph: "inc", added: ["docs/spinning.md"] });
    const a = JSON.parse(readFileSync(join(dir, "full.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(dir, "inc.json"), "utf8"));
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);
    expect(b.attributes.documents).toEqual(a.attributes.documents);

    // unchanged files are skipped; a changed file is refused with a clear message, and nothing is lost
    const again = await runCli(["graph", "build", "docs", "--name", "inc", "--json"], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], skipped: ["docs/hierarchy.md", "docs/mechanics.md", "docs/spinning.md"] });
    writeFileSync(join(dir, "docs/spinning.md"), "Spiders spin silk.");
    const changed = await runCli(["graph", "build", "docs/spinning.md", "--name", "inc"], { cwd: dir });
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain("docs/spinning.md is already in graph 'inc' with different content");
    const store = new GraphStore(join(dir, ".wb-runs/worldbreaker.sqlite"));
    expect(store.list().map((s) => [s.name, s.documents])).toEqual([["full", 3], ["inc", 3]]);
    expect(store.load("inc")!.order).toBe(a.nodes.length);
    store.close();
  });

  it("an interrupted build saves nothing half-read and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-int-"));
    cpSync(CORPUS, join(dir, "docs"), { recursive: true });
    const controller = new AbortController();
    controller.abort();
    const r = await runCli(["graph", "build", "docs", "--name", "x", "--json"], { cwd: dir, signal: controller.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("interrupted: the documents read so far are saved");
    expect(JSON.parse(r.stdout)).toMatchObject({ added: [], interrupted: true });
  });

  it("reports missing inputs and unknown graphs in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-err-"));
    const r = await runCli(["graph", "build", "nope.md"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("worldbreaker: graph build: no such file or folder: nope.md");
    const s = await runCli(["graph", "stats", "missing"], { cwd: dir });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("no graph file or stored graph named 'missing'");
    writeFileSync(join(dir, "bad.json"), "{ nodes: ");
    const j = await runCli(["graph", "stats", "bad.json"], { cwd: dir });
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/^worldbreaker: bad.json: not valid JSON/);
    writeFileSync(join(dir, "bad2.json"), JSON.stringify({ nodes: [{ key: "a" }], edges: [{ source: "a", target: "zz" }] }));
    const k = await runCli(["graph", "stats", "bad2.json"], { cwd: dir });
    expect(k.stderr.trim()).toBe("worldbreaker: bad2.json: edge 0 refers to missing node 'zz'");
  });
});
