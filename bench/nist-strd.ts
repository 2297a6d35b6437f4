/**
 * `npm run bench -- nist-strd [--only Name,Name]`
 *
 * The 27 NIST StRD nonlinear regression problems (data/nist-strd/): log relative error (LRE) of every
 * fitted parameter against the certified values, LRE = −log10(|b − b*|/|b*|) capped at 11, for
 *   - our fitter (`fitLaw`, as `score` runs it: 8 restarts, seed 0) from start 1, start 2 and no start
 *     (every constant 1, what a user gets from `score` with no start given);
 *   - a plain single-start Levenberg–Marquardt (Marquardt's diagonal scaling, λ ×10 / ÷10, the textbook
 *     method), written here, from start 1 and start 2: the baseline, measured in the same run.
 * Prints per problem the minimum LRE over its parameters and the count of problems with every LRE ≥ 6.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { compileJacobian, paramNamesOf, parse, type Expr } from "../src/expr/index.js";
import { solveSpd } from "../src/expr/linear-solve.js";
import { fitLaw, lawSse } from "../src/mdl/fit-and-score.js";
import { readNistStrd, type NistProblem } from "../src/data/nist-strd.js";
import { flag } from "./args.js";

const DIR = "data/nist-strd";
const CAP = 11;

/** −log10 of the relative error (absolute when the certified value is 0), in [0, CAP]. */
export function lre(estimate: number, certified: number): number {
  if (!Number.isFinite(estimate)) return 0;
  const err = certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  if (err === 0) return CAP;
  return Math.min(CAP, Math.max(0, -Math.log10(err)));
}

/** The textbook Levenberg–Marquardt from one start: (JᵀJ + λ·diag JᵀJ)δ = −Jᵀr, λ ÷10 on success, ×10 on failure. */
function plainLm(expr: Expr, vars: string[], cols: Float64Array[], y: Float64Array, start: number[]): number[] {
  const jac = compileJacobian(expr, vars);
  const k = start.length;
  let x = start.slice();
  const sseAt = (v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (v[i] - y[i]) ** 2;
    return Number.isFinite(s) ? s : Infinity;
  };
  let ev = jac.evaluate(cols, x);
  let sse = sseAt(ev.value);
  let lambda = 1e-3;
  for (let iter = 0; iter < 1000 && Number.isFinite(sse); iter++) {
    const jtj = new Float64Array(k * k);
    const g = new Float64Array(k);
    for (let i = 0; i < y.length; i++) {
      const r = ev.value[i] - y[i];
      for (let a = 0; a < k; a++) {
        g[a] += ev.dParams[a][i] * r;
        for (let b = 0; b < k; b++) jtj[a * k + b] += ev.dParams[a][i] * ev.dParams[b][i];
      }
    }
    let improved = false;
    while (lambda < 1e20 && !improved) {
      const m = jtj.slice();
      for (let a = 0; a < k; a++) m[a * k + a] *= 1 + lambda;
      const step = solveSpd(m, g.map((v) => -v), k);
      if (step) {
        const trial = x.map((v, a) => v + step[a]);
        const t = jac.evaluate(cols, trial);
        const s = sseAt(t.value);
        if (s < sse) {
          const done = (sse - s) / sse < 1e-15;
          x = trial;
          ev = t;
          sse = s;
          lambda /= 10;
          improved = true;
          if (done) return x;
          continue;
        }
      }
      lambda *= 10;
    }
    if (!improved) return x;
  }
  return x;
}

interface Row {
  name: string;
  k: number;
  /** Minimum LRE over parameters per mode. */
  min: Record<Mode, number>;
  /** LRE of the residual sum of squares against the certified one, per mode. */
  rss: Record<Mode, number>;
  /** Wall time per mode, milliseconds. */
  ms: Record<Mode, number>;
}

const MODES = ["plain s1", "plain s2", "ours s1", "ours s2", "ours none"] as const;
type Mode = (typeof MODES)[number];

