/**
 * `npm run bench -- heldout [--quick] [--time 20 | --evaluations 30000] [--threads 2] [--noise 0,0.01] [--seed 0] [--laws id,…]
 * [--feynman 30] [--out bench-out/heldout.jsonl]`
 *
 * Exact recovery on the held-out suite (bench/heldout-laws.ts: laws from outside the Feynman lectures)
 * beside a Feynman sample at the same budget, threads and seed, by the Feynman benchmark's own data
 * generation (1,000 rows, uniform inputs, Gaussian noise) and recovery check (bench/feynman-recovery.ts).
 * `--quick` is 4 s per law; `--feynman N` takes every k-th Feynman problem so that N are run (0: none,
 * `all`: all 100). `--evaluations N` budgets each law by evaluations instead of time (the fast paths then
 * run to completion): results no longer depend on the machine's load, and are reproducible for a seed and
 * thread count, which is what comparisons on a shared machine need. No units are given on either side (the held-out laws have none). Results go to a
 * JSONL file keyed by suite, law, noise, budget, seed and threads, so an interrupted run resumes.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parse } from "../src/expr/index.js";
import { explain } from "../src/explain/explain.js";
import { islandExecutor } from "../src/parallel/index.js";
import { checkRecovery } from "./feynman-recovery.js";
import { generateData, loadFeynmanProblems, type ParsedFeynmanProblem } from "./feynman-problems.js";
import { HELDOUT_LAWS } from "./heldout-laws.js";
import { flag, median } from "./args.js";

/** One result line. */
interface HeldoutResult {
  suite: "heldout" | "feynman";
  id: string;
  noise: number;
  time: number;
  seed: number;
  threads: number;
  recovered: boolean;
  r2: number;
  law: string;
  truth: string;
  seconds: number;
  evaluations: number;
  error?: string;
}

const keyOf = (r: Pick<HeldoutResult, "suite" | "id" | "noise" | "time" | "seed" | "threads">) => `${r.suite}|${r.id}|${r.noise}|${r.time}|${r.seed}|${r.threads}`;

/** The held-out laws parsed into the Feynman benchmark's problem shape. */
export function heldoutProblems(): ParsedFeynmanProblem[] {
  return HELDOUT_LAWS.map((l) => ({ id: l.id, output: l.output, formula: l.formula, variables: l.variables, expr: parse(l.formula) }));
}

/** Every k-th Feynman problem so that `count` are taken (deterministic, spread over the table). */
export function feynmanSample(count: number): ParsedFeynmanProblem[] {
  const all = loadFeynmanProblems();
  if (count >= all.length) return all;
  if (count <= 0) return [];
  const step = all.length / count;
  return Array.from({ length: count }, (_, k) => all[Math.floor(k * step)]);
}

async function runOne(suite: HeldoutResult["suite"], p: ParsedFeynmanProblem, noise: number, time: number, seed: number, threads: number, evaluations?: number): Promise<HeldoutResult> {
  const data = generateData(p, 1000, seed, noise);
  const names = p.variables.map((v) => v.name);
  const targetName = names.includes(p.output) ? `${p.output}_out` : p.output;
  const base = { suite, id: p.id, noise, time, seed, threads, truth: p.formula };
  const t0 = Date.now();
  try {
    const res = await explain({ variables: names, columns: data.columns, target: data.target, targetName }, evaluations === undefined ? { seed, timeSeconds: time, executor: islandExecutor(threads) } : { seed, maxEvaluations: evaluations, executor: islandExecutor(threads) });
    const check = checkRecovery(p, res.expr, res.params, noise, seed);
    return { ...base, recovered: check.recovered, r2: res.r2, law: res.law, seconds: (Date.now() - t0) / 1000, evaluations: res.evaluations };
  } catch (err) {
    return { ...base, recovered: false, r2: NaN, law: "", seconds: (Date.now() - t0) / 1000, evaluations: 0, error: err instanceof Error ? err.message : String(err) };
  }
}

