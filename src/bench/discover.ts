import { RunStore } from "../journal/store.js";
import { discover } from "../discover/loop.js";
import type { DiscoverOptions, RunResult } from "../discover/types.js";
import { builtinWorlds } from "../worlds/registry.js";
import { compile, parse, variablesOf } from "../expr/index.js";
import { rngFor } from "../breaker/rng.js";
import { sampleUniform } from "../breaker/space.js";
import type { WorldDefinition } from "../worlds/world.js";
import { flag, median } from "./args.js";

/**
 * `npm run bench -- discover [--seeds 3] [--time 2] [--worlds a,b] [--skip-wall]`
 *
 * 1. For each built-in world: observations until the received theory is falsified, the Breaker versus
 *    uniform random sampling over the full range (median over seeds; the ratio is the Breaker's gain).
 * 2. Whether a default `discover` run's final law matches the noise-free truth: normalised RMSE (RMSE divided
 *    by the RMS of the truth) over 2,000 uniform points of the whole experiment space, target < 1 %.
 * 3. The staged dataset tensile_cyclic.json: final R² over all four stages and total bits, beside the
 *    reference implementation's 0.702 and 600.6 bits.
 * 4. Wall time of `discover double-slit` with default options, against the 60 s target.
 */

const TENSILE = "../shared/benchmarks/breaking-the-world/tensile_cyclic.json";



async function run1(options: DiscoverOptions): Promise<RunResult> {
  const store = RunStore.memory();
  try {
    return await discover(options, { store, cwd: process.cwd() });
  } finally {
    store.close();
  }
}

/** Normalised RMSE of a run's final law against the world's noise-free truth over the full space (NaN if not comparable). */
export function truthError(def: WorldDefinition, result: RunResult, points = 2000): number {
  if (!def.noiseFree || result.derived || !result.finalLaw) return NaN;
  const world = def.create({ seed: 0 });
  const inputs = world.info.inputs;
  void world.close();
  const names = inputs.map((s) => s.name);
  const expr = parse(result.finalLaw, { variables: names });
  if (!variablesOf(expr).every((v) => names.includes(v))) return NaN;
  const exps = sampleUniform(inputs, points, rngFor(12345, "truth"));
  const pred = compile(expr, names).evaluate(names.map((n) => Float64Array.from(exps, (e) => e[n])), []);
  let se = 0;
  let ss = 0;
  let n = 0;
  exps.forEach((e, i) => {
    const t = def.noiseFree!(e);
    if (!Number.isFinite(t)) return;
    // A law that blows up somewhere counts as predicting 0 there rather than hiding the rest.
    const p = Number.isFinite(pred[i]) ? pred[i] : 0;
    se += (p - t) ** 2;
    ss += t * t;
    n++;
  });
  return n > 0 && ss > 0 ? Math.sqrt(se / n) / Math.sqrt(ss / n) : NaN;
}

/** Runs the discovery benchmark and prints a Markdown table per measurement. */
export async function run(args: string[]): Promise<void> {
  const seeds = Number(flag(args, "seeds") ?? 3);
  const seconds = Number(flag(args, "time") ?? 2);
  const only = flag(args, "worlds")?.split(",");
  const worlds = builtinWorlds.filter((w) => !only || only.includes(w.name));
  const log = (s: string) => process.stderr.write(s + "\n");
  const common = { explainSeconds: seconds, batch: 2, initialCount: 12, rounds: 40, budget: 100, patience: 40 };

  process.stdout.write(`Explainer ${seconds} s per round, batch 2, 12 initial experiments, budget 100 observations, seeds 1..${seeds}.\n\n`);
  process.stdout.write(`| world | Breaker: queries to falsify (median) | random: queries to falsify (median) | random / Breaker | final law nRMSE vs truth | final law (seed 1) |\n|---|---|---|---|---|---|\n`);
  for (const def of worlds) {
    const breaker: number[] = [];
    const random: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      for (const [mode, list] of [["breaker", breaker], ["random", random]] as const) {
        const r = await run1({ ...common, world: { name: def.name }, seed, stopOnFalsification: true, ...(mode === "random" ? { strategies: ["random"] } : {}) });
        list.push(r.falsification ? r.falsification.queries : Infinity);
        log(`${def.name} seed ${seed} ${mode}: ${r.falsification ? `falsified after ${r.falsification.queries} observations` : "not falsified within the budget"}`);
      }
    }
    // The truth check uses the product's defaults: what `worldbreaker discover <world>` ends at.
    const full = await run1({ world: { name: def.name }, seed: 1 });
    const err = truthError(def, full);
    const mb = median(breaker);
    const mr = median(random);
    const fmtQ = (q: number) => (Number.isFinite(q) ? String(q) : `>${common.budget}`);
    // The ratio counts queries beyond the shared initial design: that is where the strategies differ.
    const extra = (q: number) => q - common.initialCount;
    const ratio = Number.isFinite(mb) && Number.isFinite(mr) ? `${(mr / mb).toFixed(2)} (beyond round 0: ${(extra(mr) / extra(mb)).toFixed(2)})` : Number.isFinite(mb) ? `>${(common.budget / mb).toFixed(2)}` : "n/a";
    const errText = Number.isFinite(err) ? `${(100 * err).toFixed(2)} %${err < 0.01 ? " ✓" : ""}` : "n/a";
    process.stdout.write(`| ${def.name} | ${fmtQ(mb)} (${breaker.map(fmtQ).join(", ")}) | ${fmtQ(mr)} (${random.map(fmtQ).join(", ")}) | ${ratio} | ${errText} | \`${full.finalLaw.slice(0, 120)}\` |\n`);
  }

  if (!flag(args, "worlds") || only?.includes("tensile_cyclic.json")) {
    const t = await run1({ world: { file: TENSILE }, seed: 1, explainSeconds: seconds * 4 });
    process.stdout.write(`\n| dataset | final R² (all stages) | total bits | reference R² | reference bits | final law |\n|---|---|---|---|---|---|\n`);
    process.stdout.write(`| tensile_cyclic.json | ${t.r2.toFixed(4)} | ${t.bits.toFixed(1)} | 0.702 | 600.6 | \`${t.finalLaw.slice(0, 160)}\`${t.derived ? ` with ${Object.entries(t.derived).map(([k, v]) => `${k} = ${v}`).join(", ")}` : ""} |\n`);
    process.stdout.write(`\n(Bits are not comparable across implementations: each codes laws and residuals its own way.)\n`);
  }

  if (!args.includes("--skip-wall")) {
    const t0 = performance.now();
    const r = await run1({ world: { name: "double-slit" }, seed: 1 });
    const wall = (performance.now() - t0) / 1000;
    process.stdout.write(`\n| command | wall time | target | ratio to target | final law |\n|---|---|---|---|---|\n`);
    process.stdout.write(`| discover double-slit (defaults) | ${wall.toFixed(1)} s | 60 s | ${(wall / 60).toFixed(2)} | \`${r.finalLaw.slice(0, 120)}\` |\n`);
  }
}
