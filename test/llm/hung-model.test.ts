/**
 * A language-model server that hangs, rate-limits for an hour, fails with 503 and Retry-After, or sends
 * a huge reply must not stall or flood a run: the run waits a bounded time per round, opens its circuit,
 * finishes offline, and records replies only up to a size limit. Budgets are short and configured; the
 * assertions are on counts and events, never on wall time.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { discover } from "../../src/discover/loop.js";
import { JOURNAL_FILE, RunStore } from "../../src/journal/store.js";
import { createAgents, type Exchange } from "../../src/llm/index.js";
import { MemoryExchangeStore } from "../../src/llm/exchange.js";
import { PROFILE_DEFAULTS, type LlmProfile } from "../../src/llm/profiles.js";
import { openLlm } from "../../src/llm/session.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { refitOnly } from "./refit-only.js";

const DATASET = "data/breaking-the-world/tensile_cyclic.json";
const Answer = z.object({ value: z.number(), note: z.string() });
const ask = (i = 0) => [{ role: "user" as const, content: `give me value ${i}` }];

let server: FakeOpenAI;
let dir: string;
beforeEach(async () => {
  server = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), "wb-hung-"));
});
afterEach(async () => {
  await server.close();
});

/** A profile with short, configured budgets (the defaults are minutes). */
function profile(over: Partial<LlmProfile> = {}): LlmProfile {
  return {
    ...PROFILE_DEFAULTS,
    name: "short",
    baseUrl: server.url,
    model: "fake-model",
    timeoutMs: 150,
    retries: 4,
    backoffMs: 1,
    maxBackoffMs: 20,
    roundTimeoutMs: 400,
    maxRetryAfterMs: 50,
    circuitBreaker: { failures: 5, cooldownMs: 60_000 },
    roles: {},
    source: "test",
    ...over,
  };
}

/** A two-round discovery with all three agents over the fake server, under the short profile. */
async function runWithModel(over: Record<string, unknown> = {}) {
  writeFileSync(
    join(dir, "worldbreaker.llm.json"),
    JSON.stringify({ profiles: { short: { baseUrl: server.url, model: "fake-model", timeoutMs: 150, retries: 4, backoffMs: 1, maxBackoffMs: 20, roundTimeoutMs: 400, maxRetryAfterMs: 50, circuitBreaker: { failures: 5, cooldownMs: 60_000 }, ...over } } }),
  );
  const store = RunStore.open(dir);
  const logs: string[] = [];
  try {
    const agents = await createAgents("short", { env: {}, cwd: dir, store: store.exchanges<Exchange>(null), seed: 3, log: (l) => logs.push(l) });
    const result = await discover({ world: { file: DATASET }, seed: 5, rounds: 2, patience: 4 }, { store, agents, explain: refitOnly("c0*strain"), cwd: process.cwd() });
    return { result, logs, stats: agents.session.stats() };
  } finally {
    store.close();
  }
}

