import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { createDiscoveryEngine } from "../../src/server/discovery-engine.js";
import type { RunDetail } from "../../src/server/contract.js";
import { json, readSse } from "./helpers.js";

const storeDir = mkdtempSync(join(tmpdir(), "wb-real-"));
const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: storeDir, explainThreads: 1 });
const { app, runs } = createApp({ engine, dataDir: join(storeDir, "web"), webRoot: join(storeDir, "none"), version: "t" });
afterAll(() => engine.close());

type Event = { type: string; round?: number; runId?: string };

async function settle(): Promise<void> {
  while (runs.activeRunId) await new Promise((r) => setTimeout(r, 10));
}

describe("the real discovery engine behind the API", () => {
  it("runs double-slit, streams the journaled events live, and shows laws, data and predictions", async () => {
    const res = await app.request("/api/runs", json({ world: { kind: "builtin", name: "double-slit" }, rounds: 2, seed: 3, explainSeconds: 0.5 }));
    expect(res.status).toBe(201);
    const { runId } = (await res.json()) as { runId: string };
    expect(runId).toMatch(/^double-slit-/);
    const live = (await readSse(await app.request(`/api/runs/${runId}/events`))).filter((m) => m.event === "run").map((m) => JSON.parse(m.data) as Event);
    await settle();
    expect(live[0]).toMatchObject({ type: "run_started", runId });
    expect(live[live.length - 1].type).toBe("run_finished");
    expect(live.filter((e) => e.type === "round_finished").map((e) => e.round)).toEqual([0, 1, 2]);
    // A late reader gets exactly the same stream from the journal.
    const replay = (await readSse(await app.request(`/api/runs/${runId}/events`))).filter((m) => m.event === "run").map((m) => JSON.parse(m.data) as Event);
    expect(replay).toEqual(live);

    const detail = (await (await app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.status).toBe("finished");
    expect(detail.inputs.map((i) => i.name)).toEqual(["x", "d", "lambda"]);
    expect(detail.output.name).toBe("counts");
    expect(detail.roundViews.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(detail.queries).toBe(detail.observations.length);
    expect(detail.currentLaw?.law).toBe(detail.finalLaw);
    expect(detail.currentLaw?.latex.length).toBeGreaterThan(0);
    expect(detail.receivedTheory).toMatch(/exp/);
    // A run with rounds always says whether the received theory fell: null when it stood, else the round (≥ 1).
    expect(detail.falsification).toBeDefined();
    if (detail.falsification) expect(detail.falsification.round).toBeGreaterThanOrEqual(1);
    expect(detail.observations.every((o) => o.predicted !== null)).toBe(true);
    expect(detail.observations.filter((o) => o.round === 0).every((o) => !o.breaker)).toBe(true);
    expect(detail.observations.filter((o) => o.round > 0).every((o) => o.breaker)).toBe(true);
    expect(detail.observations.some((o) => o.breaker)).toBe(true);

    const list = (await (await app.request("/api/runs")).json()) as { runs: { runId: string; status: string }[] };
    expect(list.runs.find((r) => r.runId === runId)?.status).toBe("finished");

    const report = await (await app.request(`/api/runs/${runId}/report.html`)).text();
    expect(report).toContain("<html");
    expect(report).toContain("katex");
    const csv = (await (await app.request(`/api/runs/${runId}/data.csv`)).text()).split("\n");
    expect(csv[0]).toBe("index,round,x,d,lambda,counts,predicted,chosen_by");
    expect(csv.length - 2).toBe(detail.queries);
    const laws = JSON.parse(await (await app.request(`/api/runs/${runId}/laws.json`)).text()) as { rounds: unknown[] };
    expect(laws.rounds).toHaveLength(3);
  });

  it("stops a real run cleanly and resumes it to the end", async () => {
    const res = await app.request("/api/runs", json({ world: { kind: "builtin", name: "double-slit" }, rounds: 3, seed: 5, explainSeconds: 0.3 }));
    const { runId } = (await res.json()) as { runId: string };
    const first = await readSse(await app.request(`/api/runs/${runId}/events`), 2);
    expect(first.length).toBe(2);
    expect((await app.request(`/api/runs/${runId}/stop`, { method: "POST" })).status).toBe(200);
    await settle();
    let detail = (await (await app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.status).toBe("aborted");
    const before = detail.roundViews.length;
    expect(before).toBeLessThan(4);

    expect((await app.request(`/api/runs/${runId}/resume`, { method: "POST" })).status).toBe(200);
    const rest = await readSse(await app.request(`/api/runs/${runId}/events`));
    expect(rest[rest.length - 1]).toMatchObject({ event: "end", data: JSON.stringify({ status: "finished" }) });
    await settle();
    detail = (await (await app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.status).toBe("finished");
    expect(detail.roundViews.map((r) => r.round)).toEqual([0, 1, 2, 3]);
    const resumedStarts = rest.filter((m) => m.event === "run" && (JSON.parse(m.data) as Event).type === "run_started");
    expect(resumedStarts).toHaveLength(2);
  });

  it("discovers from an uploaded CSV table, choosing rows as experiments", async () => {
    const rows = ["force,temperature,extension"];
    for (let i = 0; i < 80; i++) {
      const f = 0.5 + (i % 20) * 0.5;
      const t = 280 + Math.floor(i / 20) * 10;
      rows.push(`${f},${t},${(3 * f) / (1 + 0.2 * f)}`);
    }
    let res = await app.request("/api/uploads?name=spring.csv", { method: "POST", body: rows.join("\n") });
    const up = (await res.json()) as { id: string };
    res = await app.request("/api/runs", json({ world: { kind: "upload", uploadId: up.id, target: "extension" }, rounds: 2, seed: 1, explainSeconds: 0.5 }));
    expect(res.status).toBe(201);
    const { runId } = (await res.json()) as { runId: string };
    expect(runId).toMatch(/^spring-/);
    const end = await readSse(await app.request(`/api/runs/${runId}/events`));
    expect(end[end.length - 1]).toMatchObject({ event: "end", data: JSON.stringify({ status: "finished" }) });
    await settle();
    const detail = (await (await app.request(`/api/runs/${runId}`)).json()) as RunDetail;
    expect(detail.output.name).toBe("extension");
    expect(detail.inputs.map((i) => i.name)).toEqual(["force", "temperature"]);
    expect(detail.currentLaw?.r2).toBeGreaterThan(0.9);
  });

  it("reads uploaded CSV tables and staged datasets with the project's readers", async () => {
    let res = await app.request("/api/uploads?name=bad.csv", { method: "POST", body: "x,y\n1,2\n3,banana\n" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/bad\.csv.*(row|line) 3/);
    res = await app.request("/api/uploads?name=good.csv", { method: "POST", body: "x,y\n1,2\n3,4\n5,6\n" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: "csv", columns: ["x", "y"], rows: 3 });
    const staged = "data/breaking-the-world/tensile_cyclic.json";
    const { readFileSync } = await import("node:fs");
    res = await app.request("/api/uploads?name=tensile_cyclic.json", { method: "POST", body: readFileSync(staged) });
    expect(res.status).toBe(201);
    const up = (await res.json()) as { kind: string; columns: string[]; rows: number };
    expect(up.kind).toBe("staged");
    expect(up.rows).toBeGreaterThan(10);
    res = await app.request("/api/uploads?name=broken.json", { method: "POST", body: '{"observations": 3}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/broken\.json/);
  });
});
