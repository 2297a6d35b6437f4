/**
 * `npm run bench -- reliability`: reruns the hostile-input probe of issue 22 and prints what was tried and
 * what survived. Categories: kill -9 at several instants and resume (lost or repeated observations against
 * an undisturbed run, and the event replay), a second driver of a live run, hostile laws, malformed files,
 * and misbehaving external worlds (hang, crash, endless output, garbage, wrong counts, wrapped in `sh`),
 * plus the server and language-model probes when bench/reliability-server-llm.ts exists.
 * Run from the repository root after `npm run build` (the worlds are driven through bin/worldbreaker.js).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../src/cli/main.js";
import { RunStore } from "../src/journal/index.js";
import { flag } from "./args.js";
import type { ReliabilityRow } from "./reliability-row.js";

/** The CLI the child-process probes drive; `--bin` points them at another build (a before/after comparison). */
let BIN = resolve("bin/worldbreaker.js");
const FIX = resolve("test/fixtures/worlds");
const SLOW = resolve("test/fixtures/discover/slow-world.mjs");
const NODE = JSON.stringify(process.execPath);
/** Seconds an external world gets per request in the world probes (the CLI default is 30). */
const WORLD_TIMEOUT_S = 1;
/** Grace on top of a run's own budget before it counts as over time. */
const GRACE_S = 10;
const STACK = /\n\s+at .+[:(]\d+:\d+|internal error|RangeError|TypeError/;

/** Totals against the target printed under the table. */
const totals = { crashes: 0, stackTraces: 0, orphans: 0, lost: 0, repeated: 0, overTime: 0, stuckRunning: 0 };

interface Exit {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
}

/** Runs the CLI as a child with a marker in its environment (to find orphans later); kills it past `limitS`. */
function cli(args: string[], opts: { env?: NodeJS.ProcessEnv; limitS: number; marker?: string; onStderr?: (all: string, kill: () => void) => void }): Promise<Exit> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...opts.env, ...(opts.marker ? { WB_RELIABILITY_MARK: opts.marker } : {}) },
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.limitS * 1000);
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
      opts.onStderr?.(stderr, kill);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, seconds: (performance.now() - t0) / 1000, timedOut });
    });
  });
}

/** Live processes (zombies excluded) whose environment carries `marker`; they are killed once counted. */
function orphansOf(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.startsWith("Z")) continue;
      if (readFileSync(`/proc/${entry}/environ`, "utf8").includes(`WB_RELIABILITY_MARK=${marker}`)) found.push(Number(entry));
    } catch (err) {
      // A process that ended while we looked, or one that is not ours to read, carries no marker of ours.
      if (!(err as NodeJS.ErrnoException).code) throw err;
    }
  }
  for (const pid of found) {
    try {
      process.kill(pid, "SIGKILL");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the CLI in this process (fast) and captures its output; an exception escaping main is a crash. */
async function inProcess(argv: string[], limitS: number): Promise<{ code: number; out: string; err: string; seconds: number; crashed: string | null }> {
  let out = "";
  let err = "";
  const t0 = performance.now();
  try {
    const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: {}, signal: AbortSignal.timeout(limitS * 1000) });
    return { code, out, err, seconds: (performance.now() - t0) / 1000, crashed: null };
  } catch (e) {
    return { code: -1, out, err, seconds: (performance.now() - t0) / 1000, crashed: e instanceof Error ? e.message : String(e) };
  }
}

/** Judges one in-process command: a result or a one-line error, no crash, no stack trace, no R² of ±∞/NaN, in time. */
function judgeInProcess(label: string, r: Awaited<ReturnType<typeof inProcess>>, limitS: number, failures: string[]): boolean {
  const problems: string[] = [];
  if (r.crashed !== null) {
    totals.crashes += 1;
    problems.push(`crashed: ${r.crashed.slice(0, 80)}`);
  }
  if (STACK.test(r.err) || STACK.test(r.out)) {
    totals.stackTraces += 1;
    problems.push(`stack trace or internal error: ${r.err.trim().split("\n")[0]?.slice(0, 100)}`);
  }
  if (r.code !== 0 && r.code !== 2) problems.push(`exit code ${r.code}`);
  // Progress lines may come first; the error itself is the one last line.
  const errorLines = r.err.trim().split("\n").filter((l) => l.startsWith("worldbreaker:"));
  if (r.code === 2 && (errorLines.length !== 1 || !r.err.trim().split("\n").at(-1)!.startsWith("worldbreaker:"))) problems.push(`error is not one line: ${JSON.stringify(r.err.slice(-100))}`);
  if (/R²\s+(-?Infinity|NaN)/.test(r.out)) problems.push("prints R² as ±Infinity or NaN");
  if (r.seconds > limitS + GRACE_S) {
    totals.overTime += 1;
    problems.push(`took ${r.seconds.toFixed(1)} s`);
  }
  if (problems.length > 0) failures.push(`${label}: ${problems.join("; ")}`);
  return problems.length === 0;
}

