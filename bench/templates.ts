/**
 * `npm run bench -- templates [--seeds 3] [--world blackbody] [--skip-discover]`
 *
 * 1. Speed of the template fast path (`src/explain/templates.ts`) on Planck-shaped data with 1–3
 *    inputs, against the linear-features stage it runs beside (baseline, same data, same run).
 * 2. The main job, `discover <world>` (default blackbody) with default options, per seed: final law,
 *    R², normalised RMSE against the noise-free truth over 2,000 uniform points of the whole space
 *    (target < 1 %), wall time; the baseline is the same error of the run's initial law.
 */
import { normal, seededRandom } from "../src/random/index.js";
import { buildFeatures } from "../src/explain/features.js";
import { forwardSelect } from "../src/explain/sparse-regression.js";
import { templateFit, templateScan } from "../src/explain/templates.js";
import { truthTable } from "./truth-table.js";
import { flag, medianTimeMs } from "./args.js";



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


async function speed(): Promise<void> {
  process.stdout.write(`### Template fast path: speed (300 rows, median of 5)\n\n`);
  process.stdout.write(`| inputs | template scan + refine (ms) | linear-features stage, baseline (ms) | baseline / template | best template |\n|---|---|---|---|---|\n`);
  for (const nv of [1, 2, 3]) {
    const { vars, cols, y } = planckData(nv, 300, nv);
    templateFit(vars, cols, y); // warm-up (JIT)
    const tTemplate = medianTimeMs(() => templateFit(vars, cols, y), 5);
    const tLinear = medianTimeMs(() => forwardSelect(buildFeatures(vars, cols, { maxPairVariables: 8, hingeKnots: 3 }), y, 6), 5);
    const [hit] = templateScan(vars, cols, y);
    const mono = (e: number[]) => e.map((p, j) => (p === 0 ? "" : `${vars[j]}^${p}`)).filter(Boolean).join("·") || "1";
    const found = hit ? `${hit.shape.name}, m1 = ${mono(hit.prefactor)}, m2 = ${mono(hit.argument)}, k = ${hit.k.toFixed(3)}` : "none";
    process.stdout.write(`| ${nv} | ${tTemplate.toFixed(1)} | ${tLinear.toFixed(1)} | ${(tLinear / tTemplate).toFixed(1)}× | ${found} |\n`);
  }
  process.stdout.write("\n");
}


/** Runs the template benchmark (see the module comment). */
export async function run(args: string[]): Promise<void> {
  await speed();
  if (!args.includes("--skip-discover")) await truthTable(flag(args, "world") ?? "blackbody", Number(flag(args, "seeds") ?? 3));
}
