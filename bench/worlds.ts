/**
 * `npm run bench -- worlds [--queries N]`: cost of one experiment in each built-in simulator, and the
 * round-trip overhead of an external (JSON-lines) world, each as a ratio to a baseline measured in
 * the same run: the closed-form double-slit intensity evaluated in-process (about the cheapest
 * possible world). A discovery run asks a few hundred experiments, so anything under a few ms per
 * experiment is invisible next to the Explainer.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { doubleSlitMean } from "../src/worlds/double-slit.js";
import { openExternalWorld } from "../src/worlds/external.js";
import { derive } from "../src/random/index.js";
import { builtinWorlds } from "../src/worlds/registry.js";
import type { Experiment, InputSpec } from "../src/worlds/world.js";

function sample(inputs: readonly InputSpec[], n: number): Experiment[] {
  return Array.from({ length: n }, (_, k) => {
    const rng = derive(99, "sample", k);
    const e: Experiment = {};
    for (const s of inputs) {
      const u = rng.next();
      const x = s.scale === "log" ? s.min * (s.max / s.min) ** u : s.min + u * (s.max - s.min);
      e[s.name] = s.kind === "integer" ? Math.round(x) : x;
    }
    return e;
  });
}

/** Microseconds per call of `f` over `n` calls, best of three passes (after a warm-up pass). */
async function microsPer(n: number, f: () => Promise<unknown> | unknown): Promise<number> {
  await f();
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    await f();
    best = Math.min(best, ((performance.now() - t0) * 1000) / n);
  }
  return best;
}

/** Runs the benchmark and prints a Markdown table. */
export async function run(args: string[]): Promise<void> {
  const qi = args.indexOf("--queries");
  const n = qi >= 0 ? Math.max(10, Number(args[qi + 1]) || 200) : 200;
  const dsInputs = builtinWorlds[0].create({ seed: 0 }).info.inputs;
  const dsBatch = sample(dsInputs, n);
  const baseline = await microsPer(n, () => {
    let s = 0;
    for (const e of dsBatch) s += doubleSlitMean(e.x, e.d, e.lambda);
    return s;
  });
  process.stdout.write(`Baseline: closed-form double-slit intensity, ${baseline.toFixed(3)} µs per experiment (${n} experiments).\n\n`);
  process.stdout.write("| world | µs per experiment | × baseline |\n|---|---:|---:|\n");
  for (const def of builtinWorlds) {
    const world = def.create({ seed: 1 });
    if (world.info.shape === "staged") {
      const stages = world.info.stages ?? [];
      const us = await microsPer(1, async () => {
        const w = def.create({ seed: 1 });
        for (const s of stages) await w.collect!(s.id);
      });
      process.stdout.write(`| ${def.name} (all ${stages.length} stages) | ${us.toFixed(1)} | ${(us / baseline).toFixed(0)} |\n`);
      continue;
    }
    const batch = sample(world.info.inputs, n);
    const us = await microsPer(n, () => world.run(batch));
    process.stdout.write(`| ${def.name} | ${us.toFixed(1)} | ${(us / baseline).toFixed(0)} |\n`);
  }
  const fixture = resolve("test/fixtures/worlds/good-world.mjs");
  if (existsSync(fixture)) {
    const ext = await openExternalWorld(`${JSON.stringify(process.execPath)} ${JSON.stringify(fixture)}`, { cwd: process.cwd() });
    const batch = sample(ext.info.inputs, n);
    const single = await microsPer(n, async () => {
      for (const e of batch) await ext.run([e]);
    });
    const batched = await microsPer(n, () => ext.run(batch));
    await ext.close();
    process.stdout.write(`| external (node fixture), one request per experiment | ${single.toFixed(1)} | ${(single / baseline).toFixed(0)} |\n`);
    process.stdout.write(`| external (node fixture), ${n} experiments per request | ${batched.toFixed(2)} | ${(batched / baseline).toFixed(0)} |\n`);
  }
}
