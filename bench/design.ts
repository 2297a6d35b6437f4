/**
 * `npm run bench -- design [--quick]`: inverse protein design against held-out targets.
 * Targets are the predicted responses of sequences the optimiser never sees (natural fragments and random
 * sequences); the profile-guided evolution strategy is compared with random search and a plain genetic
 * algorithm given the same number of forward evaluations and the same verification (ratios < 1 favour it).
 * Also measures forward-model speed (sequences per second) and the wall time of a default design run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { predictSecondaryStructure, q3 } from "../src/design/chou-fasman.js";
import { DEFAULT_CONSTRAINTS } from "../src/design/constraints.js";
import { anmModes, gnmBfactors, pearson } from "../src/design/elastic-network.js";
import { parsePdb } from "../src/design/pdb.js";
import { runDesign, type DesignGoal } from "../src/design/design.js";
import { predictForce } from "../src/design/force-model.js";
import { SHIPPED_NATURAL } from "../src/design/natural-sequences.js";
import { builtinPredictor } from "../src/design/predictor.js";
import { Rng } from "../src/random/index.js";
import { randomSequence } from "../src/design/search.js";
import { predictModes } from "../src/design/vibration-model.js";

const f3 = (x: number) => x.toFixed(3);
const STRATEGIES = ["profile", "ga", "random"] as const;
const out = (s: string) => process.stdout.write(s + "\n");

/**
 * Held-out sequences: fragments of the natural set and random sequences, never shown to the optimiser. Force
 * targets must contain at least one mechanical domain (a featureless chain is matched by anything).
 */
function heldOut(length: number, count: number, needsDomain: boolean): { name: string; sequence: string }[] {
  const natural = SHIPPED_NATURAL.filter((s) => s.sequence.length >= length + 5).map((s, i) => {
    const start = (7 * i) % (s.sequence.length - length);
    return { name: `${s.id}[${start + 1}-${start + length}]`, sequence: s.sequence.slice(start, start + length) };
  });
  const rng = new Rng(424242);
  const random = Array.from({ length: 6 }, (_, i) => ({ name: `random-${i + 1}`, sequence: randomSequence(length, DEFAULT_CONSTRAINTS, rng) }));
  const all = [...natural, ...random].filter((t) => !needsDomain || predictForce(t.sequence, { replicas: 1 }).domains.length > 0);
  // Alternate natural and random targets so a short list still has both kinds.
  const nat = all.filter((t) => !t.name.startsWith("random"));
  const ran = all.filter((t) => t.name.startsWith("random"));
  const mixed: { name: string; sequence: string }[] = [];
  for (let i = 0; mixed.length < count && (i < nat.length || i < ran.length); i++) {
    if (i < nat.length) mixed.push(nat[i]);
    if (i < ran.length && mixed.length < count) mixed.push(ran[i]);
  }
  return mixed;
}

function validation(): void {
  out("### Forward-model validation on the shipped PDB structures (first chain)\n");
  out("| structure | residues | Chou–Fasman Q3 vs HELIX/SHEET | GNM r (B-factors) | ANM zero modes |");
  out("|---|---|---|---|---|");
  const dir = resolve("data/pdb");
  const files = readdirSync(dir).filter((f) => f.endsWith(".pdb")).sort();
  for (const f of files) {
    const [c] = parsePdb(readFileSync(join(dir, f), "utf8"), f);
    const q = q3(predictSecondaryStructure(c.sequence).states, c.states);
    const r = pearson(gnmBfactors(c.coords), c.bfactors);
    let zeros = "—";
    if (c.sequence.length <= 130) {
      const ev = anmModes(c.coords, 1).eigenvalues;
      const scale = ev[ev.length - 1];
      zeros = String(Array.from(ev).filter((v) => Math.abs(v) < 1e-9 * scale).length);
    }
    out(`| ${f.replace(".pdb", "")}${c.chain} | ${c.sequence.length} | ${f3(q)} | ${f3(r)} | ${zeros} |`);
  }
  out("");
}

function speed(label: string, fn: (s: string) => void, sequences: string[], minMs: number): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) fn(sequences[n++ % sequences.length]);
  const perSecond = n / ((performance.now() - t0) / 1000);
  out(`| ${label} | ${perSecond.toFixed(1)} |`);
  return perSecond;
}

