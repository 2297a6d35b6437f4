/**
 * `npm run bench:feynman -- [--time 60] [--problems I.6.2a,…] [--noise 0,0.01] [--units both|yes|no]
 * [--parallel 1] [--seed 0] [--out bench-out/feynman.jsonl] [--baseline] [--tensile]`
 *
 * Exact-recovery rate on the AI Feynman equations. Results are appended to a JSONL file and tasks
 * already there are skipped, so an interrupted run resumes. The baseline (same run, --baseline) is
 * the explainer's fast paths alone (no evolutionary search); the ratio shows what the search adds.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { explain } from "../src/explain/explain.js";
import { loadFeynmanProblems } from "./feynman-problems.js";
import { runFeynmanTask, type FeynmanResult, type FeynmanTask } from "./feynman-task.js";
import { flag, median } from "./args.js";


const keyOf = (t: FeynmanTask) => `${t.id}|${t.noise}|${t.units ? "units" : "plain"}|${t.time}|${t.seed}|${t.baseline ? "baseline" : "full"}`;


async function runPool(tasks: FeynmanTask[], parallel: number, onResult: (r: FeynmanResult) => void): Promise<void> {
  if (parallel <= 1) {
    for (const t of tasks) onResult(await runFeynmanTask(t));
    return;
  }
  const script = join(dirname(fileURLToPath(import.meta.url)), "feynman-worker.js");
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const w = new Worker(script);
      try {
        while (next < tasks.length) {
          const t = tasks[next++];
          const r = await new Promise<FeynmanResult>((resolve, reject) => {
            w.once("message", resolve);
            w.once("error", reject);
            w.postMessage(t);
          });
          onResult(r);
        }
      } finally {
        await w.terminate();
      }
    }),
  );
}

/** Summary row for one (noise, units, mode) group. */
function summarise(rows: FeynmanResult[]): string {
  const rec = rows.filter((r) => r.recovered).length;
  const r2 = rows.filter((r) => r.r2 > 0.999).length;
  const pct = (k: number) => `${((100 * k) / Math.max(rows.length, 1)).toFixed(1)}%`;
  return `${rows.length} problems: recovered ${rec} (${pct(rec)}), R² > 0.999 ${r2} (${pct(r2)}), median ${median(rows.map((r) => r.seconds)).toFixed(2)} s`;
}

async function tensile(time: number, seed: number): Promise<void> {
  const path = join(process.cwd(), "data", "breaking-the-world", "tensile_cyclic.json");
  const raw = JSON.parse(readFileSync(path, "utf8")) as { observations: Record<string, unknown>[] };
  const obs = raw.observations;
  const strain = Float64Array.from(obs, (o) => Number(o.strain));
  const direction = Float64Array.from(obs, (o) => Number(o.direction));
  const stress = Float64Array.from(obs, (o) => Number(o.stress));
  mkdirSync("bench-out", { recursive: true });
  writeFileSync("bench-out/tensile_cyclic.csv", "strain,direction,stress\n" + obs.map((_, i) => `${strain[i]},${direction[i]},${stress[i]}`).join("\n") + "\n");
  const res = await explain({ variables: ["strain", "direction"], columns: { strain, direction }, target: stress, targetName: "stress" }, { seed, timeSeconds: time });
  process.stdout.write(`tensile_cyclic (all 4 stages, ${obs.length} rows): stress = ${res.law}\n  R² ${res.r2.toFixed(4)} (reference 0.702), bits ${res.bits.total.toFixed(1)} (reference 600.6; different MDL codes, not comparable), ${res.seconds.toFixed(1)} s\n`);
}

/** Benchmark entry point. */
export async function run(args: string[]): Promise<void> {
  const time = Number(flag(args, "time") ?? 60);
  const seed = Number(flag(args, "seed") ?? 0);
  const parallel = Math.max(1, Number(flag(args, "parallel") ?? 1));
  const noises = (flag(args, "noise") ?? "0,0.01").split(",").map(Number);
  const unitsMode = flag(args, "units") ?? "both";
  const unitChoices = unitsMode === "both" ? [true, false] : [unitsMode === "yes" || unitsMode === "true"];
  const out = flag(args, "out") ?? "bench-out/feynman.jsonl";
  const all = loadFeynmanProblems();
  const wanted = flag(args, "problems")?.split(",");
  const problems = wanted ? all.filter((p) => wanted.includes(p.id)) : all;
  const withBaseline = args.includes("--baseline");
  if (args.includes("--tensile")) await tensile(Math.min(time, 60), seed);
  const tasks: FeynmanTask[] = [];
  for (const noise of noises)
    for (const units of unitChoices)
      for (const p of problems) {
        tasks.push({ id: p.id, noise, units, time, seed });
        if (withBaseline) tasks.push({ id: p.id, noise, units, time, seed, baseline: true });
      }
  mkdirSync(dirname(out), { recursive: true });
  const done = new Map<string, FeynmanResult>();
  if (existsSync(out)) {
    for (const line of readFileSync(out, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as FeynmanResult;
        done.set(keyOf(r), r);
      } catch (err) {
        // A line cut short by an interrupted run is simply redone.
        if (!(err instanceof SyntaxError)) throw err;
      }
    }
  }
  const todo = tasks.filter((t) => !done.has(keyOf(t)));
  process.stderr.write(`feynman: ${tasks.length} tasks, ${tasks.length - todo.length} already in ${out}, ${todo.length} to run (parallel ${parallel})\n`);
  await runPool(todo, parallel, (r) => {
    done.set(keyOf(r), r);
    appendFileSync(out, JSON.stringify(r) + "\n");
    process.stderr.write(`  ${r.recovered ? "✓" : "✗"} ${r.id} noise=${r.noise} ${r.units ? "units" : "plain"}${r.baseline ? " baseline" : ""} R²=${r.r2.toFixed(6)} ${r.seconds.toFixed(1)}s  ${r.law.slice(0, 100)}${r.error ? ` ERROR ${r.error}` : ""}\n`);
  });
  const results = tasks.map((t) => done.get(keyOf(t))).filter((r): r is FeynmanResult => r !== undefined);
  process.stdout.write(`Feynman benchmark (${time} s per problem, seed ${seed}, 1,000 rows)\n\n`);
  for (const noise of noises)
    for (const units of unitChoices) {
      const full = results.filter((r) => r.noise === noise && r.units === units && !r.baseline);
      const base = results.filter((r) => r.noise === noise && r.units === units && r.baseline);
      const label = `noise ${noise * 100}% ${units ? "with units" : "no units"}`;
      process.stdout.write(`- ${label}: ${summarise(full)}\n`);
      if (base.length) {
        const a = full.filter((r) => r.recovered).length;
        const b = base.filter((r) => r.recovered).length;
        process.stdout.write(`  baseline (fast paths only): ${summarise(base)}; ratio full/baseline recovered ${(a / Math.max(b, 1)).toFixed(2)}×\n`);
      }
    }
}
