/**
 * `npm run bench -- search-throughput [--evaluations 20000] [--compare DIR] [--save FILE] [--baseline FILE]`
 * `npm run bench -- search-throughput --solve [--budget 60000] [--seeds 2] [--base k=v,…] [--variant k=v,…]`
 *
 * Candidates fully scored per second per core by the island search: the search loop alone (no fast
 * paths), in this process on one core, on fixed problems (the relativistic family, the magnitude of a
 * vector, a weighted mean, held-out laws) for a fixed number of scored candidates each, never stopping
 * as exact. A
 * Seconds are the process's CPU seconds (user + system), so a loaded machine slows the wall clock, not the
 * figure. A candidate counts when its loss on every search row was computed (fitted or evaluated as it is);
 * cache hits and children rejected before scoring do not count. `--save` writes the figures to a
 * JSON file; `--baseline` reads such a file (measured on this machine before a change) and prints the
 * ratio per problem. `--compare DIR` runs, interleaved with this code on each problem, the search of an
 * earlier compiled snapshot (DIR holds `src/explain/*.js` as `tsc -p tsconfig.bench.json` writes them,
 * e.g. `git archive` of the earlier commit built into bench-out/dist-before), so the ratio is measured
 * in the same run under the same load. `--solve` measures search strength instead (see `solve`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultSearchConfig, SEARCH_ROWS } from "../src/explain/explain.js";
import { inProcessExecutor } from "../src/explain/in-process-executor.js";
import { variance } from "../src/explain/linalg.js";
import { runSearch } from "../src/explain/search-loop.js";
import { sampleRows, takeRows } from "../src/explain/subsample.js";
import { parse } from "../src/expr/index.js";
import { generateData, type ParsedFeynmanProblem } from "./feynman-problems.js";
import { heldoutProblems } from "./heldout.js";
import { flag, median } from "./args.js";

const problem = (id: string, formula: string, vars: [string, number, number][]): ParsedFeynmanProblem => ({
  id,
  output: "y",
  formula,
  variables: vars.map(([name, low, high]) => ({ name, low, high })),
  expr: parse(formula),
});

/** The problems measured: the issue's missed forms and four held-out laws. */
export function throughputProblems(): ParsedFeynmanProblem[] {
  const held = heldoutProblems().filter((p) => ["bateman", "morse", "worm-like-chain", "gompertz"].includes(p.id));
  return [
    problem("relativistic-ke", "m*(1/sqrt(1 - v**2) - 1)", [["m", 1, 5], ["v", 0.1, 0.9]]),
    problem("vector-magnitude", "sqrt(Bx**2 + By**2 + Bz**2)", [["Bx", 1, 5], ["By", 1, 5], ["Bz", 1, 5]]),
    problem("weighted-mean", "(m1*x1 + m2*x2)/(m1 + m2)", [["m1", 1, 5], ["x1", 1, 5], ["m2", 1, 5], ["x2", 1, 5]]),
    problem("asin-ratio", "asin(n*lam/d)", [["n", 1, 2], ["lam", 1, 2], ["d", 4, 6]]),
    ...held,
  ];
}

interface Figure {
  id: string;
  evaluations: number;
  seconds: number;
  perSecond: number;
}

type SearchRunner = typeof runSearch;

async function measureOne(p: ParsedFeynmanProblem, evaluations: number, search: SearchRunner = runSearch, executor: unknown = inProcessExecutor): Promise<Figure> {
  const names = p.variables.map((v) => v.name);
  const data = generateData(p, 1000, 0, 0);
  const rows = sampleRows(1000, SEARCH_ROWS, 1);
  const target = takeRows(data.target, rows);
  const rowsData = { variables: names, columns: names.map((n) => takeRows(data.columns[n], rows)), target, targetVariance: variance(target) || 1 };
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const cfg = { ...defaultSearchConfig(), seed: 0, maxEvaluations: evaluations, deadline: t0 + 600_000, exactLoss: -Infinity };
  const out = await search({ data: rowsData, cfg }, [], { executor: executor as typeof inProcessExecutor });
  // CPU seconds, not wall seconds: the machine is shared, and a busy neighbour must not read as a slow search.
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (cpu.user + cpu.system) / 1e6;
  return { id: p.id, evaluations: out.evaluations, seconds: elapsed, perSecond: out.evaluations / elapsed };
}

/** The throughput problems plus two more of the issue's missed forms, for `--solve`. */
function solveProblems(): ParsedFeynmanProblem[] {
  return [
    ...throughputProblems(),
    problem("lorentz-mass", "m0/sqrt(1 - v**2/c**2)", [["m0", 1, 5], ["v", 1, 2], ["c", 3, 10]]),
    problem("bose-einstein", "1/(exp(a*w/T) - 1)", [["a", 1, 2], ["w", 1, 2], ["T", 1, 3]]),
  ];
}

/** Parses `key=value,…` into search-config overrides (numbers). */
function overrides(spec: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kv of spec ? spec.split(",") : []) {
    const [k, v] = kv.split("=");
    out[k] = Number(v);
  }
  return out;
}

/**
 * `--solve`: search strength, independent of the machine's speed and load. Each problem's search runs
 * (in process) to an evaluation budget or to an exact law (normalised loss ≤ 1e-12) with the default
 * tunables (overridden by `--base key=value,…`) and with `--variant key=value,…` on top, over `--seeds` seeds; reports how many runs ended exact
 * and the evaluations they took.
 */
