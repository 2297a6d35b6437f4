/**
 * The server and language-model half of the reliability probe (issue 22), imported by bench/reliability.ts.
 * Server: a burst of concurrent requests good and bad (count of 5xx), GET /api/info while a large upload is
 * read and while a table is explained (its latency, and the explanation within its seconds plus grace),
 * and a resume of an external run on a server without --allow-external. Language model, against a local
 * stub with short configured budgets: a hung server, 429 and 503 with Retry-After, garbage, huge replies,
 * and a two-round discovery against a hung server compared with the same run offline. Each row says what
 * was tried and what survived; figures go to stdout. About a minute.
 */
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { discover } from "../src/discover/loop.js";
import { RunStore } from "../src/journal/index.js";
import { createAgents } from "../src/llm/agents.js";
import { MemoryExchangeStore } from "../src/llm/exchange.js";
import { PROFILE_DEFAULTS, type LlmProfile } from "../src/llm/profiles.js";
import { openLlm } from "../src/llm/session.js";
import { explainGraceMs } from "../src/server/discovery-engine.js";
import type { ReliabilityRow } from "./reliability-row.js";

const say = (line: string) => process.stdout.write(`  ${line}\n`);
const sig = (x: number) => Number(x.toPrecision(5));
const row = (category: string): ReliabilityRow => ({ category, tried: 0, survived: 0, failures: [] });

// ---------------------------------------------------------------- server

/** A CSV of `rows` rows with a law the Explainer needs a while for (not an exact fast-path hit). */
function csv(rows: number): string {
  const lines = ["a,b,c,y"];
  let s = 12345;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
  for (let i = 0; i < rows; i++) {
    const a = r() * 10;
    const b = 0.5 + r() * 5;
    const c = r();
    lines.push(`${a},${b},${c},${(3.1 * a * a) / b + Math.sin(6 * c) + 0.01 * (r() - 0.5)}`);
  }
  return lines.join("\n") + "\n";
}

/** Polls GET /api/info every 20 ms until `work` settles; the latencies, and how many answered before it did. */
async function infoWhile<T>(base: string, work: Promise<T>): Promise<{ value: T; latencies: number[]; answeredBefore: number; seconds: number }> {
  const t0 = performance.now();
  let done = false;
  const settled = work.finally(() => (done = true));
  const latencies: number[] = [];
  let answeredBefore = 0;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(new URL("/api/info", base));
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (!done && res.status === 200) answeredBefore += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const value = await settled;
  await poll;
  return { value, latencies, answeredBefore, seconds: (performance.now() - t0) / 1000 };
}