function solve(p: NistProblem): Row {
  const expr = parse(p.model, { variables: p.predictors });
  // Params are numbered by first appearance in the model; map them to the certified order b1 … bk.
  const order = paramNamesOf(expr).map((n) => p.params.indexOf(n));
  if (order.some((j) => j < 0)) throw new Error(`${p.name}: model params ${paramNamesOf(expr).join(",")} vs ${p.params.join(",")}`);
  const y = p.logResponse ? p.y.map(Math.log) : p.y;
  const toExpr = (v: number[]): number[] => order.map((j) => v[j]);
  const minLre = (fitted: number[]): number => Math.min(...order.map((j, e) => lre(fitted[e], p.certified[j])));
  const data = { variables: p.predictors, columns: Object.fromEntries(p.predictors.map((n, c) => [n, p.x[c]])), target: y };
  const ours = (init?: number[]): number[] => fitLaw(expr, data, { seed: 0, restarts: 8, ...(init ? { init } : {}) }).params;
  const runs: Record<Mode, () => number[]> = {
    "plain s1": () => plainLm(expr, p.predictors, p.x, y, toExpr(p.start1)),
    "plain s2": () => plainLm(expr, p.predictors, p.x, y, toExpr(p.start2)),
    "ours s1": () => ours(toExpr(p.start1)),
    "ours s2": () => ours(toExpr(p.start2)),
    "ours none": () => ours(),
  };
  const fitted = {} as Record<Mode, number[]>;
  const ms = {} as Record<Mode, number>;
  for (const m of MODES) {
    const t0 = performance.now();
    fitted[m] = runs[m]();
    ms[m] = performance.now() - t0;
  }
  const min = {} as Record<Mode, number>;
  const rss = {} as Record<Mode, number>;
  for (const m of MODES) {
    min[m] = minLre(fitted[m]);
    rss[m] = lre(lawSse(expr, fitted[m], data), p.certifiedRss);
  }
  return { name: p.name, k: p.params.length, min, rss, ms };
}

/** The fit reached the certified minimum under another labelling of the parameters. */
function equivalent(row: Row, m: Mode): boolean {
  return row.min[m] < 6 && row.rss[m] >= 9;
}

/** Runs the benchmark and prints the table. */
export async function run(args: string[]): Promise<void> {
  const only = flag(args, "only")?.split(",");
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith(".dat"))
    .sort()
    .filter((f) => !only || only.includes(f.replace(/\.dat$/, "")));
  const rows: Row[] = [];
  const t0 = performance.now();
  process.stdout.write(`Minimum LRE over each problem's parameters (capped at ${CAP}; ≥ 6 is the target).\n\n`);
  process.stdout.write(`| problem | k | ${MODES.join(" | ")} |\n|---|---|${MODES.map(() => "---").join("|")}|\n`);
  for (const f of files) {
    const row = solve(readNistStrd(join(DIR, f)));
    rows.push(row);
    const cells = MODES.map((m) => (row.min[m] >= 6 ? row.min[m].toFixed(1) : equivalent(row, m) ? `≡ ${row.min[m].toFixed(1)}` : `**${row.min[m].toFixed(1)}**`));
    process.stdout.write(`| ${row.name} | ${row.k} | ${cells.join(" | ")} |\n`);
  }
  const counts = MODES.map((m) => rows.filter((r) => r.min[m] >= 6).length);
  const same = MODES.map((m) => rows.filter((r) => r.min[m] >= 6 || equivalent(r, m)).length);
  process.stdout.write(`| **all LRE ≥ 6** | | ${counts.map((c) => `${c}/${rows.length}`).join(" | ")} |\n`);
  process.stdout.write(`| all LRE ≥ 6 or ≡ | | ${same.map((c) => `${c}/${rows.length}`).join(" | ")} |\n\n`);
  process.stdout.write(`≡: the parameters differ from the certified ones but the residual sum of squares matches the certified one to ≥ 9 digits —\nthe same optimum under a relabelling the model allows (two exponentials swapped, a sign flipped in pairs).\n`);
  const total = (m: Mode): number => rows.reduce((s, r) => s + r.ms[m], 0);
  process.stdout.write(`\nTime over the ${rows.length} problems: plain s1 ${(total("plain s1") / 1000).toFixed(2)} s; ours s1 ${(total("ours s1") / 1000).toFixed(2)} s (${(total("ours s1") / total("plain s1")).toFixed(1)}× the plain method), ours with no start ${(total("ours none") / 1000).toFixed(2)} s; whole benchmark ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
}
