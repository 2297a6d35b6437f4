/**
 * A fresh run asks its server; only a resume (same run) or an explicit replay reuses recorded answers,
 * and a cache never answers for another server. The scenario of the probe: a broken server's answers are
 * journaled, the server is fixed at another address, and a new run must reach it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RunStore } from "../../src/journal/index.js";
import type { Exchange } from "../../src/llm/exchange.js";
import { PROFILE_DEFAULTS, type LlmProfile } from "../../src/llm/profiles.js";
import { openLlm } from "../../src/llm/session.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

const Answer = z.object({ value: z.number(), note: z.string() });
const ask = [{ role: "user" as const, content: "give me a value" }];

let broken: FakeOpenAI;
let fixed: FakeOpenAI;
let store: RunStore;
beforeEach(async () => {
  broken = await startFakeOpenAI({ handler: () => reply.json({ value: -1, note: "broken" }) });
  fixed = await startFakeOpenAI({ handler: () => reply.json({ value: 1, note: "fixed" }) });
  store = RunStore.open(mkdtempSync(join(tmpdir(), "wb-scope-")));
});
afterEach(async () => {
  store.close();
  await broken.close();
  await fixed.close();
});

const profile = (baseUrl: string): LlmProfile => ({ ...PROFILE_DEFAULTS, name: "p", baseUrl, model: "same-model", roles: {}, source: "test", backoffMs: 1, maxBackoffMs: 5 });

function session(baseUrl: string, runId: string, mode: "live" | "replay" = "live") {
  const logs: string[] = [];
  const s = openLlm(profile(baseUrl), { store: store.exchanges<Exchange>(runId), mode, seed: 1, log: (l) => logs.push(l) });
  return { s, logs };
}

describe("language-model answers belong to their run", () => {
  it("a fresh run with the same requests asks the fixed server instead of replaying the broken one", async () => {
    expect(await session(broken.url, "run-1").s.structured("explainer", Answer, ask, { round: 1 })).toEqual({ value: -1, note: "broken" });
    const { s } = session(fixed.url, "run-2");
    expect(await s.structured("explainer", Answer, ask, { round: 1 })).toEqual({ value: 1, note: "fixed" });
    expect(fixed.chatRequests()).toHaveLength(1);
    expect(s.stats().cacheHits).toBe(0);
  });

  it("a fresh run on the same server asks it too", async () => {
    await session(broken.url, "run-1").s.structured("explainer", Answer, ask, { round: 1 });
    const again = session(broken.url, "run-2").s;
    await again.structured("explainer", Answer, ask, { round: 1 });
    expect(broken.chatRequests()).toHaveLength(2);
    expect(again.stats().cacheHits).toBe(0);
  });

  it("a resume repeats its own recorded answers, says so, and marks them cached with their time", async () => {
    await session(broken.url, "run-1").s.structured("explainer", Answer, ask, { round: 1 });
    const { s, logs } = session(broken.url, "run-1");
    expect(await s.structured("explainer", Answer, ask, { round: 1 })).toEqual({ value: -1, note: "broken" });
    expect(broken.chatRequests()).toHaveLength(1);
    expect(s.stats().cacheHits).toBe(1);
    expect(logs.join("\n")).toMatch(/answered from the journal \(recorded \d{4}-\d\d-\d\dT[^)]*\), not by http/);
    const records = store.exchanges<Exchange>("run-1").list("run-1");
    expect(records.at(-1)).toMatchObject({ cached: true, cachedFrom: records[0].at });
  });

  it("a resume against another server asks that server: the cache is keyed by endpoint", async () => {
    await session(broken.url, "run-1").s.structured("explainer", Answer, ask, { round: 1 });
    const { s } = session(fixed.url, "run-1");
    expect(await s.structured("explainer", Answer, ask, { round: 1 })).toEqual({ value: 1, note: "fixed" });
    expect(fixed.chatRequests()).toHaveLength(1);
  });

  it("an explicit replay repeats another run's answers without touching the network", async () => {
    await session(broken.url, "run-1").s.structured("explainer", Answer, ask, { round: 1 });
    const { s } = session("http://127.0.0.1:9/v1", "run-2", "replay");
    expect(await s.structured("explainer", Answer, ask, { round: 1 })).toEqual({ value: -1, note: "broken" });
    expect(s.stats()).toMatchObject({ requests: 0, cacheHits: 1 });
  });
});
