import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmReplayMissError, openLlm, type LlmSessionOptions } from "../../src/llm/session.js";
import { MemoryExchangeStore } from "../../src/llm/exchange.js";
import { PROFILE_DEFAULTS, type LlmProfile } from "../../src/llm/profiles.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

const Answer = z.object({ value: z.number(), note: z.string() });
const ask = [{ role: "user" as const, content: "give me a value" }];

let server: FakeOpenAI;
beforeEach(async () => {
  server = await startFakeOpenAI();
});
afterEach(async () => {
  await server.close();
});

function profile(over: Partial<LlmProfile> = {}): LlmProfile {
  return {
    name: "test",
    baseUrl: server.url,
    model: "fake-model",
    ...PROFILE_DEFAULTS,
    circuitBreaker: { failures: 50, cooldownMs: 60_000 },
    backoffMs: 1,
    maxBackoffMs: 5,
    timeoutMs: 2000,
    roles: {},
    source: "test",
    ...over,
  };
}

function session(over: Partial<LlmProfile> = {}, opts: LlmSessionOptions = {}) {
  const logs: string[] = [];
  const s = openLlm(profile(over), { seed: 7, log: (l) => logs.push(l), ...opts });
  return { s, logs };
}

describe("LlmSession.structured", () => {
  it("sends a json_schema response_format and returns the validated answer", async () => {
    server.enqueue(reply.json({ value: 3, note: "ok" }));
    const { s } = session({ roles: { explainer: { adapter: "physics-lora", model: "m2" } } });
    const out = await s.structured("explainer", Answer, ask, { round: 2 });
    expect(out).toEqual({ value: 3, note: "ok" });
    const body = server.chatRequests()[0].body;
    expect(body.model).toBe("m2");
    expect(body.adapters).toEqual(["physics-lora"]);
    expect(body.seed).toBe(7);
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(["value", "note"]);
    expect(body.response_format.json_schema.schema.$schema).toBeUndefined();
    expect(s.stats()).toMatchObject({ calls: 1, requests: 1, answered: 1, skipped: 0 });
  });

  it("survives 429s (honouring Retry-After), 5xx and a timeout", async () => {
    server.enqueue(reply.status(429, { retryAfterSeconds: 0 }), reply.status(503), reply.hang(), reply.garbage(), reply.json({ value: 1, note: "finally" }));
    const { s, logs } = session({ timeoutMs: 300, retries: 5 });
    const out = await s.structured("breaker", Answer, ask);
    expect(out).toEqual({ value: 1, note: "finally" });
    expect(server.chatRequests()).toHaveLength(5);
    expect(s.stats()).toMatchObject({ requests: 5, failures: 4, answered: 1 });
    expect(logs.join("\n")).toMatch(/rate limited \(429\)/);
    expect(logs.join("\n")).toMatch(/timed out/);
  });

  it("gives up after the bounded retries and returns null", async () => {
    server.setHandler(() => reply.status(500));
    const { s, logs } = session({ retries: 2 });
    expect(await s.structured("critic", Answer, ask)).toBeNull();
    expect(server.chatRequests()).toHaveLength(3);
    expect(logs.at(-1)).toMatch(/failed after 3 attempts/);
  });

  it("repairs a garbage answer once by sending the problem back", async () => {
    server.enqueue(reply.text("Sure! The value is three."), reply.text("```json\n{\"value\": 3, \"note\": \"fixed\"}\n```"));
    const { s } = session();
    expect(await s.structured("explainer", Answer, ask)).toEqual({ value: 3, note: "fixed" });
    const repair = server.chatRequests()[1].body.messages;
    expect(repair).toHaveLength(3);
    expect(repair[1]).toEqual({ role: "assistant", content: "Sure! The value is three." });
    expect(repair[2].content).toMatch(/not valid JSON/);
    expect(s.stats()).toMatchObject({ repaired: 1, answered: 1 });
  });

  it("asks for a shorter answer when the first one was cut off at max_tokens", async () => {
    server.enqueue({ kind: "content", content: '{"value": 3, "no', finishReason: "length" }, reply.json({ value: 3, note: "short" }));
    const { s } = session({ maxTokens: 32 });
    expect(await s.structured("explainer", Answer, ask)).toEqual({ value: 3, note: "short" });
    expect(server.chatRequests()[1].lastMessage).toMatch(/cut off at the limit of 32 tokens: answer more briefly/);
  });

  it("skips after one failed repair of a schema-violating answer", async () => {
    server.enqueue(reply.json({ value: "three" }), reply.json({ value: 3 }));
    const { s, logs } = session();
    expect(await s.structured("explainer", Answer, ask)).toBeNull();
    expect(server.chatRequests()).toHaveLength(2);
    expect(server.chatRequests()[1].lastMessage).toMatch(/does not match the schema[\s\S]*value/);
    expect(logs.at(-1)).toMatch(/skipped \(invalid after one repair\)/);
    expect(s.stats()).toMatchObject({ skipped: 1, answered: 0 });
  });

  it("applies a semantic check and repairs on its message", async () => {
    server.enqueue(reply.json({ value: -1, note: "neg" }), reply.json({ value: 2, note: "pos" }));
    const { s } = session();
    const out = await s.structured("explainer", Answer, ask, { check: (v) => (v.value < 0 ? "value must be positive" : undefined) });
    expect(out).toEqual({ value: 2, note: "pos" });
    expect(server.chatRequests()[1].lastMessage).toMatch(/value must be positive/);
  });

  it("stops cleanly when the token budget is spent", async () => {
    server.setHandler(() => reply.json({ value: 1, note: "x" }, { usage: { prompt_tokens: 400, completion_tokens: 100 } }));
    const { s, logs } = session({ budgetTokens: 1000, maxTokens: 100 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await s.structured("explainer", Answer, [{ role: "user", content: `q${i}` }]));
    expect(results.slice(0, 2)).toEqual([{ value: 1, note: "x" }, { value: 1, note: "x" }]);
    expect(results.slice(2)).toEqual([null, null, null]);
    expect(server.chatRequests()).toHaveLength(2);
    expect(s.stats().budget.used).toBe(1000);
    expect(s.stopped()).toMatch(/token budget of 1000 tokens/);
    expect(logs.filter((l) => /budget/.test(l))).toHaveLength(1);
  });

  it("never overshoots the budget, even with many requests in flight", async () => {
    server.setHandler(async () => {
      await new Promise((r) => setTimeout(r, 10));
      return reply.json({ value: 1, note: "x" }, { usage: { prompt_tokens: 20, completion_tokens: 80 } });
    });
    const { s } = session({ budgetTokens: 500, maxTokens: 100, concurrency: 16 });
    const out = await Promise.all(Array.from({ length: 10 }, (_, i) => s.structured("explainer", Answer, [{ role: "user", content: `q${i}` }])));
    expect(s.stats().budget.used).toBeLessThanOrEqual(500);
    expect(out.filter((x) => x !== null).length).toBe(server.chatRequests().length);
    expect(server.chatRequests().length).toBeLessThan(10);
  });

  it("stops asking when the server refuses the key", async () => {
    server.setHandler(() => reply.status(401));
    const { s } = session();
    expect(await s.structured("explainer", Answer, ask)).toBeNull();
    expect(await s.structured("explainer", Answer, ask)).toBeNull();
    expect(server.chatRequests()).toHaveLength(1);
    expect(s.stopped()).toMatch(/API key was refused/);
  });

  it("opens the circuit after consecutive failed calls", async () => {
    server.setHandler(() => reply.status(502));
    const { s, logs } = session({ retries: 0, circuitBreaker: { failures: 2, cooldownMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect(await s.structured("explainer", Answer, [{ role: "user", content: `q${i}` }])).toBeNull();
    expect(server.chatRequests()).toHaveLength(2);
    expect(logs.some((l) => /circuit open/.test(l))).toBe(true);
  });

  it("keeps at most `concurrency` requests in flight per endpoint", async () => {
    let inFlight = 0;
    let peak = 0;
    server.setHandler(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight -= 1;
      return reply.json({ value: 1, note: "c" });
    });
    const { s } = session({ concurrency: 3 });
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => s.structured("breaker", Answer, [{ role: "user", content: `q${i}` }])));
    expect(all.every((a) => a?.value === 1)).toBe(true);
    expect(peak).toBe(3);
  });

  it("records every exchange and replays offline with identical results", async () => {
    server.enqueue(reply.status(429), reply.text("nonsense"), reply.json({ value: 5, note: "a" }), reply.json({ value: 6, note: "b" }));
    const store = new MemoryExchangeStore();
    const { s } = session({}, { store });
    const live = [await s.structured("explainer", Answer, ask, { round: 1 }), await s.structured("critic", Answer, [{ role: "user", content: "second" }], { round: 2 })];
    expect(live).toEqual([{ value: 5, note: "a" }, { value: 6, note: "b" }]);
    const log = store.all();
    expect(log.map((e) => [e.role, e.round, e.response === null ? "error" : e.verdict])).toEqual([
      ["explainer", 1, "error"],
      ["explainer", 1, "invalid"],
      ["explainer", 1, "ok"],
      ["critic", 2, "ok"],
    ]);
    expect(log[2].tokens.total).toBeGreaterThan(0);
    expect(log[2].latencyMs).toBeGreaterThanOrEqual(0);

    await server.close();
    const offline = new MemoryExchangeStore(log);
    const { s: replay } = session({ baseUrl: "http://127.0.0.1:9/v1" }, { store: offline, mode: "replay" });
    const again = [await replay.structured("explainer", Answer, ask, { round: 1 }), await replay.structured("critic", Answer, [{ role: "user", content: "second" }], { round: 2 })];
    expect(again).toEqual(live);
    expect(replay.stats()).toMatchObject({ requests: 0, cacheHits: 3, repaired: 1 });
    expect(replay.stats().tokens).toEqual(s.stats().tokens);
    await expect(replay.structured("explainer", Answer, [{ role: "user", content: "never asked" }], { round: 3 })).rejects.toBeInstanceOf(LlmReplayMissError);
    server = await startFakeOpenAI();
  });
});
