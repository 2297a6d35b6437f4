import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppModule from "../../src/server/app.js";
import type * as EngineModule from "../../src/server/discovery-engine.js";
import type { RunDetail } from "../../src/server/contract.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { json, readSse } from "./helpers.js";

let fake: FakeOpenAI;
let storeDir: string;
let createDiscoveryEngine: typeof EngineModule.createDiscoveryEngine;
let createApp: typeof AppModule.createApp;

beforeAll(async () => {
  // The compiled server, as `worldbreaker serve` runs it (the run in a worker thread); `npm test` builds dist/ first.
  const dist = resolve("dist/server");
  if (!existsSync(join(dist, "run-worker.js"))) throw new Error(`the compiled server is missing (${dist}); run 'npm run build' first`);
  ({ createDiscoveryEngine } = (await import(pathToFileURL(join(dist, "discovery-engine.js")).href)) as typeof EngineModule);
  ({ createApp } = (await import(pathToFileURL(join(dist, "app.js")).href)) as typeof AppModule);
  storeDir = mkdtempSync(join(tmpdir(), "wb-llm-web-"));
  // A scripted model: proposes the interference law, picks one experiment, and approves laws.
  fake = await startFakeOpenAI({
    handler: (req) => {
      if (req.schemaName === "explainer_candidates") {
        return reply.json({ candidates: [{ law: "A*cos(B*d*x/lambda)^2", derived: [], rationale: "fringes from two coherent slits" }] });
      }
      if (req.schemaName === "breaker_experiments") {
        return reply.json({ experiments: [{ inputs: { x: 0.3, d: 200, lambda: 500 }, hypothesis: "two piles predict few particles between the slits" }] });
      }
      if (req.schemaName === "critic_verdict") return reply.json({ unitsConsistent: true, physicallyPlausible: true, issues: [] });
      return undefined;
    },
  });
});
afterAll(async () => fake?.close());

describe("a run with a language-model helper", () => {
  it("offers the configured profile and shows the model's exchanges in the run view", async () => {
    const env = { WORLDBREAKER_LLM_BASE_URL: fake.url, WORLDBREAKER_LLM_MODEL: "fake-model" };
    const engine = createDiscoveryEngine({ storeDir, env, cwd: storeDir });
    const { app, runs } = createApp({ engine, dataDir: join(storeDir, "web"), webRoot: storeDir, version: "t" });
    try {
      const info = (await (await app.request("/api/info")).json()) as { llmProfiles: string[] };
      expect(info.llmProfiles).toEqual(["default"]);
      const res = await app.request("/api/runs", json({ world: { kind: "builtin", name: "double-slit" }, rounds: 1, seed: 1, explainSeconds: 0.3, llm: "default" }));
      expect(res.status).toBe(201);
      const { runId } = (await res.json()) as { runId: string };
      const end = await readSse(await app.request(`/api/runs/${runId}/events`));
      expect(end[end.length - 1].event).toBe("end");
      while (runs.activeRunId) await new Promise((r) => setTimeout(r, 10));
      const detail = (await (await app.request(`/api/runs/${runId}`)).json()) as RunDetail;
      expect(detail.status).toBe("finished");
      expect(fake.requests.some((r) => r.schemaName === "explainer_candidates")).toBe(true);
      expect(detail.exchanges.length).toBeGreaterThan(0);
      const explainer = detail.exchanges.find((x) => x.role === "explainer");
      expect(explainer?.request).toMatch(/\[system\]|\[user\]/);
      expect(explainer?.response).toContain("cos(B*d*x/lambda)^2");
      expect(explainer?.tokens).toBeGreaterThan(0);
    } finally {
      engine.close();
    }
  });
});
