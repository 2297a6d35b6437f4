import { resolve } from "node:path";
import { readFeynmanProblems } from "../src/data/feynman.js";
import { benchEvaluation } from "./expr-evaluation.js";
import { benchFitting, type FitRow } from "./expr-fitting.js";

/**
 * `npm run bench -- expr [--rows=100000] [--reps=15] [--fit-rows=500] [--feynman=<csv>] [--quick] [--eval-only] [--fit-only]`:
 * (1) evaluation throughput of the compiled evaluator against hand-written TypeScript loops and a
 * tree-walking interpreter on Feynman formulas; (2) recovery of the Feynman formulas' constants (every
 * numeric literal made a fitted constant) from noise-free data, against a single-start fit as baseline.
 */
export async function run(args: string[]): Promise<void> {
  const flag = (name: string, fallback: number): number => {
    const hit = args.find((a) => a.startsWith(`--${name}=`));
    return hit ? Number(hit.split("=")[1]) : fallback;
  };
  const quick = args.includes("--quick");
  if (!args.includes("--fit-only")) evaluation(flag("rows", quick ? 20_000 : 100_000), flag("reps", quick ? 5 : 15));
  const file = args.find((a) => a.startsWith("--feynman="))?.split("=")[1] ?? resolve(process.cwd(), "data/feynman/FeynmanEquations.csv");
  if (!args.includes("--eval-only")) fitting(file, flag("fit-rows", 500), quick ? 20 : 100);
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

function evaluation(rows: number, reps: number): void {
  process.stdout.write(`### Evaluation throughput (${rows.toLocaleString("en")} rows, best of ${reps} interleaved runs)\n\n`);
  process.stdout.write(
    "| formula | hand-written ms | compiled ms | column-wise interpreter ms | tree-walking interpreter ms | compiled / hand speed | compiled / tree-walking speed | max rel. diff |\n|---|---|---|---|---|---|---|---|\n",
  );
  const rowsOut = benchEvaluation(rows, reps);
  for (const r of rowsOut) {
    process.stdout.write(
      `| ${r.id} | ${fmt(r.handMs)} | ${fmt(r.compiledMs)} | ${fmt(r.columnwiseMs)} | ${fmt(r.interpretedMs)} | ${fmt(r.handMs / r.compiledMs)}× | ${fmt(r.interpretedMs / r.compiledMs, 1)}× | ${r.maxRelativeDifference.toExponential(1)} |\n`,
    );
  }
  const vsHand = geomean(rowsOut.map((r) => r.handMs / r.compiledMs));
  const vsInterp = geomean(rowsOut.map((r) => r.interpretedMs / r.compiledMs));
  const vsColumnwise = geomean(rowsOut.map((r) => r.columnwiseMs / r.compiledMs));
  const mrows = rowsOut.reduce((s, r) => s + rows / r.compiledMs / 1000, 0) / rowsOut.length;
  process.stdout.write(`\ncompiled speed vs hand-written TypeScript (geometric mean): **${fmt(vsHand)}×** (target ≥ 0.8×)\n`);
  process.stdout.write(`compiled speed vs tree-walking interpreter (geometric mean): **${fmt(vsInterp, 1)}×**\n`);
  process.stdout.write(`compiled speed vs column-wise interpreter (geometric mean): **${fmt(vsColumnwise)}×**\n`);
  process.stdout.write(`compiled throughput: ${fmt(mrows, 1)} million rows/s on average\n\n`);
}

function summary(rows: FitRow[]): { exact: number; recovered: number; withConstants: number; medianMs: number; meanMs: number } {
  const withC = rows.filter((r) => r.constants > 0);
  const times = withC.map((r) => r.ms).sort((a, b) => a - b);
  return {
    exact: withC.filter((r) => r.nrmse < 1e-6).length,
    recovered: withC.filter((r) => r.constantsRecovered).length,
    withConstants: withC.length,
    medianMs: times.length ? times[times.length >> 1] : 0,
    meanMs: times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0,
  };
}

function fitting(file: string, rows: number, limit: number): void {
  const problems = readFeynmanProblems(file).slice(0, limit);
  process.stdout.write(`### Constant fitting (${problems.length} Feynman formulas, ${rows} noise-free rows, literals replaced by constants)\n\n`);
  benchFitting(problems, rows, 8); // a full warm-up pass: JIT warm-up of the shared code would otherwise favour the later pass
  const base = summary(benchFitting(problems, rows, 0));
  const full = benchFitting(problems, rows, 8);
  const ours = summary(full);
  const pct = (k: number, n: number) => `${k}/${n} (${fmt((100 * k) / Math.max(n, 1), 0)}%)`;
  process.stdout.write("| fitter | exact fit (NRMSE < 1e-6) | constants within 1e-4 | median ms | mean ms |\n|---|---|---|---|---|\n");
  process.stdout.write(`| single start (baseline) | ${pct(base.exact, base.withConstants)} | ${pct(base.recovered, base.withConstants)} | ${fmt(base.medianMs, 1)} | ${fmt(base.meanMs, 1)} |\n`);
  process.stdout.write(`| fitParams, 8 restarts | ${pct(ours.exact, ours.withConstants)} | ${pct(ours.recovered, ours.withConstants)} | ${fmt(ours.medianMs, 1)} | ${fmt(ours.meanMs, 1)} |\n`);
  process.stdout.write(`\nexact-fit rate vs single start: **${fmt(ours.exact / Math.max(base.exact, 1))}×**; ${problems.length - ours.withConstants} formulas have no numeric constant.\n`);
  const failures = full.filter((r) => r.constants > 0 && !(r.nrmse < 1e-6));
  if (failures.length) process.stdout.write(`not fitted exactly: ${failures.map((r) => `${r.id} (${r.nrmse.toExponential(1)})`).join(", ")}\n`);
}
