import { RunStore } from "../src/journal/store.js";
import { discover } from "../src/discover/loop.js";
import type { DiscoverDeps } from "../src/discover/deps.js";
import type { DiscoverOptions, RunResult } from "../src/discover/types.js";
import { builtinWorlds } from "../src/worlds/registry.js";
import { compile, parse, variablesOf } from "../src/expr/index.js";
import { derive } from "../src/random/index.js";
import { sampleUniform } from "../src/breaker/space.js";
import type { WorldDefinition } from "../src/worlds/world.js";
import { flag } from "./args.js";
import { harmonicBalanceRoots } from "../src/worlds/duffing.js";

/**
 * `npm run bench -- discover [--seeds 1] [--worlds a,b] [--skip-wall]`
 * (the Breaker against random sampling is `npm run bench -- falsification`)
 *
 * 1. Whether a default `discover` run's final law matches the noise-free truth: normalised RMSE (RMSE divided
 *    by the RMS of the truth) over 2,000 uniform points of the whole experiment space, target < 1 %.
 * 2. The staged dataset tensile_cyclic.json: final R² over all four stages and total bits, beside the
 *    reference implementation's 0.702 and 600.6 bits.
 * 3. Wall time of `discover double-slit` with default options, against the 60 s target.
 */

const TENSILE = "data/breaking-the-world/tensile_cyclic.json";

/** One discovery run in a throwaway in-memory journal (optionally with its own world opener). */
export async function run1(options: DiscoverOptions, openWorld?: DiscoverDeps["openWorld"]): Promise<RunResult> {
  const store = RunStore.memory();
  try {
    return await discover(options, { store, cwd: process.cwd(), ...(openWorld ? { openWorld } : {}) });
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
  const exps = sampleUniform(inputs, points, derive(12345, "truth").next);
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
  const seeds = Number(flag(args, "seeds") ?? 1);
  const only = flag(args, "worlds")?.split(",");
  const worlds = builtinWorlds.filter((w) => w.noiseFree && (!only || only.includes(w.name)));
  const log = (s: string) => process.stderr.write(s + "\n");

  // Breaker versus random sampling is its own benchmark: `npm run bench -- falsification`.
  process.stdout.write(`Final law of a default run (\`worldbreaker discover <world> --seed N\`) against the noise-free truth over the whole space, seeds 1..${seeds}.\n\n`);
  process.stdout.write(`| world | final law nRMSE vs truth (per seed) | initial law nRMSE | final law (seed 1) |\n|---|---|---|---|\n`);
  for (const def of worlds) {
    const errs: number[] = [];
    let first: RunResult | undefined;
    let initialErr = NaN;
    for (let seed = 1; seed <= seeds; seed++) {
      const full = await run1({ world: { name: def.name }, seed });
      errs.push(truthError(def, full));
      if (seed === 1) {
        first = full;
        initialErr = truthError(def, { ...full, finalLaw: full.initialLaw, derived: undefined });
      }
      log(`${def.name} seed ${seed}: ${full.finalLaw} (${(100 * errs[errs.length - 1]).toFixed(2)} %)`);
    }
    const pct = (e: number) => (Number.isFinite(e) ? `${(100 * e).toFixed(2)} %${e < 0.01 ? " ✓" : ""}` : "n/a");
    process.stdout.write(`| ${def.name} | ${errs.map(pct).join(", ")} | ${pct(initialErr)} | \`${(first?.finalLaw ?? "").slice(0, 120)}\` |\n`);
  }
  if (!only || only.includes("duffing")) {
    const floor = harmonicBalanceFloor();
    process.stdout.write(`\nReference for duffing: the harmonic-balance law itself (the branch nearest the simulation chosen at every point) is ${(100 * floor.best).toFixed(2)} % from the simulator (${(100 * floor.lower).toFixed(2)} % on the lower branch); no law of that kind can reach 1 %.\n`);
  }

  if (!flag(args, "worlds") || only?.includes("tensile_cyclic.json")) {
    const t = await run1({ world: { file: TENSILE }, seed: 1 });
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

/** nRMSE of the harmonic-balance amplitude against the duffing simulator over the whole space (best root, lower root). */
function harmonicBalanceFloor(points = 2000): { best: number; lower: number } {
  const def = builtinWorlds.find((w) => w.name === "duffing")!;
  const world = def.create({ seed: 0 });
  const inputs = world.info.inputs;
  void world.close();
  const exps = sampleUniform(inputs, points, derive(12345, "truth").next);
  let seBest = 0;
  let seLow = 0;
  let ss = 0;
  for (const e of exps) {
    const t = def.noiseFree!(e);
    const roots = harmonicBalanceRoots(e.omega, e.gamma);
    const best = roots.reduce((b, r) => (Math.abs(r - t) < Math.abs(b - t) ? r : b), roots[0]);
    seBest += (best - t) ** 2;
    seLow += (roots[0] - t) ** 2;
    ss += t * t;
  }
  return { best: Math.sqrt(seBest / ss), lower: Math.sqrt(seLow / ss) };
}
