import { fitParams, parse, toInfix, compile, type Expr } from "../../src/expr/index.js";
import { descriptionLength } from "../../src/mdl/index.js";
import type { ExplainFn } from "../../src/discover/explainer.js";
import type { Evidence } from "../../src/core/evidence.js";
import type { ParetoEntry } from "../../src/explain/types.js";
import type { World, WorldInfo } from "../../src/worlds/world.js";
import { seededRandom } from "../../src/random/index.js";

/**
 * Test-only stand-in for the Explainer: fits a fixed list of candidate forms with fitParams and returns
 * them ranked by description length. Honest (it fits and scores for real) and deterministic.
 */
export function candidateExplainer(forms: Array<string | { form: string; init: number[] }>): ExplainFn {
  return async (ev: Evidence) => {
    const cols = ev.variables.map((v) => ev.columns[v]);
    const entries: ParetoEntry[] = [];
    for (const item of forms) {
      const f = typeof item === "string" ? item : item.form;
      const init = typeof item === "string" ? undefined : item.init;
      let expr: Expr;
      try {
        expr = parse(f, { variables: ev.variables });
      } catch {
        continue;
      }
      if (!collectVars(expr).every((v) => ev.variables.includes(v))) continue;
      const fit = fitParams(expr, ev.variables, cols, ev.target, { restarts: 4, seed: 7, ...(init ? { init } : {}) });
      if (!Number.isFinite(fit.sse)) continue;
      const pred = compile(expr, ev.variables).evaluate(cols, fit.params);
      const bits = descriptionLength(expr, fit.params, ev.target, pred, { variableCount: ev.variables.length });
      const mean = ev.target.reduce((a, b) => a + b, 0) / ev.target.length;
      const sst = ev.target.reduce((a, b) => a + (b - mean) ** 2, 0);
      entries.push({ expr, params: fit.params, law: toInfix(expr, fit.params), complexity: 1, bits, r2: 1 - fit.sse / sst, rmse: Math.sqrt(fit.sse / ev.target.length) });
    }
    entries.sort((a, b) => a.bits.total - b.bits.total);
    const best = entries[0];
    return { target: ev.targetName, expr: best.expr, params: best.params, law: best.law, complexity: 1, bits: best.bits, r2: best.r2, rmse: best.rmse, pareto: entries, evaluations: forms.length, seconds: 0 };
  };
}

function collectVars(e: Expr): string[] {
  if (e.kind === "var") return [e.name];
  if (e.kind === "unary") return collectVars(e.arg);
  if (e.kind === "binary") return [...collectVars(e.left), ...collectVars(e.right)];
  return [];
}

/** A tiny simulator world: y = 3·x² + 2 with Gaussian noise σ = 0.5; naive theory: a line. Deterministic per (seed, query index). */
export function parabolaWorld(seed: number, queryOffset = 0): World {
  const info: WorldInfo = {
    name: "parabola",
    description: "y = 3x² + 2 with noise",
    shape: "simulator",
    inputs: [{ name: "x", min: 0, max: 10, kind: "real", initial: [0, 1] }],
    output: { name: "y" },
    receivedTheory: "a*x + b",
  };
  let index = queryOffset;
  return {
    info,
    async run(exps) {
      return exps.map((e) => {
        const rng = seededRandom(seed * 1000003 + index++);
        const g = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
        return 3 * e.x * e.x + 2 + 0.5 * g;
      });
    },
    async close() {},
  };
}
