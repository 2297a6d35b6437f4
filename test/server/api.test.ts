import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FakeEngine } from "./fake-engine.js";
import { fakeApp, json, readSse, tempDir } from "./helpers.js";

describe("API validation", () => {
  it("describes itself", async () => {
    const { app } = fakeApp();
    const res = await app.request("/api/info");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { worlds: { name: string }[]; allowExternal: boolean };
    expect(body.worlds.map((w) => w.name)).toEqual(["toy"]);
    expect(body.allowExternal).toBe(false);
  });

  it("answers bad start requests with 4xx and a sentence naming the field", async () => {
    const { app } = fakeApp();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ world: { kind: "builtin", name: "toy" }, rounds: 0 }, 400, /'rounds'.*at least 1/],
      [{ world: { kind: "builtin", name: "toy" }, rounds: 2.5 }, 400, /'rounds'.*whole number/],
      [{ world: { kind: "builtin", name: "toy" }, seed: -3 }, 400, /'seed'/],
      [{ world: { kind: "builtin", name: "nope" } }, 400, /unknown world 'nope'; known: toy/],
      [{ world: { kind: "moon" } }, 400, /'world.kind'/],
      [{ world: { kind: "builtin", name: "toy" }, extra: 1 }, 400, /extra/],
      [{ world: { kind: "upload", uploadId: "../../etc" } }, 400, /'world.uploadId'/],
      [{ world: { kind: "upload", uploadId: "abc" } }, 404, /no uploaded file/],
      [{ world: { kind: "external", command: "python3 w.py" } }, 403, /--allow-external/],
      [{ world: { kind: "builtin", name: "toy" }, llm: "gpt" }, 400, /no language-model profile named 'gpt'/],
      [[], 400, /start a run/],
    ];
    for (const [body, status, message] of cases) {
      const res = await app.request("/api/runs", json(body));
      expect(res.status, JSON.stringify(body)).toBe(status);
      const answer = (await res.json()) as { error: string };
      expect(answer.error).toMatch(message);
    }
  });

  it("rejects malformed JSON, wrong content types, bad ids and unknown endpoints", async () => {
    const { app } = fakeApp();
    let res = await app.request("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
    res = await app.request("/api/runs", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" });
    expect(res.status).toBe(415);
    res = await app.request("/api/runs/a.b");
    expect(res.status).toBe(400);
    res = await app.request("/api/runs/nothere");
    expect(res.status).toBe(404);
    res = await app.request("/api/runs/nothere/events");
    expect(res.status).toBe(404);
    res = await app.request("/api/frobnicate");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/no such API endpoint/);
  });

  it("never answers arbitrary JSON with a 500", async () => {
    const { app } = fakeApp();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom("/api/runs", "/api/explain"), async (body, path) => {
        const res = await app.request(path, json(body));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const answer = (await res.json()) as { error: string };
        expect(answer.error.length).toBeGreaterThan(5);
        expect(answer.error).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it("caps upload sizes and reads what is uploaded", async () => {
    const { app } = fakeApp({ maxUploadBytes: 1000 });
    let res = await app.request("/api/uploads?name=big.csv", { method: "POST", body: "x,y\n" + "1,2\n".repeat(400) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/larger than this server accepts/);
    res = await app.request("/api/uploads?name=data.exe", { method: "POST", body: "x,y\n1,2\n" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/must end in .csv/);
    res = await app.request("/api/uploads?name=empty.csv", { method: "POST", body: "  \n" });
    expect(res.status).toBe(400);
    res = await app.request("/api/uploads?name=one.csv", { method: "POST", body: "x,y\n" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/one.csv: no data rows/);
    res = await app.request("/api/uploads?name=../../evil.csv", { method: "POST", body: "x,y\n1,2\n3,4\n" });
    expect(res.status).toBe(201);
    const up = (await res.json()) as { id: string; name: string; columns: string[]; rows: number; path?: string };
    expect(up).toMatchObject({ name: "evil.csv", columns: ["x", "y"], rows: 2 });
    expect(up.path).toBeUndefined();
    res = await app.request(`/api/uploads/${up.id}`);
    expect(((await res.json()) as { rows: number }).rows).toBe(2);
    // A target column must exist in the uploaded table.
    res = await app.request("/api/runs", json({ world: { kind: "upload", uploadId: up.id, target: "z" } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/column 'z' is not in evil.csv; its columns are x, y/);
  });
});

describe("run lifecycle", () => {
  it("starts one run at a time, streams its events, stops and resumes it", async () => {
    const engine = new FakeEngine(15);
    const { app, runs } = fakeApp({ engine });
    let res = await app.request("/api/runs", json({ world: { kind: "builtin", name: "toy" }, rounds: 50, seed: 7 }));
    expect(res.status).toBe(201);
    const { runId } = (await res.json()) as { runId: string };
    expect(runId).toBe("run1");

    res = await app.request("/api/runs", json({ world: { kind: "builtin", name: "toy" } }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/already in progress \(run1\)/);

    const stream = await app.request(`/api/runs/${runId}/events`);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const first = await readSse(stream, 3);
    expect(first[0].event).toBe("run");
    expect(JSON.parse(first[0].data)).toMatchObject({ type: "run_started", runId: "run1" });
    expect(first.map((m) => m.id)).toEqual(["0", "1", "2"]);

    res = await app.request(`/api/runs/${runId}`);
    expect(((await res.json()) as { active: boolean }).active).toBe(true);

    // Stopping ends the live stream with the run's final status.
    const tail = app.request(`/api/runs/${runId}/events?after=2`);
    res = await app.request(`/api/runs/${runId}/stop`, { method: "POST" });
    expect(res.status).toBe(200);
    const rest = await readSse(await tail);
    expect(rest[rest.length - 1]).toMatchObject({ event: "end", data: JSON.stringify({ status: "aborted" }) });
    while (runs.activeRunId) await new Promise((r) => setTimeout(r, 5));
    const stoppedAt = engine.runs.get(runId)?.done ?? 0;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(50);

    res = await app.request(`/api/runs/${runId}/stop`, { method: "POST" });
    expect(res.status).toBe(409);

    // Resuming continues the same run to its end; a late reader replays everything from the start.
    res = await app.request(`/api/runs/${runId}/resume`, { method: "POST" });
    expect(res.status).toBe(200);
    const all = await readSse(await app.request(`/api/runs/${runId}/events`));
    const types = all.filter((m) => m.event === "run").map((m) => (JSON.parse(m.data) as { type: string }).type);
    expect(types.filter((t) => t === "run_started")).toHaveLength(2);
    expect(types.filter((t) => t === "round_finished")).toHaveLength(50);
    expect(types[types.length - 1]).toBe("run_finished");
    expect(all[all.length - 1]).toMatchObject({ event: "end", data: JSON.stringify({ status: "finished" }) });
    while (runs.activeRunId) await new Promise((r) => setTimeout(r, 5));

    res = await app.request(`/api/runs/${runId}/resume`, { method: "POST" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/already finished/);
  });

  it("reports a run that fails before it starts as a 400, and frees the slot", async () => {
    const { app } = fakeApp();
    let res = await app.request("/api/runs", json({ world: { kind: "external", command: "explode" } }));
    expect(res.status).toBe(403);
    const { app: open } = fakeApp({ allowExternal: true });
    res = await open.request("/api/runs", json({ world: { kind: "external", command: "explode now" } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("cannot open world 'explode'");
    res = await open.request("/api/runs", json({ world: { kind: "builtin", name: "toy" }, rounds: 1 }));
    expect(res.status).toBe(201);
  });

  it("shows a run the journal calls running, but nothing here runs, as interrupted and resumable", async () => {
    const engine = new FakeEngine(5);
    engine.runs.set("crashed", { id: "crashed", world: "toy", seed: 1, rounds: 2, done: 1, status: "running", events: [] });
    const { app, runs } = fakeApp({ engine });
    const list = (await (await app.request("/api/runs")).json()) as { runs: { runId: string; status: string }[] };
    expect(list.runs).toEqual([expect.objectContaining({ runId: "crashed", status: "interrupted" })]);
    expect(((await (await app.request("/api/runs/crashed")).json()) as { status: string }).status).toBe("interrupted");
    expect((await app.request("/api/runs/crashed/resume", { method: "POST" })).status).toBe(200);
    while (runs.activeRunId) await new Promise((r) => setTimeout(r, 5));
    expect(((await (await app.request("/api/runs/crashed")).json()) as { status: string }).status).toBe("finished");
  });

  it("serves reports and the run's data as downloads", async () => {
    const { app } = fakeApp();
    const { runId } = (await (await app.request("/api/runs", json({ world: { kind: "builtin", name: "toy" }, rounds: 1 }))).json()) as { runId: string };
    let res = await app.request(`/api/runs/${runId}/report.html`);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain(`report of ${runId}`);
    res = await app.request(`/api/runs/${runId}/laws.json?download`);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    res = await app.request(`/api/runs/${runId}/data.csv`);
    expect(await res.text()).toBe("index,round,x,y,predicted,chosen_by\n0,0,0.5,1,1,start\n");
  });
});

describe("static files", () => {
  it("serves the built app, falls back to index.html, and never leaves its folder", async () => {
    const web = tempDir("wb-web-");
    writeFileSync(join(web, "index.html"), "<!doctype html><title>app</title>");
    const { app } = fakeApp({ webRoot: web });
    let res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(await res.text()).toContain("<title>app</title>");
    res = await app.request("/runs/whatever");
    expect(await res.text()).toContain("<title>app</title>");
    res = await app.request("/..%2f..%2f..%2fetc%2fpasswd");
    expect(await res.text()).not.toMatch(/root:/);
  });

  it("explains how to build the app when it is missing", async () => {
    const { app } = fakeApp();
    const res = await app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });
});

describe("compression", () => {
  it("compresses the app's files for browsers that accept gzip", async () => {
    const web = tempDir("wb-web-");
    writeFileSync(join(web, "index.html"), `<!doctype html><title>app</title>${"<p>hello</p>".repeat(500)}`);
    const { app } = fakeApp({ webRoot: web });
    const res = await app.request("/", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const plain = await app.request("/");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain("<title>app</title>");
  });
});