// ---------------------------------------------------------------- kills and resumes

const KILL_ARGS = (store: string) => ["discover", "--external", `${NODE} ${JSON.stringify(SLOW)}`, "--seed", "4", "--rounds", "1", "--initial", "8", "--batch", "4", "--evaluations", "300", "--time", "60", "--store", store, "--json"];

function strip(json: string): unknown {
  const r = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify({ ...r, runId: "", seconds: 0, rounds: (r.rounds as Record<string, unknown>[]).map((x) => ({ ...x, seconds: 0 })) });
}

/** Kill -9 at `count` instants spread over a run (by time and by progress line), resume, compare with an undisturbed run. */
async function killsAndResumes(count: number): Promise<ReliabilityRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "wb-rel-kill-"));
  const reference = await cli(KILL_ARGS(join(dir, "reference")), { limitS: 120 });
  const row: ReliabilityRow = { category: "kill -9 and resume (slow external world)", tried: 0, survived: 0, failures: [] };
  const driver: ReliabilityRow = { category: "second driver of a live run refused", tried: 0, survived: 0, failures: [] };
  if (reference.code !== 0) {
    row.failures.push(`the undisturbed run failed: ${reference.stderr.trim().split("\n").at(-1)}`);
    return [row, driver];
  }
  const ref = JSON.parse(reference.stdout) as { queries: number };
  // Kill points: after a progress line appears, then a delay that walks through the run.
  const points: { after: string; delayMs: number }[] = [];
  const marks = ["round 0: asking", "round 0: asking", "round 1: asking", "round 0: asking", "round 1: asking"];
  for (let i = 0; i < count; i++) points.push({ after: marks[i % marks.length], delayMs: (i * 373) % 1100 });
  for (const [i, p] of points.entries()) {
    row.tried += 1;
    const store = join(dir, `killed-${i}`);
    let armed = false;
    const killed = await cli(KILL_ARGS(store), {
      limitS: 120,
      onStderr: (all, kill) => {
        if (!armed && all.includes(p.after)) {
          armed = true;
          setTimeout(kill, p.delayMs);
        }
      },
    });
    if (killed.signal !== "SIGKILL") {
      row.failures.push(`kill ${i} (${p.after} + ${p.delayMs} ms): the run ended before the kill`);
      continue;
    }
    const s = RunStore.open(store);
    const runId = s.listRuns()[0]?.id;
    s.close();
    if (!runId) {
      row.survived += 1; // killed before the run was journaled: nothing to lose
      continue;
    }
    const resumed = await cli(["resume", runId, "--store", store, "--json"], { limitS: 120 });
    const after = RunStore.open(store);
    const obs = after.observations(runId);
    const seqs = obs.map((o) => o.experimentSeq);
    const repeated = seqs.length - new Set(seqs).size + Math.max(0, obs.length - ref.queries);
    const lost = Math.max(0, ref.queries - obs.length);
    const reported = after.events(runId).filter((e) => e.type === "observations").flatMap((e) => (e.payload.observations as { experimentSeq: number }[]).map((o) => o.experimentSeq));
    const lostEvents = new Set(seqs.filter((q) => !reported.includes(q))).size;
    const repeatedEvents = reported.length - new Set(reported).size;
    const status = after.getRun(runId)?.status;
    after.close();
    totals.lost += lost + lostEvents;
    totals.repeated += repeated + repeatedEvents;
    const problems: string[] = [];
    if (resumed.code !== 0) problems.push(`resume exited ${resumed.code}: ${resumed.stderr.trim().split("\n").at(-1)}`);
    if (STACK.test(resumed.stderr)) totals.stackTraces += 1;
    if (lost || repeated) problems.push(`${lost} lost, ${repeated} repeated observations`);
    if (lostEvents || repeatedEvents) problems.push(`event replay: ${lostEvents} missing, ${repeatedEvents} repeated`);
    if (resumed.code === 0 && strip(resumed.stdout) !== strip(reference.stdout)) problems.push("result differs from the undisturbed run");
    if (status !== "finished") problems.push(`status ${status}`);
    if (problems.length === 0) row.survived += 1;
    else row.failures.push(`kill ${i} (${p.after} + ${p.delayMs} ms): ${problems.join("; ")}`);
  }

  // A second `resume` while the first drives the run must be refused, and the first must finish intact.
  driver.tried += 1;
  const store = join(dir, "two-drivers");
  let secondStarted = false;
  let second: Promise<Exit> | undefined;
  const first = cli(KILL_ARGS(store), {
    limitS: 120,
    onStderr: (all) => {
      if (!secondStarted && all.includes("round 0: asking")) {
        secondStarted = true;
        const id = /run (\S+): world/.exec(all)?.[1] ?? "";
        second = cli(["resume", id, "--store", store, "--json"], { limitS: 60 });
      }
    },
  });
  const a = await first;
  const b = second ? await second : undefined;
  const problems: string[] = [];
  if (a.code !== 0) problems.push(`the first driver exited ${a.code}: ${a.stderr.trim().split("\n").at(-1)}`);
  if (!b) problems.push("the second driver never started");
  else if (b.code !== 2 || !/is being driven by pid \d+ on host .* since /.test(b.stderr)) problems.push(`the second driver was not refused (exit ${b.code}: ${b.stderr.trim().split("\n").at(-1)})`);
  if (a.code === 0) {
    const s = RunStore.open(store);
    const runId = s.listRuns()[0].id;
    const n = s.observations(runId).length;
    s.close();
    if (n !== ref.queries) {
      problems.push(`${n} observations instead of ${ref.queries}`);
      totals.repeated += Math.max(0, n - ref.queries);
      totals.lost += Math.max(0, ref.queries - n);
    }
  }
  if (problems.length === 0) driver.survived += 1;
  else driver.failures.push(problems.join("; "));
  return [row, driver];
}

