import { Rng } from "../../src/random/index.js";
import type { Evidence } from "../../src/core/evidence.js";

/** Generates evidence with each variable uniform in [lo, hi] and y = f(row) (plus optional noise). */
export function makeEvidence(
  n: number,
  vars: string[],
  f: (r: Record<string, number>) => number,
  opts: { seed?: number; lo?: number; hi?: number; noise?: number } = {},
): Evidence {
  const rng = new Rng(opts.seed ?? 1);
  const columns: Record<string, Float64Array> = {};
  for (const v of vars) columns[v] = new Float64Array(n);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, number> = {};
    for (const v of vars) r[v] = columns[v][i] = rng.uniform(opts.lo ?? 1, opts.hi ?? 3);
    target[i] = f(r) + (opts.noise ?? 0) * rng.normal();
  }
  return { variables: vars, columns, target, targetName: "y" };
}