async function serverProbes(): Promise<ReliabilityRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "wb-rel-server-"));
  const storeDir = join(dir, "runs");
  const marker = join(dir, "external-command-ran");
  const script = join(dir, "world.cjs");
  writeFileSync(script, `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\n`);
  const journal = RunStore.open(storeDir);
  journal.createRun({ id: "external-killed", world: "external", worldSpec: { external: `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}` }, seed: 1, options: {} });
  journal.close();
  // The server the user runs, in its own process: what it does is measured from outside, not disturbed by the probe.
  const serve = await startServe(storeDir, dir);
  const base = serve.url;
  const rows: ReliabilityRow[] = [];
  try {
    // A small upload that later requests name.
    const up = (await (await fetch(new URL("/api/uploads?name=small.csv", base), { method: "POST", body: csv(200) })).json()) as { id: string };

    const burst = row("server: 1,000 concurrent requests, good and bad (no 5xx)");
    const kinds: Array<[string, RequestInit | undefined]> = [
      ["/api/info", undefined],
      ["/api/runs", undefined],
      ["/api/runs/nothere", undefined],
      ["/%", undefined],
      ["/%E0%A4%A", undefined],
      ["/api/runs/..%2F..%2Fetc", undefined],
      ["/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }],
      ["/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ world: { kind: "external", command: "sh -c 'touch x'" } }) }],
      ["/api/explain", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ uploadId: up.id, target: "nope" }) }],
      ["/api/runs/external-killed/resume", { method: "POST" }],
      [`/api/uploads/${up.id}`, undefined],
      ["/api/uploads?name=x.exe", { method: "POST", body: "1,2" }],
    ];
    const statuses = new Map<number, number>();
    const total = 1000;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < total) {
          const [path, init] = kinds[next++ % kinds.length];
          burst.tried += 1;
          try {
            const res = await fetch(new URL(path, base), init);
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status < 500) burst.survived += 1;
            else if (burst.failures.length < 5) burst.failures.push(`${init?.method ?? "GET"} ${path}: ${res.status}`);
          } catch (err) {
            if (burst.failures.length < 5) burst.failures.push(`${path}: ${(err as Error).message}`);
          }
        }
      }),
    );
    say(`server burst: ${total} requests, 50 at a time, in ${sig((performance.now() - t0) / 1000)} s; statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(", ")}`);
    rows.push(burst);

    const external = row("server: resume of an external run without --allow-external (403, command never runs)");
    external.tried = 1;
    const res = await fetch(new URL("/api/runs/external-killed/resume", base), { method: "POST" });
    if (res.status === 403 && !existsSync(marker)) external.survived = 1;
    else external.failures.push(`status ${res.status}, command ran: ${existsSync(marker)}`);
    rows.push(external);

    const heavy = row("server: GET /api/info during a 4 MB upload and a 2 s explain (answers, no slower than idle)");
    // The same polling with the server idle: on a loaded machine its slowest answer is the yardstick.
    const idle = await infoWhile(base, new Promise((r) => setTimeout(r, 2000)));
    const idleMax = Math.max(0, ...idle.latencies);
    const allowed = Math.max(250, 2 * idleMax);
    say(`GET /api/info with the server idle: slowest of ${idle.latencies.length} ${sig(idleMax)} ms (a heavy request may take it to ${sig(allowed)} ms)`);
    const body = new TextEncoder().encode(csv(50_000));
    const upload = await infoWhile(base, fetch(new URL("/api/uploads?name=big.csv", base), { method: "POST", body }).then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string } })));
    heavy.tried += 1;
    const upMax = Math.max(0, ...upload.latencies);
    say(`upload of ${sig(body.byteLength / 1e6)} MB: ${sig(upload.seconds)} s, status ${upload.value.status}; GET /api/info answered ${upload.answeredBefore} times meanwhile, slowest ${sig(upMax)} ms`);
    if (upload.value.status === 201 && upload.answeredBefore > 0 && upMax <= allowed) heavy.survived += 1;
    else heavy.failures.push(`upload: status ${upload.value.status}, info answered ${upload.answeredBefore} times, slowest ${sig(upMax)} ms`);

    const seconds = 2;
    const limit = seconds + explainGraceMs(seconds) / 1000;
    const explained = await infoWhile(
      base,
      fetch(new URL("/api/explain", base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ uploadId: upload.value.json.id, target: "y", seconds }) }).then(async (r) => ({ status: r.status, json: (await r.json()) as { law?: string; error?: string; rows?: unknown } })),
    );
    heavy.tried += 1;
    const exMax = Math.max(0, ...explained.latencies);
    say(
      `explain of 50,000 rows asked for ${seconds} s: answered ${explained.value.status} in ${sig(explained.seconds)} s (limit ${sig(limit)} s) — ${explained.value.json.law ?? explained.value.json.error}; GET /api/info answered ${explained.answeredBefore} times meanwhile, slowest ${sig(exMax)} ms`,
    );
    const inTime = explained.seconds <= limit + 0.5;
    if ((explained.value.status === 200 || explained.value.status === 422) && inTime && explained.answeredBefore > 0 && exMax <= allowed) heavy.survived += 1;
    else heavy.failures.push(`explain: status ${explained.value.status} after ${sig(explained.seconds)} s (limit ${sig(limit)} s), info answered ${explained.answeredBefore} times, slowest ${sig(exMax)} ms`);
    rows.push(heavy);
    const serverErrors = serve.stderr().split("\n").filter((l) => /internal error|^\s+at |Error:/.test(l));
    if (serverErrors.length > 0) burst.failures.push(`the server logged: ${serverErrors.slice(0, 3).join(" | ")}`);
  } finally {
    const code = await serve.stop();
    if (code !== 0 && code !== 130) rows[0]?.failures.push(`serve exited with ${code} on Ctrl-C`);
  }
  return rows;
}