// ---------------------------------------------------------------- hostile laws

function hostileLaws(): string[] {
  const terms = (n: number, group: number) => {
    const groups: string[] = [];
    for (let g = 0; g < n; g += group) groups.push(`(${Array.from({ length: Math.min(group, n - g) }, (_, i) => `c${g + i}*x^${((g + i) % 5) + 1}`).join(" + ")})`);
    return groups.join(" + ");
  };
  return [
    "process.exit(1)",
    "require('fs').rmSync('/')",
    "x; rm -rf /",
    "${x}",
    "`x`",
    "constructor",
    "__proto__*x",
    "x.constructor",
    "this",
    "globalThis",
    "eval('x')",
    "Function('return 1')()",
    "(".repeat(5000) + "x" + ")".repeat(5000),
    "-".repeat(5000) + "x",
    "x^".repeat(3000) + "x",
    "sin(".repeat(3000) + "x" + ")".repeat(3000),
    "x+".repeat(9999) + "x",
    terms(1250, 25),
    terms(400, 20),
    "a".repeat(19_999),
    "x".repeat(20_001),
    "1e999*x",
    "1/0",
    "0/0*x",
    "exp(exp(exp(exp(exp(x)))))",
    "x^1e308",
    "sqrt(-1)*x",
    "log(-x)",
    "pi^pi^pi^pi^pi",
    "x**x**x**x",
    "sin(",
    ")",
    "",
    "   ",
    "\u0000x",
    "x\u202e+1",
    "🙂*x",
    "-x",
    "-a*x+b",
    "max(x)",
    "min(x,x,x)",
    "unknownfn(x)",
    "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*z*x",
    "x,y",
    "NaN*x",
    "Infinity*x",
  ];
}

async function hostileLawProbe(): Promise<ReliabilityRow> {
  const dir = mkdtempSync(join(tmpdir(), "wb-rel-law-"));
  const data = join(dir, "line.csv");
  writeFileSync(data, "x,y\n" + Array.from({ length: 40 }, (_, i) => `${i / 4},${(2 * i) / 4 + 1 + ((i * 7919) % 13) / 100}`).join("\n") + "\n");
  const row: ReliabilityRow = { category: "hostile laws (score)", tried: 0, survived: 0, failures: [] };
  for (const law of hostileLaws()) {
    row.tried += 1;
    const argv = law.startsWith("-") ? ["score", "--target", "y", "--", law, data] : ["score", law, data, "--target", "y"];
    const r = await inProcess(argv, 20);
    if (judgeInProcess(JSON.stringify(law.slice(0, 30)), r, 20, row.failures)) row.survived += 1;
  }
  return row;
}

