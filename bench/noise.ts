/**
 * `npm run bench -- noise [--seeds 5] [--discover]`
 *
 * 1. Cost of a weighted Levenberg–Marquardt fit (`fitParams` with `scales`) against the unweighted fit of
 *    the same law on the same data (baseline, same run), for Planck-shaped data of 300 and 3,000 rows.
 * 2. Accuracy of the constants under 2 % multiplicative noise over four decades, weighted against
 *    unweighted, over seeded datasets (median relative error of each constant).
 * 3. Double-slit counts without the loop: the same 108 random experiments per seed, the form
 *    `A*cos(k*d*x/lambda) + B` fitted from the same start with and without the Poisson weights, nRMSE of
 *    each against the noise-free truth (30 seeds).
 * 4. With `--discover`: `discover blackbody` and `discover double-slit` seed by seed against the truth
 *    (the truth table of `src/bench/truth-table.ts`; both worlds declare their noise model).
 */
import { fitParams, parse } from "../src/expr/index.js";
import { normal, seededRandom } from "../src/random/index.js";
import { noiseScales } from "../src/core/noise.js";
import { flag, median, medianTimeMs } from "./args.js";
import { findWorld } from "../src/worlds/registry.js";
import { truthError } from "./discover.js";
import { truthTable } from "./truth-table.js";

const TRUE_A = 2;
const TRUE_B = 1.3;

/** y = 2·x³/(exp(1.3·x) − 1) with 2 % multiplicative noise, x uniform in [0.05, 12] (about four decades). */
function planckData(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rand = seededRandom(seed);
  const x = Float64Array.from({ length: n }, () => 0.05 + 11.95 * rand());
  const y = Float64Array.from(x, (v) => ((TRUE_A * v ** 3) / Math.expm1(TRUE_B * v)) * (1 + 0.02 * normal(rand)));
  return { x, y };
}

const LAW = parse("a*x^3/(exp(b*x) - 1)", { variables: ["x"] });

function speed(): void {
  process.stdout.write(`### fitParams: weighted versus unweighted cost (Planck form, 2 constants, 8 restarts, median of 15)\n\n`);
  process.stdout.write(
    "Same iterations: the weighted code path with every scale 1 (the identical fit, so the ratio is the cost per iteration). " +
      "Relative scales: a different fit, which may take more or fewer iterations.\n\n",
  );
  process.stdout.write(`| rows | unweighted, baseline (ms) | weighted, scales 1 (ms) | ratio | weighted, relative scales (ms) | ratio |\n|---|---|---|---|---|---|\n`);
  for (const n of [300, 3000]) {
    const { x, y } = planckData(n, n);
    const relative = noiseScales(y, "relative")!;
    const ones = new Float64Array(n).fill(1);
    const fits = [undefined, ones, relative].map((scales) => () => void fitParams(LAW, ["x"], [x], y, { seed: 1, ...(scales ? { scales } : {}) }));
    for (const f of fits) f(); // warm-up (JIT)
    // Interleaved repetitions, so that a busy machine slows every variant alike.
    const times: number[][] = fits.map(() => []);
    for (let r = 0; r < 15; r++) fits.forEach((f, j) => times[j].push(medianTimeMs(f, 1)));
    const [p, one, rel] = times.map(median);
    process.stdout.write(`| ${n} | ${p.toFixed(2)} | ${one.toFixed(2)} | ${(one / p).toFixed(2)}× | ${rel.toFixed(2)} | ${(rel / p).toFixed(2)}× |\n`);
  }
  process.stdout.write("\n");
}

