import type { DiscoverOptions } from "../src/discover/types.js";
import { builtinWorlds, findWorld } from "../src/worlds/registry.js";
import type { WorldDefinition } from "../src/worlds/world.js";
import { falsifiability } from "./falsifiability.js";
import { flag, median } from "./args.js";
import { run1 } from "./discover.js";

/**
 * `npm run bench -- falsification [--seeds 5] [--evaluations 3000] [--budget 60] [--worlds a,b] [--skip-variants]`
 *
 * Experiments until the received theory is falsified: the Breaker (default mix) versus uniform random
 * sampling over the full range, both after the same 12-experiment initial design in the initial
 * sub-range, one experiment per round (so the count has the resolution of one experiment), the
 * Explainer on a fixed evaluation budget (runs are reproducible). Counted: designed experiments (after
 * the initial design) up to the round in which the received theory is falsified. Beside each world, its
 * falsifiability: the share of uniform random experiments that contradict the received theory by more
 * than 3σ of the world's own noise in one shot — where that share is large, almost any experiment is
 * decisive and no design can beat random sampling by much. The variants extend an instrument's range
 * into the regime where the received theory holds, so that random experiments are rarely decisive.
 */

/** A built-in world with one input's range extended (the same simulator, a wider instrument). */
interface Variant {
  label: string;
  world: string;
  input: string;
  min: number;
  max: number;
  why: string;
}

/** Variants where falsification is hard: most of the space is the received theory's home ground. */
export const HARD_VARIANTS: Variant[] = [
  { label: "duffing, drive 1e-5…1", world: "duffing", input: "gamma", min: 1e-5, max: 1, why: "weak drive: the oscillator is linear below γ ≈ 0.05" },
  { label: "blackbody, 0.01–100 THz", world: "blackbody", input: "nu", min: 0.01, max: 100, why: "microwave to infrared: Rayleigh–Jeans holds below ~10 THz at these temperatures" },
];

/** The variant as a world definition: the simulator unchanged, the input's range replaced. */
export function variantDefinition(v: Variant): WorldDefinition {
  const def = findWorld(v.world);
  if (!def) throw new Error(`unknown world ${v.world}`);
  return {
    ...def,
    create: (options) => {
      const world = def.create(options);
      const spec = world.info.inputs.find((s) => s.name === v.input);
      if (!spec) throw new Error(`world ${v.world} has no input ${v.input}`);
      spec.min = v.min;
      spec.max = v.max;
      return world;
    },
  };
}

/** Designed experiments (beyond the initial design) until falsification, or Infinity within the budget. */
async function designedToFalsify(def: WorldDefinition, seed: number, random: boolean, common: Partial<DiscoverOptions>, initial: number): Promise<number> {
  const r = await run1(
    { ...common, world: { name: def.name }, seed, stopOnFalsification: true, ...(random ? { strategies: ["random"] } : {}) },
    async (_spec, o) => def.create({ seed: o.seed, queryOffset: o.queryOffset }),
  );
  return r.falsification ? r.falsification.queries - initial : Infinity;
}

/** Runs the comparison and prints one Markdown table. */
export async function run(args: string[]): Promise<void> {
  const seeds = Number(flag(args, "seeds") ?? 5);
  const evaluations = Number(flag(args, "evaluations") ?? 3000);
  const budget = Number(flag(args, "budget") ?? 60);
  const only = flag(args, "worlds")?.split(",");
  const initial = 12;
  const common: Partial<DiscoverOptions> = { batch: 1, initialCount: initial, rounds: budget, budget: initial + budget, patience: budget + 1, explainSeconds: 60, explainEvaluations: evaluations, threads: 1 };
  const defs = builtinWorlds.filter((w) => w.noiseFree && (!only || only.includes(w.name))).map((def) => ({ label: def.name, def }));
  if (!args.includes("--skip-variants")) defs.push(...HARD_VARIANTS.filter((v) => !only || only.includes(v.world)).map((v) => ({ label: v.label, def: variantDefinition(v) })));
  const log = (s: string) => process.stderr.write(s + "\n");
  const fmt = (q: number) => (Number.isFinite(q) ? String(q) : `>${budget}`);

  process.stdout.write(`Batches of 1 after ${initial} initial experiments, Explainer ${evaluations} evaluations per round (1 thread), budget ${budget} designed experiments, seeds 1..${seeds}.\n\n`);
  process.stdout.write(`| world | decisive share (random median) | Breaker: designed experiments (median; per seed) | random (median; per seed) | random / Breaker |\n|---|---|---|---|---|\n`);
  const ratios: number[] = [];
  for (const { label, def } of defs) {
    const f = await falsifiability(def);
    const breaker: number[] = [];
    const random: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      breaker.push(await designedToFalsify(def, seed, false, common, initial));
      random.push(await designedToFalsify(def, seed, true, common, initial));
      log(`${label} seed ${seed}: Breaker ${fmt(breaker[seed - 1])}, random ${fmt(random[seed - 1])}`);
    }
    const mb = median(breaker);
    const mr = median(random);
    // A run that never falsified counts as the budget + 1 in the ratio, which then is a lower bound.
    const capped = (q: number) => (Number.isFinite(q) ? q : budget + 1);
    const ratio = capped(mr) / capped(mb);
    ratios.push(ratio);
    const bound = !Number.isFinite(mr) && Number.isFinite(mb) ? "≥ " : "";
    const share = f ? `${(100 * f.decisiveShare).toFixed(0)} % (${f.randomMedian})` : "n/a";
    process.stdout.write(`| ${label} | ${share} | ${fmt(mb)} (${breaker.map(fmt).join(", ")}) | ${fmt(mr)} (${random.map(fmt).join(", ")}) | ${bound}${ratio.toFixed(2)} |\n`);
  }
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / Math.max(1, ratios.length));
  process.stdout.write(`\nGeometric mean of random / Breaker over ${ratios.length} worlds: ${geo.toFixed(2)}.\n`);
}