// ---------------------------------------------------------------- malformed files

function malformedCsvs(): Record<string, string | Buffer> {
  return {
    empty: "",
    "header only": "x,y\n",
    ragged: "x,y\n1,2\n3\n",
    "extra cell": "x,y\n1,2,3\n",
    words: "x,y\n1,two\n",
    "empty cell": "x,y\n1,\n",
    hex: "x,y\n0x10,1\n",
    "1e999": "x,y\n1,3\n1e999,5\n",
    "-1e999": "x,y\n1,3\n2,-1e999\n",
    infinity: "x,y\n1,3\nInfinity,5\n3,7\n",
    "NaN word": "x,y\n1,NaN\n2,3\n",
    "__proto__ header": "__proto__,y\n1,2\n2,4\n",
    "constructor header": "x,constructor\n1,2\n2,4\n",
    "duplicate header": "x,x\n1,2\n",
    "numeric header": "1,2\n3,4\n",
    "unterminated quote": 'x,y\n1,"2\n',
    "NUL bytes": "x,y\n1\u0000,2\n",
    binary: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    "BOM + CRLF": "\ufeffx,y\r\n1,3\r\n2,5\r\n3,7.2\r\n",
    "constant target": "x,y\n1,3\n2,3\n3,3\n",
    "single row": "x,y\n1,3\n",
    "±1e308": "x,y\n1,1e308\n2,-1e308\n3,1e308\n",
    "1e-320 subnormal": "x,y\n1,1e-320\n2,2e-320\n3,3e-320\n",
    "100k-character cell": `x,y\n1,${"9".repeat(100_000)}\n`,
    "no target column": "a,b\n1,2\n",
  };
}

async function malformedFileProbe(): Promise<ReliabilityRow> {
  const dir = mkdtempSync(join(tmpdir(), "wb-rel-files-"));
  const row: ReliabilityRow = { category: "malformed files (csv, journal, dataset)", tried: 0, survived: 0, failures: [] };
  for (const [name, text] of Object.entries(malformedCsvs())) {
    const path = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.csv`);
    writeFileSync(path, text);
    row.tried += 2;
    const s = await inProcess(["score", "a*x+b", path, "--target", "y"], 20);
    if (judgeInProcess(`score ${name}`, s, 20, row.failures)) row.survived += 1;
    const d = await inProcess(["discover", path, "--rounds", "0", "--evaluations", "100", "--store", join(dir, "store")], 20);
    if (judgeInProcess(`discover ${name}`, d, 20, row.failures)) row.survived += 1;
  }
  const stores: Record<string, string | Buffer> = {
    "text journal": "this is not a database\n".repeat(100),
    "truncated sqlite header": Buffer.from("SQLite format 3\u0000" + "\u0000".repeat(40)),
    "empty journal": "",
  };
  for (const [name, content] of Object.entries(stores)) {
    const store = mkdtempSync(join(dir, "store-"));
    writeFileSync(join(store, "journal.sqlite"), content);
    row.tried += 1;
    const r = await inProcess(["resume", "--store", store], 20);
    const named = r.code === 0 || r.err.includes(join(store, "journal.sqlite"));
    if (!named) row.failures.push(`${name}: the error does not name the file: ${r.err.trim()}`);
    if (judgeInProcess(name, r, 20, row.failures) && named) row.survived += 1;
  }
  for (const [name, text] of Object.entries({ "dataset: not JSON": "{", "dataset: wrong shape": '{"stages": 3}', "dataset: __proto__": '{"__proto__": {"x": 1}}' })) {
    const path = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.json`);
    writeFileSync(path, text);
    row.tried += 1;
    const r = await inProcess(["discover", path, "--rounds", "0", "--store", join(dir, "store")], 20);
    if (judgeInProcess(name, r, 20, row.failures)) row.survived += 1;
  }
  return row;
}

// ---------------------------------------------------------------- misbehaving worlds

interface WorldCase {
  name: string;
  command: (dir: string) => string;
  /** Requests the run can make before it gives up: (describe + one run) × 3 attempts at WORLD_TIMEOUT_S. */
  budgetS: number;
  /** A pid file the world writes for a grandchild that must not survive. */
  childPidFile?: string;
}

