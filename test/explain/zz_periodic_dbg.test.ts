import { it } from "vitest";
import { normal, seededRandom } from "../../src/expr/index.js";
import { explain } from "../../src/explain/index.js";
it("dbg", async () => {
  for (const n of [100, 200, 300]) for (const noisy of [false, true]) {
  const rand = seededRandom(11);
  const x = new Float64Array(n), d = new Float64Array(n), l = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) { x[i] = -5 + 10 * rand(); d[i] = 50 + 200 * rand(); l[i] = 400 + 300 * rand(); const m = 500 * Math.cos(Math.PI * d[i] * x[i] / l[i]) ** 2; y[i] = noisy ? Math.max(0, Math.round(m + Math.sqrt(m) * normal(rand))) : m; }
  const t0 = Date.now();
  const res = await explain({ variables: ["x", "d", "lambda"], columns: { x, d, lambda: l }, target: y, targetName: "y" }, { seed: 1, threads: 1, maxEvaluations: 300 });
  console.log(n, noisy, Date.now() - t0, res.law, res.r2);
  }
});