function accuracy(seeds: number): void {
  process.stdout.write(`### Constants under 2 % multiplicative noise over four decades (300 rows, ${seeds} seeds)\n\n`);
  const errs = { plainA: [] as number[], plainB: [] as number[], weightedA: [] as number[], weightedB: [] as number[] };
  for (let seed = 1; seed <= seeds; seed++) {
    const { x, y } = planckData(300, 1000 + seed);
    const plain = fitParams(LAW, ["x"], [x], y, { seed, init: [1, 1] });
    const weighted = fitParams(LAW, ["x"], [x], y, { seed, init: [1, 1], scales: noiseScales(y, "relative") });
    errs.plainA.push(Math.abs(plain.params[0] / TRUE_A - 1));
    errs.plainB.push(Math.abs(plain.params[1] / TRUE_B - 1));
    errs.weightedA.push(Math.abs(weighted.params[0] / TRUE_A - 1));
    errs.weightedB.push(Math.abs(weighted.params[1] / TRUE_B - 1));
  }
  const pct = (xs: number[]) => `${(100 * median(xs)).toFixed(3)} %`;
  process.stdout.write(`| constant | unweighted fit, baseline (median error) | weighted fit (median error) | baseline / weighted |\n|---|---|---|---|\n`);
  process.stdout.write(`| a (prefactor) | ${pct(errs.plainA)} | ${pct(errs.weightedA)} | ${(median(errs.plainA) / median(errs.weightedA)).toFixed(1)}× |\n`);
  process.stdout.write(`| b (exponent rate) | ${pct(errs.plainB)} | ${pct(errs.weightedB)} | ${(median(errs.plainB) / median(errs.weightedB)).toFixed(1)}× |\n\n`);
}

async function countsFit(seeds: number): Promise<void> {
  const def = findWorld("double-slit");
  if (!def) return;
  const names = ["x", "d", "lambda"];
  const form = parse("A*cos(k*d*x/lambda) + B", { variables: names });
  const errs = { plain: [] as number[], poisson: [] as number[] };
  for (let seed = 1; seed <= seeds; seed++) {
    const world = def.create({ seed });
    const rand = seededRandom(7919 * seed);
    const exps = Array.from({ length: 108 }, () => Object.fromEntries(world.info.inputs.map((i) => [i.name, i.min + (i.max - i.min) * rand()])));
    const y = Float64Array.from(await world.run(exps), (v) => v ?? NaN);
    await world.close();
    const cols = names.map((n) => Float64Array.from(exps, (e) => e[n]));
    for (const kind of ["plain", "poisson"] as const) {
      const scales = kind === "poisson" ? noiseScales(y, "poisson") : undefined;
      const fit = fitParams(form, names, cols, y, { init: [500, 6.283, 500], restarts: 0, ...(scales ? { scales } : {}) });
      const [a, k, b] = fit.params;
      errs[kind].push(truthError(def, { finalLaw: `${a}*cos(${k}*d*x/lambda) + ${b}` } as Parameters<typeof truthError>[1]));
    }
  }
  const pct = (xs: number[]) => `${(100 * median(xs)).toFixed(2)} %`;
  const mean = (xs: number[]) => `${((100 * xs.reduce((p, q) => p + q, 0)) / xs.length).toFixed(2)} %`;
  process.stdout.write(`### double-slit counts: the final form fitted on 108 random experiments (${seeds} seeds), nRMSE against the truth\n\n`);
  process.stdout.write(`| fit | median | mean | worst |\n|---|---|---|---|\n`);
  process.stdout.write(`| unweighted (baseline) | ${pct(errs.plain)} | ${mean(errs.plain)} | ${(100 * Math.max(...errs.plain)).toFixed(2)} % |\n`);
  process.stdout.write(`| Poisson weights √max(y, 1) | ${pct(errs.poisson)} | ${mean(errs.poisson)} | ${(100 * Math.max(...errs.poisson)).toFixed(2)} % |\n\n`);
}

/** Runs the noise-model benchmark (see the module comment). */
export async function run(args: string[]): Promise<void> {
  const seeds = Number(flag(args, "seeds") ?? 5);
  speed();
  accuracy(Math.max(seeds, 20));
  await countsFit(30);
  if (args.includes("--discover")) {
    await truthTable("blackbody", seeds);
    await truthTable("double-slit", seeds);
  }
}