async function forceMatch(quick: boolean): Promise<void> {
  const length = 60;
  const budget = quick ? 300 : 1000;
  const targets = heldOut(length, quick ? 3 : 6, true);
  out(`### Force curve targets (length ${length}, ${budget} evaluations each, best design verified with 32 replicas)\n`);
  out("| target | target fmax (pN) | strategy | search objective | verified curve L2 error | fmax error | energy error | seconds |");
  out("|---|---|---|---|---|---|---|---|");
  const sums: Record<string, { search: number; curve: number; fmax: number; energy: number }> = {};
  for (const t of targets) {
    const p = predictForce(t.sequence, { replicas: 32, seed: 99 });
    const goal: DesignGoal = { kind: "force", target: { fmax: p.fmax, energy: p.energy, historyForce: p.historyForce } };
    for (const strategy of STRATEGIES) {
      const t0 = performance.now();
      const o = await runDesign({ goal, length, budget, seed: 11, predictor: builtinPredictor(), natural: SHIPPED_NATURAL, strategy, designs: 1, controls: 0, replicas: 32 });
      const d = o.designs[0];
      const pr = d.predicted as { fmax: number; energy: number };
      const fe = Math.abs(pr.fmax - p.fmax) / p.fmax;
      const ee = Math.abs(pr.energy - p.energy) / p.energy;
      const best = o.bestTrace[o.bestTrace.length - 1];
      const s = (sums[strategy] ??= { search: 0, curve: 0, fmax: 0, energy: 0 });
      s.search += best / targets.length; s.curve += d.error / targets.length; s.fmax += fe / targets.length; s.energy += ee / targets.length;
      out(`| ${t.name} | ${p.fmax.toFixed(0)} | ${strategy} | ${f3(best)} | ${f3(d.error)} | ${f3(fe)} | ${f3(ee)} | ${((performance.now() - t0) / 1000).toFixed(1)} |`);
    }
  }
  out("\n| strategy | mean search objective | mean verified curve L2 error | mean fmax error | mean energy error |");
  out("|---|---|---|---|---|");
  for (const s of STRATEGIES) out(`| ${s} | ${f3(sums[s].search)} | ${f3(sums[s].curve)} | ${f3(sums[s].fmax)} | ${f3(sums[s].energy)} |`);
  out(`\nratios profile/random: search objective ${f3(sums.profile.search / sums.random.search)}, verified curve error ${f3(sums.profile.curve / sums.random.curve)}`);
  out(`ratios profile/GA: search objective ${f3(sums.profile.search / sums.ga.search)}, verified curve error ${f3(sums.profile.curve / sums.ga.curve)}\n`);
}

async function modesMatch(quick: boolean): Promise<void> {
  const length = 40;
  const budget = quick ? 100 : 300;
  const targets = heldOut(length, quick ? 2 : 4, false);
  out(`### Normal-mode targets (length ${length}, ${budget} evaluations each, verified with 16 perturbed replicas)\n`);
  out("| target | strategy | search objective (mean 1 − R², ideal trace) | R² mode 1 | R² mode 2 | R² mode 3 | mean R² | seconds |");
  out("|---|---|---|---|---|---|---|---|");
  const sums: Record<string, number> = {};
  const search: Record<string, number> = {};
  for (const t of targets) {
    const goal: DesignGoal = { kind: "modes", target: { modes: predictModes(t.sequence, { bfactors: false }).modes } };
    for (const strategy of STRATEGIES) {
      const t0 = performance.now();
      const o = await runDesign({ goal, length, budget, seed: 11, predictor: builtinPredictor(), natural: SHIPPED_NATURAL, strategy, designs: 1, controls: 0, replicas: 16 });
      const r2 = (o.designs[0].predicted as { r2: number[] }).r2;
      const mean = r2.reduce((a, b) => a + b, 0) / r2.length;
      const best = o.bestTrace[o.bestTrace.length - 1];
      sums[strategy] = (sums[strategy] ?? 0) + mean / targets.length;
      search[strategy] = (search[strategy] ?? 0) + best / targets.length;
      out(`| ${t.name} | ${strategy} | ${f3(best)} | ${r2.map(f3).join(" | ")} | ${f3(mean)} | ${((performance.now() - t0) / 1000).toFixed(1)} |`);
    }
  }
  out("\n| strategy | mean search objective | mean verified R² over modes and targets |\n|---|---|---|");
  for (const s of STRATEGIES) out(`| ${s} | ${f3(search[s])} | ${f3(sums[s])} |`);
  out(`\nratios of verified (1 − R²): GA/random ${f3((1 - sums.ga) / (1 - sums.random))}, profile/random ${f3((1 - sums.profile) / (1 - sums.random))}, GA/profile ${f3((1 - sums.ga) / (1 - sums.profile))}\n`);
}

/** Runs the design benchmark. */
export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  validation();
  const rng = new Rng(5);
  const seqs = (n: number) => Array.from({ length: 16 }, () => randomSequence(n, DEFAULT_CONSTRAINTS, rng));
  out("### Forward-model speed (one core)\n\n| model | sequences/s |\n|---|---|");
  const ms = quick ? 500 : 2000;
  const s60 = seqs(60), s120 = seqs(120), s40 = seqs(40), s80 = seqs(80);
  speed("force, 60 aa, 1 replica", (s) => predictForce(s, { replicas: 1 }), s60, ms);
  speed("force, 60 aa, 24 replicas (search setting)", (s) => predictForce(s, { replicas: 24 }), s60, ms);
  speed("force, 120 aa, 8 replicas", (s) => predictForce(s, { replicas: 8 }), s120, ms);
  speed("modes, 40 aa (ANM only, search setting)", (s) => predictModes(s, { bfactors: false }), s40, ms);
  speed("modes + GNM B-factors, 80 aa", (s) => predictModes(s), s80, ms);
  out("");
  await forceMatch(quick);
  await modesMatch(quick);
  const t0 = performance.now();
  const p = predictForce(SHIPPED_NATURAL[5].sequence.slice(0, 60), { replicas: 16, seed: 3 });
  const o = await runDesign({ goal: { kind: "force", target: { fmax: p.fmax, historyForce: p.historyForce } }, length: 60, budget: 2000, seed: 1, predictor: builtinPredictor(), natural: SHIPPED_NATURAL });
  out(`### Design wall time\n\ndefault force design (60 aa, 2000 evaluations × 24 replicas, 5 designs + 2 controls verified × 32 replicas): ${((performance.now() - t0) / 1000).toFixed(1)} s, best verified curve error ${f3(o.designs[0].error)}\n`);
}