describe("a hung language-model server", () => {
  it("costs each round a bounded wait: the circuit opens on timeouts and the run finishes offline", async () => {
    server.setHandler(() => reply.hang());
    const { result, logs, stats } = await runWithModel();
    expect(result.rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(result.stopReason).not.toMatch(/fail/);
    expect(stats.timeouts).toBeGreaterThan(0);
    expect(stats.circuitOpens).toBeGreaterThan(0);
    expect(stats.answered).toBe(0);
    // Without the bound every call would spend its five attempts; with it the server is soon left alone.
    expect(server.chatRequests().length).toBeLessThan(stats.calls * 5);
    expect(logs.some((l) => /circuit open|roundTimeoutMs/.test(l))).toBe(true);
  });

  it("a round's waiting budget ends the calls in flight and skips the rest of the round", async () => {
    server.setHandler(() => reply.hang());
    // The timeout is longer than the round's budget: only the budget can end the wait.
    const { s, logs } = session({ timeoutMs: 60_000, roundTimeoutMs: 200, circuitBreaker: { failures: 50, cooldownMs: 60_000 } });
    expect(await s.structured("explainer", Answer, ask(1), { round: 1 })).toBeNull();
    expect(await s.structured("critic", Answer, ask(2), { round: 1 })).toBeNull();
    expect(server.chatRequests()).toHaveLength(1);
    expect(s.stats()).toMatchObject({ roundTimeouts: 1, circuitOpens: 1 });
    expect(logs.filter((l) => /round 1: waited 0\.2 s/.test(l))).toHaveLength(1);
  });
});

function session(over: Partial<LlmProfile> = {}, store = new MemoryExchangeStore()) {
  const logs: string[] = [];
  const s = openLlm(profile(over), { seed: 7, store, log: (l) => logs.push(l) });
  return { s, logs, store };
}

describe("a server that asks to wait", () => {
  it("429 with Retry-After: 3600 gives the call up at once and opens the circuit instead of sleeping", async () => {
    server.setHandler(() => reply.status(429, { retryAfterSeconds: 3600 }));
    const { s, logs } = session();
    expect(await s.structured("explainer", Answer, ask(1), { round: 1 })).toBeNull();
    expect(await s.structured("explainer", Answer, ask(2), { round: 2 })).toBeNull();
    expect(server.chatRequests()).toHaveLength(1);
    expect(s.stats().circuitOpens).toBe(1);
    expect(logs.join("\n")).toMatch(/asks to wait 3600 s \(Retry-After\), longer than the 0.05 s this profile waits/);
  });

  it("503 with a Retry-After within the cap is retried after it; beyond the cap it is given up", async () => {
    server.enqueue(reply.status(503, { retryAfterSeconds: 0.04 }), reply.json({ value: 1, note: "back" }));
    const within = session();
    expect(await within.s.structured("breaker", Answer, ask(1))).toEqual({ value: 1, note: "back" });
    expect(server.chatRequests()).toHaveLength(2);
    // The server's 40 ms are waited in full, though the profile's own backoff stops at 20 ms.
    expect(within.logs.join("\n")).toMatch(/server error 503.*retry 1\/4 in 0\.04 s/);

    server.setHandler(() => reply.status(503, { retryAfterSeconds: 2 }));
    const beyond = session();
    expect(await beyond.s.structured("breaker", Answer, ask(2))).toBeNull();
    expect(server.chatRequests()).toHaveLength(3);
    expect(beyond.s.stats().circuitOpens).toBe(1);
  });

  it("a run against a server that rate-limits for an hour finishes offline after one request", async () => {
    server.setHandler(() => reply.status(429, { retryAfterSeconds: 3600 }));
    const { result, stats } = await runWithModel();
    expect(result.rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(server.chatRequests()).toHaveLength(1);
    expect(stats.circuitOpens).toBe(1);
  });
});

describe("huge replies", () => {
  it("a reply over maxReplyBytes is discarded as a failed attempt, neither stored nor charged", async () => {
    server.setHandler(() => reply.text("x".repeat(3_000_000)));
    const store = RunStore.open(dir);
    try {
      const logs: string[] = [];
      const s = openLlm(profile({ maxReplyBytes: 64 * 1024, retries: 1, timeoutMs: 10_000 }), { store: store.exchanges("huge"), log: (l) => logs.push(l) });
      expect(await s.structured("explainer", Answer, ask(1), { round: 1 })).toBeNull();
      // Not retried: the same server sends the same reply again.
      expect(server.chatRequests()).toHaveLength(1);
      expect(s.stats().tokens.total).toBe(0);
      expect(logs.join("\n")).toMatch(/larger than 65536 bytes \(maxReplyBytes\)/);
    } finally {
      store.close();
    }
    const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
    const rows = db.prepare("SELECT length(payload) AS n, answered FROM llm_exchanges WHERE run_id = 'huge'").all() as { n: number; answered: number }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0].answered).toBe(0);
    expect(rows[0].n).toBeLessThan(10_000);
  });

  it("a reply streamed without a length is cut off as it arrives", async () => {
    const big: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"choices":[{"message":{"content":"');
      const chunk = "y".repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        // Ends after 8 MB at most; the client must have given up long before.
        while (sent < 128 && res.write(chunk)) sent += 1;
        if (sent >= 128) res.end('"}}]}');
        else res.once("drain", more);
      };
      more();
    });
    await new Promise<void>((r) => big.listen(0, "127.0.0.1", () => r()));
    try {
      const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}/v1`;
      const logs: string[] = [];
      const s = openLlm(profile({ baseUrl: url, maxReplyBytes: 256 * 1024, retries: 0, timeoutMs: 10_000 }), { log: (l) => logs.push(l) });
      expect(await s.structured("explainer", Answer, ask(1))).toBeNull();
      expect(s.stats()).toMatchObject({ failures: 1, answered: 0 });
      expect(s.stats().tokens.total).toBe(0);
      expect(logs.join("\n")).toMatch(/larger than 262144 bytes/);
    } finally {
      big.closeAllConnections();
      await new Promise<void>((r) => big.close(() => r()));
    }
  });
});