function worldCases(): WorldCase[] {
  const node = (script: string, ...args: string[]) => [NODE, JSON.stringify(join(FIX, script)), ...args].join(" ");
  const budget = 2 * 3 * WORLD_TIMEOUT_S;
  return [
    { name: "hang on run", command: () => node("hanging-world.mjs"), budgetS: budget },
    { name: "hang on run, wrapped in sh -c", command: () => `sh -c '${node("hanging-world.mjs").replace(/'/g, "")}'`, budgetS: budget },
    { name: "hang with a sleeping child, in sh", command: (dir) => `sh ${JSON.stringify(join(FIX, "sh-hang.sh"))} ${JSON.stringify(join(dir, "child.pid"))}`, budgetS: budget, childPidFile: "child.pid" },
    { name: "crash on every run", command: () => node("crashing-world.mjs", "--always"), budgetS: budget },
    { name: "crash once, then recover", command: () => node("crashing-world.mjs"), budgetS: budget },
    { name: "endless output, no newline", command: () => node("endless-world.mjs"), budgetS: budget },
    { name: "endless output while describing", command: () => node("endless-world.mjs", "--describe"), budgetS: budget },
    { name: "endless output, wrapped in sh -c", command: () => `sh -c '${node("endless-world.mjs").replace(/'/g, "")}'`, budgetS: budget },
    { name: "garbage line", command: () => node("garbage-world.mjs"), budgetS: budget },
    { name: "wrong count of outputs", command: () => node("good-world.mjs", "--short"), budgetS: budget },
    { name: "error answer", command: () => node("good-world.mjs", "--error"), budgetS: budget },
    { name: "infinite outputs", command: () => node("good-world.mjs", "--infinite"), budgetS: budget },
    { name: "lies about its ranges", command: () => node("lying-world.mjs", "--reversed"), budgetS: budget },
    { name: "input named __proto__", command: () => node("proto-world.mjs"), budgetS: budget },
    { name: "command not found", command: () => "/nonexistent/world --flag", budgetS: budget },
    { name: "exits at once (sh -c true)", command: () => "sh -c true", budgetS: budget },
  ];
}