/** Starts `worldbreaker serve` (the built CLI) on a free port; resolves once it prints its address. */
async function startServe(storeDir: string, cwd: string): Promise<{ url: string; stderr: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [resolve("bin/worldbreaker.js"), "serve", "--port", "0", "--store", storeDir], { cwd, env: { ...process.env, WORLDBREAKER_LLM_BASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    void exited.then((code) => fail(new Error(`serve exited (${code}) before it was ready: ${err.trim()}`)));
  });
  return {
    url,
    stderr: () => err,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

// ---------------------------------------------------------------- language model

type Fault = (req: IncomingMessage, res: ServerResponse) => void;

/** A stub model server whose every chat request gets `fault`; `requests` counts them. */
async function stub(fault: Fault): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      n += 1;
      res.on("error", () => {});
      fault(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests: () => n,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const completion = (content: string) => JSON.stringify({ id: "x", object: "chat.completion", created: 0, model: "stub", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: 10 } });
const status = (code: number, headers: Record<string, string> = {}): Fault => (_q, res) => {
  res.writeHead(code, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ error: { message: `stub ${code}` } }));
};
const hang: Fault = () => {};
const garbage: Fault = (_q, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<html>502 proxy says hello</html>");
};
/** 50 MB of reply, announced (content-length) or streamed without a length, until the client hangs up. */
const huge = (announced: boolean): Fault => (_q, res) => {
  const size = 50 * 1024 * 1024;
  res.writeHead(200, { "content-type": "application/json", ...(announced ? { "content-length": String(size) } : {}) });
  res.write('{"choices":[{"message":{"content":"');
  const chunk = Buffer.alloc(256 * 1024, 120);
  let sent = 0;
  const more = () => {
    while (sent < size && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", more);
    }
    if (!res.destroyed) res.end('"}}]}');
  };
  more();
};

const Answer = z.object({ value: z.number() });
const SHORT: Partial<LlmProfile> = { timeoutMs: 500, retries: 4, backoffMs: 10, maxBackoffMs: 200, roundTimeoutMs: 1500, maxRetryAfterMs: 2000, maxReplyBytes: 1_048_576, circuitBreaker: { failures: 5, cooldownMs: 60_000 } };

