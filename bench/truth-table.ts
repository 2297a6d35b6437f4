/** Seed-by-seed `discover` runs of one world with default options, scored against the noise-free truth. */

import { discover } from "../src/discover/loop.js";
import type { RunResult } from "../src/discover/types.js";
import { RunStore } from "../src/journal/store.js";
import { findWorld } from "../src/worlds/registry.js";
import { median } from "./args.js";
import { truthError } from "./discover.js";

/** Prints a table of final law, R² and nRMSE versus the truth (with the initial law as baseline) for seeds 1..n. */
export async function truthTable(worldName: string, seeds: number): Promise<void> {
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
