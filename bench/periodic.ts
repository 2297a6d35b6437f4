/**
 * `npm run bench -- periodic [--seeds 5] [--skip-discover]`
 *
 * 1. Speed of the periodic fast path (`src/explain/periodic.ts`) on 3 inputs with fringes in d·x/λ,
 *    against the linear-features stage it runs beside (baseline, same data, same run).
 * 2. The main job, `discover double-slit` with default options, per seed: final law, R², normalised
 *    RMSE against the noise-free truth over 2,000 uniform points of the whole space (target < 1 %),
 *    wall time; the baseline is the same error of the run's initial (received-theory) law.
 */
import { normal, seededRandom } from "../src/random/index.js";
import { buildFeatures } from "../src/explain/features.js";
import { periodicFit, periodicPeaks } from "../src/explain/periodic.js";
import { forwardSelect } from "../src/explain/sparse-regression.js";
import { truthTable } from "./truth-table.js";
import { flag, medianTimeMs } from "./args.js";



/** Fringe data 500·cos²(π·d·x/λ) in counting noise over the double-slit ranges (generated, not the world). */
function fringeData(n: number, seed: number): { vars: string[]; cols: Float64Array[]; y: Float64Array } {
  const rand = seededRandom(seed);
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = (cols[0][i] = -5 + 10 * rand());
    const d = (cols[1][i] = 50 + 200 * rand());
    const l = (cols[2][i] = 400 + 300 * rand());
    const mean = 500 * Math.cos((Math.PI * d * x) / l) ** 2;
    y[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rand)));
  }
  return { vars: ["x", "d", "lambda"], cols, y };
}


async function speed(): Promise<void> {
  process.stdout.write(`### Periodic fast path: speed (3 inputs, median of 5)\n\n`);
  process.stdout.write(`| rows | periodic scan + polish (ms) | linear-features stage, baseline (ms) | baseline / periodic | argument found | k found (truth 2π = 6.2832) |\n|---|---|---|---|---|---|\n`);
  for (const n of [100, 300, 1000]) {
    const { vars, cols, y } = fringeData(n, n);
    periodicFit(vars, cols, y); // warm-up (JIT)
    const tPeriodic = medianTimeMs(() => periodicFit(vars, cols, y), 5);
    const tLinear = medianTimeMs(() => forwardSelect(buildFeatures(vars, cols, { maxPairVariables: 8, hingeKnots: 3 }), y, 6), 5);
    const [peak] = periodicPeaks(vars, cols, y);
    const arg = peak ? peak.exponents.map((e, j) => (e === 0 ? "" : `${vars[j]}^${e}`)).filter(Boolean).join("·") : "none";
    process.stdout.write(`| ${n} | ${tPeriodic.toFixed(1)} | ${tLinear.toFixed(1)} | ${(tLinear / tPeriodic).toFixed(1)}× | ${arg} | ${peak ? peak.k.toFixed(4) : "-"} |\n`);
  }
  process.stdout.write("\n");
}


/** Runs the periodic benchmark (see the module comment). */
export async function run(args: string[]): Promise<void> {
  await speed();
  if (!args.includes("--skip-discover")) await truthTable("double-slit", Number(flag(args, "seeds") ?? 5));
}