function readDone(out: string): Map<string, HeldoutResult> {
  const done = new Map<string, HeldoutResult>();
  if (!existsSync(out)) return done;
  for (const line of readFileSync(out, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as HeldoutResult;
      done.set(keyOf(r), r);
    } catch (err) {
      // A line cut short by an interrupted run is simply redone.
      if (!(err instanceof SyntaxError)) throw err;
    }
  }
  return done;
}

/** Benchmark entry point. */
export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const evaluationsFlag = flag(args, "evaluations");
  const evaluations = evaluationsFlag === undefined ? undefined : Number(evaluationsFlag);
  // An evaluation budget is recorded as a negative "time" so the two kinds of budget never share a key.
  const time = evaluations === undefined ? Number(flag(args, "time") ?? (quick ? 4 : 20)) : -evaluations;
  const threads = Math.max(1, Number(flag(args, "threads") ?? 2));
  const seed = Number(flag(args, "seed") ?? 0);
  const noises = (flag(args, "noise") ?? "0,0.01").split(",").map(Number);
  const feynmanFlag = flag(args, "feynman") ?? (quick ? "30" : "all");
  const out = flag(args, "out") ?? "bench-out/heldout.jsonl";
  const wanted = flag(args, "laws")?.split(",");
  const heldout = heldoutProblems().filter((p) => !wanted || wanted.includes(p.id));
  const feynman = feynmanSample(feynmanFlag === "all" ? Infinity : Number(feynmanFlag));
  const tasks: { suite: HeldoutResult["suite"]; p: ParsedFeynmanProblem; noise: number }[] = [];
  for (const noise of noises) {
    for (const p of heldout) tasks.push({ suite: "heldout", p, noise });
    for (const p of feynman) tasks.push({ suite: "feynman", p, noise });
  }
  mkdirSync(dirname(out), { recursive: true });
  const done = readDone(out);
  const todo = tasks.filter((t) => !done.has(keyOf({ suite: t.suite, id: t.p.id, noise: t.noise, time, seed, threads })));
  process.stderr.write(`heldout: ${tasks.length} tasks, ${tasks.length - todo.length} already in ${out}, ${todo.length} to run (${evaluations === undefined ? `${time} s` : `${evaluations} evaluations`} each, ${threads} threads)\n`);
  for (const t of todo) {
    const r = await runOne(t.suite, t.p, t.noise, time, seed, threads, evaluations);
    done.set(keyOf(r), r);
    appendFileSync(out, JSON.stringify(r) + "\n");
    process.stderr.write(`  ${r.recovered ? "✓" : "✗"} ${r.suite} ${r.id} noise=${r.noise} R²=${r.r2.toFixed(6)} ${r.seconds.toFixed(1)}s  ${r.law.slice(0, 90)}${r.error ? ` ERROR ${r.error}` : ""}\n`);
  }
  process.stdout.write(`Held-out suite beside the Feynman set (${evaluations === undefined ? `${time} s` : `${evaluations} evaluations`} per law, ${threads} threads, seed ${seed}, 1,000 rows, no units)\n\n`);
  process.stdout.write(`| suite | noise | laws | recovered | rate | R² > 0.999 | median s |\n|---|---|---|---|---|---|---|\n`);
  for (const noise of noises)
    for (const suite of ["heldout", "feynman"] as const) {
      const rows = tasks.filter((t) => t.suite === suite && t.noise === noise).map((t) => done.get(keyOf({ suite, id: t.p.id, noise, time, seed, threads }))!);
      if (rows.length === 0) continue;
      const rec = rows.filter((r) => r.recovered).length;
      const good = rows.filter((r) => r.r2 > 0.999).length;
      process.stdout.write(`| ${suite} | ${noise * 100}% | ${rows.length} | ${rec} | ${((100 * rec) / rows.length).toFixed(1)}% | ${good} | ${median(rows.map((r) => r.seconds)).toFixed(2)} |\n`);
    }
  const missed = tasks.filter((t) => t.suite === "heldout").map((t) => done.get(keyOf({ suite: "heldout", id: t.p.id, noise: t.noise, time, seed, threads }))!).filter((r) => !r.recovered);
  if (missed.length) process.stdout.write(`\nHeld-out laws missed: ${missed.map((r) => `${r.id}@${r.noise * 100}%`).join(", ")}\n`);
}
