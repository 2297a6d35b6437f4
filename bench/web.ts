import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createDiscoveryEngine } from "../src/server/discovery-engine.js";
import { startServer } from "../src/server/server.js";
import { median } from "./args.js";

/**
 * `npm run bench -- web [--runs=n]`: the web app's page weight and the time from pressing "Start" to
 * the first live event, against a plain API round trip measured on the same server in the same run.
 */


/** The built web app: this file runs as dist-bench/bench/web.js, two levels below the repository root. */
function webRoot(): string {
  return fileURLToPath(new URL("../../web/dist/", import.meta.url));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function pageWeight(root: string): void {
  const all = files(root);
  const groups: Record<string, { raw: number; gzip: number; count: number }> = {};
  for (const f of all) {
    const ext = f.split(".").pop() ?? "";
    const kind = ext === "js" ? "script" : ext === "css" ? "styles" : ext === "html" ? "page" : /^(woff2?|ttf)$/.test(ext) ? `fonts (.${ext})` : ext;
    const body = readFileSync(f);
    const g = (groups[kind] ??= { raw: 0, gzip: 0, count: 0 });
    g.raw += body.length;
    g.gzip += gzipSync(body, { level: 9 }).length;
    g.count += 1;
  }
  process.stdout.write(`built app: ${relative(process.cwd(), root) || root} (${all.length} files)\n\n| part | files | bytes | gzip |\n|---|---:|---:|---:|\n`);
  for (const [k, g] of Object.entries(groups).sort()) process.stdout.write(`| ${k} | ${g.count} | ${kb(g.raw)} | ${kb(g.gzip)} |\n`);
  // A browser that reads woff2 fetches only those fonts, and only the faces a page uses.
  const firstView = Object.entries(groups)
    .filter(([k]) => k === "script" || k === "styles" || k === "page" || k === "fonts (.woff2)")
    .reduce((n, [, g]) => n + g.gzip, 0);
  const total = Object.values(groups).reduce((n, g) => n + g.raw, 0);
  process.stdout.write(`\ntotal on disk ${kb(total)}; at most ${kb(firstView)} gzip-transferred by a modern browser (page, script, styles, every woff2 face)\n`);
}

async function firstEventLatency(runs: number): Promise<void> {
  const storeDir = mkdtempSync(join(tmpdir(), "wb-bench-web-"));
  const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: storeDir, explainThreads: 1 });
  const server = await startServer({ engine, host: "127.0.0.1", port: 0, dataDir: join(storeDir, "web"), webRoot: webRoot(), version: "bench" });
  const base = server.baseUrl;
  try {
    const info: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await (await fetch(new URL("/api/info", base))).json();
      info.push(performance.now() - t0);
    }
    const first: number[] = [];
    const accepted: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await fetch(new URL("/api/runs", base), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ world: { kind: "builtin", name: "double-slit" }, rounds: 1, seed: i + 1, explainSeconds: 0.2 }),
      });
      const { runId } = (await res.json()) as { runId: string };
      accepted.push(performance.now() - t0);
      const stream = await fetch(new URL(`/api/runs/${runId}/events`, base));
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      const text = new TextDecoder();
      let buf = "";
      while (!buf.includes("\n\n")) buf += text.decode((await reader.read()).value);
      first.push(performance.now() - t0);
      await fetch(new URL(`/api/runs/${runId}/stop`, base), { method: "POST" });
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
      while (server.runs.activeRunId) await new Promise((r) => setTimeout(r, 5));
    }
    const mInfo = median(info);
    const mFirst = median(first);
    process.stdout.write(
      `\n| measure | median |\n|---|---:|\n| GET /api/info round trip (baseline, 30×) | ${mInfo.toFixed(2)} ms |\n` +
        `| POST /api/runs answered (run journaled, world open) (${runs}×) | ${median(accepted).toFixed(1)} ms |\n` +
        `| press → first live event (POST + SSE connect + first event) (${runs}×) | ${mFirst.toFixed(1)} ms |\n` +
        `\nfirst live event / baseline round trip: ${(mFirst / mInfo).toFixed(1)}×\n`,
    );
  } finally {
    await server.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

/** Runs the web benchmark. */
export async function run(args: string[]): Promise<void> {
  const flag = args.find((a) => a.startsWith("--runs="));
  const runs = flag ? Math.max(1, Math.floor(Number(flag.slice(7))) || 5) : 5;
  const root = webRoot();
  if (!existsSync(join(root, "index.html"))) {
    process.stdout.write(`the web app is not built (${root}); run 'npm run build' first\n`);
    process.exitCode = 1;
    return;
  }
  pageWeight(root);
  await firstEventLatency(runs);
}
