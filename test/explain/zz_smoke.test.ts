import { test } from "vitest";
import { explain } from "../../src/explain/explain.js";
import { Rng } from "../../src/explain/rng.js";
function gen(n: number, vars: string[], f: (r: Record<string, number>) => number, seed = 1) {
  const rng = new Rng(seed);
  const cols: Record<string, Float64Array> = {};
  for (const v of vars) cols[v] = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, number> = {};
    for (const v of vars) r[v] = cols[v][i] = rng.uniform(1, 3);
    y[i] = f(r);
  }
  return { variables: vars, columns: cols, target: y, targetName: "y" };
}
test("smoke", async () => {
  for (const [name, ev] of [
    ["ma", gen(200, ["m", "a"], (r) => r.m * r.a)],
    ["poly", gen(200, ["x"], (r) => 2.5 * r.x * r.x + 1)],
    ["sinexp", gen(200, ["x", "t"], (r) => Math.sin(r.x) * Math.exp(-r.t))],
    ["gauss", gen(300, ["theta"], (r) => Math.exp(-r.theta * r.theta / 2) / Math.sqrt(2 * Math.PI))],
    ["rel", gen(300, ["m0", "v", "c"], (r) => r.m0 / Math.sqrt(1 - r.v ** 2 / (r.c+2) ** 2))],
  ] as const) {
    const t0 = Date.now();
    const res = await explain(ev as never, { seed: 1, threads: 1, timeSeconds: 15 });
    console.log(name, res.law, res.r2, res.bits.total, res.evaluations, (Date.now() - t0) / 1000);
  }
}, 120000);