/** Six calls over three rounds against a faulty stub; the fault survived when the session judges it as `expect` says. */
async function sessionFault(name: string, fault: Fault, expect: { answered: boolean; circuit: boolean; maxRequests?: number }): Promise<string[]> {
  const s = await stub(fault);
  const problems: string[] = [];
  try {
    const profile: LlmProfile = { ...PROFILE_DEFAULTS, ...SHORT, name: "bench", baseUrl: s.url, model: "stub", roles: {}, source: "bench" };
    const store = new MemoryExchangeStore();
    const session = openLlm(profile, { store, seed: 1 });
    const t0 = performance.now();
    const answers = [];
    for (let round = 1; round <= 3; round++) for (let i = 0; i < 2; i++) answers.push(await session.structured("explainer", Answer, [{ role: "user", content: `q${round}.${i}` }], { round, repair: false }));
    const secs = (performance.now() - t0) / 1000;
    const st = session.stats();
    const biggest = Math.max(0, ...store.all().map((e) => (e.response ?? "").length));
    say(`${name}: 6 calls in ${sig(secs)} s, ${s.requests()} requests, ${st.timeouts} timeouts, circuit opened ${st.circuitOpens}×, ${st.tokens.total} tokens, largest stored reply ${biggest} chars`);
    // Three rounds of at most roundTimeoutMs each, plus a grace: never the profile's full retries of full timeouts.
    const bound = (3 * SHORT.roundTimeoutMs!) / 1000 + 2;
    if (secs > bound) problems.push(`took ${sig(secs)} s, bound ${bound} s`);
    if (expect.answered !== answers.every((a) => a !== null)) problems.push(`answers: ${JSON.stringify(answers)}`);
    if (expect.circuit && st.circuitOpens === 0) problems.push("the circuit never opened");
    if (expect.maxRequests !== undefined && s.requests() > expect.maxRequests) problems.push(`${s.requests()} requests (at most ${expect.maxRequests} expected)`);
    if (biggest > SHORT.maxReplyBytes!) problems.push(`a reply of ${biggest} chars was stored`);
    if (st.tokens.total > 1000) problems.push(`${st.tokens.total} tokens charged`);
  } catch (err) {
    problems.push(`threw ${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    await s.close();
  }
  return problems;
}

/** A two-round discovery offline, then against a hung model: the hung run may cost at most its round budgets more. */
async function hungDiscovery(): Promise<string[]> {
  const s = await stub(hang);
  const problems: string[] = [];
  try {
    const run = async (withModel: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), "wb-rel-hung-"));
      writeFileSync(join(dir, "worldbreaker.llm.json"), JSON.stringify({ profiles: { hung: { baseUrl: s.url, model: "stub", ...SHORT } } }));
      const store = RunStore.open(dir);
      try {
        const agents = withModel ? await createAgents("hung", { env: {}, cwd: dir, store: store.exchanges(null), seed: 1 }) : undefined;
        const t0 = performance.now();
        const result = await discover({ world: { name: "double-slit" }, seed: 3, rounds: 2, explainSeconds: 0.5, threads: 1 }, { store, ...(agents ? { agents } : {}), cwd: process.cwd() });
        return { seconds: (performance.now() - t0) / 1000, rounds: result.rounds.length, stats: agents?.session.stats() };
      } finally {
        store.close();
      }
    };
    const offline = await run(false);
    const hung = await run(true);
    const bound = offline.seconds + (hung.rounds * SHORT.roundTimeoutMs!) / 1000 + 2;
    say(
      `discovery, 2 rounds: offline ${sig(offline.seconds)} s; against a hung model ${sig(hung.seconds)} s (bound ${sig(bound)} s), ${s.requests()} requests, ${hung.stats?.timeouts} timeouts, ${hung.stats?.roundTimeouts} round budgets spent, circuit opened ${hung.stats?.circuitOpens}×`,
    );
    if (hung.rounds !== offline.rounds) problems.push(`${hung.rounds} rounds against ${offline.rounds} offline`);
    if (hung.seconds > bound) problems.push(`took ${sig(hung.seconds)} s, bound ${sig(bound)} s`);
    if (!hung.stats || hung.stats.circuitOpens === 0) problems.push("the circuit never opened");
  } catch (err) {
    problems.push(`threw ${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    await s.close();
  }
  return problems;
}

async function modelProbes(): Promise<ReliabilityRow[]> {
  const faults = row("language model: hang, 429/503 + Retry-After, garbage, 50 MB replies (bounded, offline)");
  const cases: Array<[string, Fault, { answered: boolean; circuit: boolean; maxRequests?: number }]> = [
    ["hang (never answers)", hang, { answered: false, circuit: true }],
    ["429 Retry-After: 3600", status(429, { "retry-after": "3600" }), { answered: false, circuit: true, maxRequests: 1 }],
    ["503 Retry-After: 3600", status(503, { "retry-after": "3600" }), { answered: false, circuit: true, maxRequests: 1 }],
    [
      "503 Retry-After: 1, then answers",
      (() => {
        let n = 0;
        return (q: IncomingMessage, res: ServerResponse) => {
          if (n++ === 0) return status(503, { "retry-after": "1" })(q, res);
          res.writeHead(200, { "content-type": "application/json" });
          res.end(completion('{"value": 1}'));
        };
      })(),
      { answered: true, circuit: false },
    ],
    ["garbage (HTML with status 200)", garbage, { answered: false, circuit: true }],
    ["50 MB reply, announced", huge(true), { answered: false, circuit: true }],
    ["50 MB reply, streamed", huge(false), { answered: false, circuit: true }],
  ];
  for (const [name, fault, expect] of cases) {
    faults.tried += 1;
    const problems = await sessionFault(name, fault, expect);
    if (problems.length === 0) faults.survived += 1;
    else faults.failures.push(`${name}: ${problems.join("; ")}`);
  }
  const run = row("language model: two-round discovery against a hung server (finishes offline)");
  run.tried = 1;
  const problems = await hungDiscovery();
  if (problems.length === 0) run.survived = 1;
  else run.failures.push(problems.join("; "));
  return [faults, run];
}

/** The server and language-model rows of the reliability table (figures are printed as they are measured). */
export async function serverAndModelProbes(): Promise<ReliabilityRow[]> {
  return [...(await serverProbes()), ...(await modelProbes())];
}
