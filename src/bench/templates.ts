/**
 * `npm run bench -- templates [--seeds 3] [--world blackbody] [--skip-discover]`
 *
 * 1. Speed of the template fast path (`src/explain/templates.ts`) on Planck-shaped data with 1–3
 *    inputs, against the linear-features stage it runs beside (baseline, same data, same run).
 * 2. The main job, `discover <world>` (default blackbody) with default options, per seed: final law,
 *    R², normalised RMSE against the noise-free truth over 2,000 uniform points of the whole space
 *    (target < 1 %), wall time; the baseline is the same error of the run's initial law.
 */
import { RunStore } from "../journal/store.js";
import { discover } from "../discover/loop.js";
import type { RunResult } from "../discover/types.js";
import { normal, seededRandom } from "../expr/index.js";
import { buildFeatures } from "../explain/features.js";
import { forwardSelect } from "../explain/sparseRegression.js";
import { templateFit, templateScan } from "../explain/templates.js";
import { findWorld } from "../worlds/registry.js";
import { truthError } from "./discover.js";
import { flag, median } from "./args.js";



/** y = 2·x³/(exp(1.3·x/y) − 1) [·z] with 2 % multiplicative noise, inputs uniform in [0.5, 3.5] (generated, not a world). */
function planckData(nv: number, n: number, seed: number): { vars: string[]; cols: Float64Array[]; y: Float64Array } {
  const rand = seededRandom(seed);
  const cols = Array.from({ length: nv }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of cols) c[i] = 0.5 + 3 * rand();
    const arg = nv === 1 ? cols[0][i] : cols[0][i] / cols[1][i];
    y[i] = ((2 * cols[0][i] ** 3) / Math.expm1(1.3 * arg)) * (nv === 3 ? cols[2][i] : 1) * (1 + 0.02 * normal(rand));
  }
  return { vars: ["x", "y", "z"].slice(0, nv), cols, y };
}

function timeMs(f: () => void, reps: number): number {
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

async function speed(): Promise<void> {
  process.stdout.write(`### Template fast path: speed (300 rows, median of 5)\n\n`);
  process.stdout.write(`| inputs | template scan + refine (ms) | linear-features stage, baseline (ms) | baseline / template | best template |\n|---|---|---|---|---|\n`);
  for (const nv of [1, 2, 3]) {
    const { vars, cols, y } = planckData(nv, 300, nv);
    templateFit(vars, cols, y); // warm-up (JIT)
    const tTemplate = timeMs(() => templateFit(vars, cols, y), 5);
    const tLinear = timeMs(() => forwardSelect(buildFeatures(vars, cols, { maxPairVariables: 8, hingeKnots: 3 }), y, 6), 5);
    const [hit] = templateScan(vars, cols, y);
    const mono = (e: number[]) => e.map((p, j) => (p === 0 ? "" : `${vars[j]}^${p}`)).filter(Boolean).join("·") || "1";
    const found = hit ? `${hit.shape.name}, m1 = ${mono(hit.prefactor)}, m2 = ${mono(hit.argument)}, k = ${hit.k.toFixed(3)}` : "none";
    process.stdout.write(`| ${nv} | ${tTemplate.toFixed(1)} | ${tLinear.toFixed(1)} | ${(tLinear / tTemplate).toFixed(1)}× | ${found} |\n`);
  }
  process.stdout.write("\n");
}

async function mainJob(worldName: string, seeds: number): Promise<void> {
  const def = findWorld(worldName);
  if (!def) throw new Error(`${worldName} world is not registered`);
  process.stdout.write(`### discover ${worldName} (default options), seeds 1..${seeds}\n\n`);
  process.stdout.write(`| seed | final law | R² | nRMSE vs truth | initial law nRMSE (baseline) | baseline / final | queries | seconds |\n|---|---|---|---|---|---|---|---|\n`);
  const errors: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const store = RunStore.memory();
    let r: RunResult;
    const t0 = Date.now();
    try {
      r = await discover({ world: { name: worldName }, seed }, { store, cwd: process.cwd() });
    } finally {
      store.close();
    }
    const secs = (Date.now() - t0) / 1000;
    const err = truthError(def, r);
    const base = truthError(def, { ...r, finalLaw: r.initialLaw });
    errors.push(err);
    process.stdout.write(`| ${seed} | \`${r.finalLaw}\` | ${r.r2.toFixed(4)} | ${(100 * err).toFixed(2)} % | ${(100 * base).toFixed(1)} % | ${(base / err).toFixed(0)}× | ${r.queries} | ${secs.toFixed(1)} |\n`);
  }
  const hits = errors.filter((e) => e < 0.01).length;
  process.stdout.write(`\nFinal law within 1 % of the truth in ${hits} of ${seeds} seeds (median nRMSE ${(100 * median(errors)).toFixed(2)} %).\n\n`);
}

/** Runs the template benchmark (see the module comment). */
export async function run(args: string[]): Promise<void> {
  await speed();
  if (!args.includes("--skip-discover")) await mainJob(flag(args, "world") ?? "blackbody", Number(flag(args, "seeds") ?? 3));
}
