import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonlExchangeStore } from "../../src/llm/jsonl-store.js";
import { MemoryExchangeStore, type Exchange } from "../../src/llm/exchange.js";
import { canonicalJson, requestKey } from "../../src/llm/request-key.js";

function exchange(key: string, response: string | null, attempt = 1): Exchange {
  return {
    key,
    role: "explainer",
    round: 1,
    profile: "p",
    baseUrl: "http://x/v1",
    model: "m",
    attempt,
    request: { model: "m", messages: [] },
    response,
    ...(response === null ? { error: "rate limited (429)" } : { verdict: "ok" as const }),
    tokens: { prompt: 3, completion: 4, total: 7 },
    latencyMs: 12,
    cached: false,
    at: "2026-01-01T00:00:00.000Z",
  };
}

describe("exchange stores", () => {
  it("memory: get returns the latest answered exchange, all() keeps failures too", () => {
    const s = new MemoryExchangeStore();
    s.put(exchange("k", null));
    expect(s.get("k")).toBeUndefined();
    s.put(exchange("k", "a", 2));
    s.put(exchange("k", null, 3));
    expect(s.get("k")?.response).toBe("a");
    expect(s.all()).toHaveLength(3);
  });

  it("jsonl: appends, reopens for replay, tolerates a torn last line and names a corrupt one", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wb-jsonl-")), "sub", "exchanges.jsonl");
    const s = new JsonlExchangeStore(path);
    s.put(exchange("k1", null));
    s.put(exchange("k1", "first"));
    s.put(exchange("k2", "second"));
    appendFileSync(path, '{"key": "k3", "resp');
    const reopened = new JsonlExchangeStore(path);
    expect(reopened.size()).toBe(3);
    expect(reopened.get("k1")?.response).toBe("first");
    expect(reopened.get("k2")?.tokens.total).toBe(7);
    expect(reopened.get("k3")).toBeUndefined();

    writeFileSync(path, JSON.stringify(exchange("a", "x")) + "\nnot json\n" + JSON.stringify(exchange("b", "y")) + "\n");
    expect(() => new JsonlExchangeStore(path)).toThrow(/exchanges\.jsonl:2: not a JSON exchange record/);
  });

  it("request keys depend on content, not on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(requestKey({ model: "m", temperature: 0.2 })).toBe(requestKey({ temperature: 0.2, model: "m" }));
    expect(requestKey({ model: "m", temperature: 0.2 })).not.toBe(requestKey({ model: "m", temperature: 0.3 }));
  });
});

describe("summarizeExchanges", () => {
  it("totals requests, cache hits, verdicts, failures, tokens and latency by role and round", async () => {
    const { summarizeExchanges } = await import("../../src/llm/provenance.js");
    const a = exchange("k", null);
    const b = { ...exchange("k", "{bad", 2), verdict: "invalid" as const, latencyMs: 10 };
    const c = { ...exchange("k2", "{}"), role: "critic", round: 2, latencyMs: 30 };
    const d = { ...exchange("k2", "{}"), role: "critic", round: 2, cached: true, latencyMs: 0 };
    const s = summarizeExchanges([a, b, c, d]);
    expect(s.total).toEqual({ requests: 3, cached: 1, ok: 2, invalid: 1, failed: 1, tokens: 28, meanLatencyMs: 20 });
    expect(s.byRole.explainer).toMatchObject({ requests: 2, failed: 1, invalid: 1, ok: 0 });
    expect(s.byRound[2]).toMatchObject({ requests: 1, cached: 1, ok: 2 });
  });
});