async function solve(args: string[]): Promise<void> {
  const budget = Number(flag(args, "budget") ?? 60_000);
  const seeds = Number(flag(args, "seeds") ?? 2);
  const base = overrides(flag(args, "base"));
  const variant = { ...base, ...overrides(flag(args, "variant")) };
  const configs: [string, Record<string, number>][] = [[flag(args, "base") ?? "default", base], [flag(args, "variant") ?? "variant", variant]];
  process.stdout.write(`Search strength: runs ending exact within ${budget} evaluations (${seeds} seeds, ${SEARCH_ROWS} rows, no noise)\n\n`);
  process.stdout.write(`| problem | ${configs.map(([name]) => name).join(" | ")} |\n|---|${configs.map(() => "---").join("|")}|\n`);
  const totals = configs.map(() => 0);
  for (const p of solveProblems()) {
    const names = p.variables.map((v) => v.name);
    const data = generateData(p, 1000, 0, 0);
    const rows = sampleRows(1000, SEARCH_ROWS, 1);
    const target = takeRows(data.target, rows);
    const rowsData = { variables: names, columns: names.map((n) => takeRows(data.columns[n], rows)), target, targetVariance: variance(target) || 1 };
    const cells: string[] = [];
    for (const [c, [, over]] of configs.entries()) {
      const found: number[] = [];
      for (let seed = 0; seed < seeds; seed++) {
        const defaults = defaultSearchConfig();
        // `extraPower=p` adds a fixed exponent to the vocabulary; every other key is a numeric tunable.
        const { extraPower, ...tunables } = over;
        const operators = extraPower === undefined ? defaults.operators : { ...defaults.operators, powers: [...defaults.operators.powers, extraPower] };
        const cfg = { ...defaults, ...tunables, operators, seed, maxEvaluations: budget, deadline: Infinity, exactLoss: 1e-12 };
        const out = await runSearch({ data: rowsData, cfg }, [], { executor: inProcessExecutor });
        if (out.stoppedBy === "exact") found.push(out.evaluations);
      }
      totals[c] += found.length;
      cells.push(`${found.length}/${seeds}${found.length ? ` (median ${median(found).toFixed(0)})` : ""}`);
    }
    process.stdout.write(`| ${p.id} | ${cells.join(" | ")} |\n`);
  }
  process.stdout.write(`| total | ${totals.map((t) => `${t}/${seeds * solveProblems().length}`).join(" | ")} |\n`);
}

/** Benchmark entry point. */
export async function run(args: string[]): Promise<void> {
  if (args.includes("--solve")) return solve(args);
  const evaluations = Number(flag(args, "evaluations") ?? 20_000);
  const save = flag(args, "save");
  const baselinePath = flag(args, "baseline");
  let baseline = baselinePath ? (JSON.parse(readFileSync(baselinePath, "utf8")) as Figure[]) : [];
  const compareDir = flag(args, "compare");
  let earlier: { search: SearchRunner; executor: unknown } | null = null;
  if (compareDir) {
    const root = resolve(compareDir);
    const loop = (await import(pathToFileURL(join(root, "src/explain/search-loop.js")).href)) as { runSearch: SearchRunner };
    const exec = (await import(pathToFileURL(join(root, "src/explain/in-process-executor.js")).href)) as { inProcessExecutor: unknown };
    earlier = { search: loop.runSearch, executor: exec.inProcessExecutor };
    baseline = [];
  }
  // Warm the compiler and kernel caches on one problem so the first figure is not the JIT's.
  await measureOne(throughputProblems()[0], Math.min(2000, evaluations));
  if (earlier) await measureOne(throughputProblems()[0], Math.min(2000, evaluations), earlier.search, earlier.executor);
  const figures: Figure[] = [];
  process.stdout.write(`Island search throughput: candidates fully scored per CPU second on one core (${evaluations} candidates per problem, ${SEARCH_ROWS} search rows)\n\n`);
  process.stdout.write(`| problem | scored | per second | baseline per second | ratio |\n|---|---|---|---|---|\n`);
  for (const p of throughputProblems()) {
    if (earlier) baseline.push(await measureOne(p, evaluations, earlier.search, earlier.executor));
    const f = await measureOne(p, evaluations);
    figures.push(f);
    const b = baseline.find((x) => x.id === f.id);
    process.stdout.write(`| ${f.id} | ${f.evaluations} | ${f.perSecond.toFixed(0)} | ${b ? b.perSecond.toFixed(0) : "—"} | ${b ? (f.perSecond / b.perSecond).toFixed(2) + "×" : "—"} |\n`);
  }
  const ratios = figures.map((f) => baseline.find((x) => x.id === f.id)).map((b, k) => (b ? figures[k].perSecond / b.perSecond : NaN)).filter(Number.isFinite);
  process.stdout.write(`\nMedian per second: ${median(figures.map((f) => f.perSecond)).toFixed(0)}`);
  if (ratios.length) process.stdout.write(`; median ratio against ${compareDir ?? baselinePath}: ${median(ratios).toFixed(2)}×`);
  process.stdout.write("\n");
  if (save) writeFileSync(save, JSON.stringify(figures, null, 1) + "\n");
}