async function misbehavingWorldProbe(): Promise<ReliabilityRow> {
  const row: ReliabilityRow = { category: "misbehaving external worlds (discover)", tried: 0, survived: 0, failures: [] };
  for (const c of worldCases()) {
    row.tried += 1;
    const dir = mkdtempSync(join(tmpdir(), "wb-rel-world-"));
    const marker = randomUUID();
    const store = join(dir, "store");
    // Budget: the world's own timeouts, plus the search (a few seconds at most on 200 evaluations).
    const limitS = c.budgetS + 5 + GRACE_S;
    const r = await cli(["discover", "--external", c.command(dir), "--rounds", "1", "--initial", "6", "--batch", "4", "--evaluations", "200", "--store", store], {
      limitS: limitS + 30,
      marker,
      env: { WORLDBREAKER_WORLD_TIMEOUT: String(WORLD_TIMEOUT_S) },
    });
    await sleep(300);
    const orphans = orphansOf(marker);
    if (c.childPidFile && existsSync(join(dir, c.childPidFile))) {
      const pid = Number(readFileSync(join(dir, c.childPidFile), "utf8").trim());
      if (!orphans.includes(pid) && existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z")) orphans.push(pid);
    }
    const problems: string[] = [];
    if (r.timedOut) problems.push(`still running after ${limitS + 30} s (killed)`);
    if (r.code !== 0 && r.code !== 2) {
      totals.crashes += 1;
      problems.push(`exit ${r.code ?? r.signal}`);
    }
    if (STACK.test(r.stderr)) {
      totals.stackTraces += 1;
      problems.push(`stack trace: ${r.stderr.trim().split("\n").at(-1)?.slice(0, 100)}`);
    }
    if (orphans.length > 0) {
      totals.orphans += orphans.length;
      problems.push(`${orphans.length} orphan process${orphans.length === 1 ? "" : "es"}`);
    }
    if (r.seconds > limitS) {
      totals.overTime += 1;
      problems.push(`took ${r.seconds.toFixed(1)} s (budget ${c.budgetS} s + ${5 + GRACE_S} s)`);
    }
    if (existsSync(join(store, "journal.sqlite"))) {
      const s = RunStore.open(store);
      const stuck = s.listRuns().filter((x) => x.status === "running");
      s.close();
      if (stuck.length > 0) {
        totals.stuckRunning += stuck.length;
        problems.push("run left 'running' in the journal");
      }
    }
    if (problems.length === 0) row.survived += 1;
    else row.failures.push(`${c.name}: ${problems.join("; ")}`);
  }
  return row;
}

// ---------------------------------------------------------------- server and language-model probes

/** The other half of the probe (bench/reliability-server-llm.ts), when it exists in this build. */
async function serverAndModelRows(): Promise<ReliabilityRow[] | string> {
  const here = new URL(".", import.meta.url);
  const file = new URL("reliability-server-llm.js", here);
  if (!existsSync(file)) return "bench/reliability-server-llm.ts is not there yet: server and language-model probes not run";
  const mod = (await import(pathToFileURL(file.pathname).href)) as { serverAndModelProbes?: () => Promise<ReliabilityRow[]> };
  if (typeof mod.serverAndModelProbes !== "function") return "bench/reliability-server-llm.ts exports no serverAndModelProbes()";
  return mod.serverAndModelProbes();
}

// ---------------------------------------------------------------- table

function printTable(rows: ReliabilityRow[], seconds: number): void {
  const w = Math.max(...rows.map((r) => r.category.length), 8);
  const out: string[] = [];
  out.push(`| ${"category".padEnd(w)} | tried | survived |`);
  out.push(`| ${"-".repeat(w)} | ----: | -------: |`);
  for (const r of rows) out.push(`| ${r.category.padEnd(w)} | ${String(r.tried).padStart(5)} | ${String(r.survived).padStart(8)} |`);
  const tried = rows.reduce((s, r) => s + r.tried, 0);
  const survived = rows.reduce((s, r) => s + r.survived, 0);
  out.push(`| ${"all".padEnd(w)} | ${String(tried).padStart(5)} | ${String(survived).padStart(8)} |`);
  out.push("");
  out.push("| measure | result | target |");
  out.push("| --- | ---: | ---: |");
  out.push(`| crashes (exit other than 0/2, exception out of main) | ${totals.crashes} | 0 |`);
  out.push(`| stack traces or internal errors shown | ${totals.stackTraces} | 0 |`);
  out.push(`| orphan processes left behind | ${totals.orphans} | 0 |`);
  out.push(`| lost observations (rows or events) | ${totals.lost} | 0 |`);
  out.push(`| repeated observations (rows or events) | ${totals.repeated} | 0 |`);
  out.push(`| runs past budget + ${GRACE_S} s grace | ${totals.overTime} | 0 |`);
  out.push(`| runs left 'running' after the process ended | ${totals.stuckRunning} | 0 |`);
  out.push("");
  for (const r of rows) for (const f of r.failures) out.push(`- ${r.category}: ${f}`);
  out.push(`\n${seconds.toFixed(1)} s in all`);
  process.stdout.write(out.join("\n") + "\n");
}

/**
 * Entry point used by bench/run.ts. Flags: --kills <n> (default 3); --only <list> of kills, laws, files,
 * worlds, server (default all); --bin <path> drives another build's bin/worldbreaker.js in the child-process probes.
 */
export async function run(args: string[]): Promise<void> {
  if (!existsSync(resolve("dist/cli/main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm run bench does)");
  const t0 = performance.now();
  const kills = Number(flag(args, "kills") ?? 3);
  const only = new Set((flag(args, "only") ?? "kills,laws,files,worlds,server").split(","));
  BIN = resolve(flag(args, "bin") ?? BIN);
  const rows: ReliabilityRow[] = [];
  const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    process.stdout.write(`  ${label}: ${((performance.now() - t) / 1000).toPrecision(5)} s\n`);
    return out;
  };
  if (only.has("kills")) rows.push(...(await timed("kills and resumes", () => killsAndResumes(kills))));
  if (only.has("laws")) rows.push(await timed("hostile laws", hostileLawProbe));
  if (only.has("files")) rows.push(await timed("malformed files", malformedFileProbe));
  if (only.has("worlds")) rows.push(await timed("misbehaving worlds", misbehavingWorldProbe));
  if (only.has("server")) {
    const other = await timed("server and language-model probes", serverAndModelRows);
    if (typeof other === "string") process.stdout.write(`note: ${other}\n\n`);
    else rows.push(...other);
  }
  printTable(rows, (performance.now() - t0) / 1000);
}
