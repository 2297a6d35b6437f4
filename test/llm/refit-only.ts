import type { ExplainFn } from "../../src/discover/explainer.js";
import { fitParams, parse, toInfix, compile, type Expr } from "../../src/expr/index.js";

/**
 * Test-only Explainer for runs with language-model agents: it never searches, it refits one fixed law, so
 * any other law in the run must come from an agent's proposal (and is adopted only if the gate finds it
 * saves bits).
 */

/** An Explainer that refits the law `text` and nothing else. */
export function refitOnly(text: string): ExplainFn {
  return async (evidence) => {
    const expr: Expr = parse(text, { variables: evidence.variables });
    const cols = evidence.variables.map((v) => evidence.columns[v]);
    const fit = fitParams(expr, evidence.variables, cols, evidence.target, { seed: 1 });
    const pred = compile(expr, evidence.variables).evaluate(cols, fit.params);
    let sse = 0;
    let sst = 0;
    const mean = evidence.target.reduce((a, b) => a + b, 0) / evidence.target.length;
    evidence.target.forEach((y, i) => {
      sse += (y - pred[i]) ** 2;
      sst += (y - mean) ** 2;
    });
    return {
      target: evidence.targetName,
      expr,
      params: fit.params,
      law: toInfix(expr, fit.params),
      complexity: 3,
      bits: { model: 0, data: 0, total: 0 },
      r2: 1 - sse / sst,
      rmse: Math.sqrt(sse / evidence.target.length),
      pareto: [],
      evaluations: 1,
      seconds: 0,
    };
  };
}
