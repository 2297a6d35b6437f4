import { clearCompiledKernels, compile, fitParams, mapExpr, param, parse, paramCount, type Expr } from "../src/expr/index.js";
import { seededRandom } from "../src/random/index.js";
import type { FeynmanProblem } from "../src/data/feynman.js";

/** Replaces every numeric literal of a formula by a fitted constant; returns the law and the true values. */
export function symboliseConstants(expr: Expr): { law: Expr; truth: number[] } {
  const truth: number[] = [];
  const law = mapExpr(expr, (n) => {
    if (n.kind !== "num") return n;
    truth.push(n.value);
    return param(truth.length - 1, `c${truth.length - 1}`);
  });
  return { law, truth };
}

/** Outcome of fitting one problem's constants. */
export interface FitRow {
  id: string;
  constants: number;
  /** Normalised RMSE (RMSE / standard deviation of the target) of the fitted law. */
  nrmse: number;
  /** Every constant within 1e-4 relative of its true value. */
  constantsRecovered: boolean;
  ms: number;
}

/** Fits the symbolised constants of each problem on `rows` noise-free rows sampled in the benchmark's ranges. */
export function benchFitting(problems: FeynmanProblem[], rows: number, restarts: number, seed = 1): FitRow[] {
  const out: FitRow[] = [];
  // Cold caches: each pass pays for compiling its kernels, as a user's first fit does.
  clearCompiledKernels();
  for (const p of problems) {
    const vars = p.variables.map((v) => v.name);
    const expr = parse(p.formula, { variables: vars });
    const { law, truth } = symboliseConstants(expr);
    const rand = seededRandom(seed);
    const columns = p.variables.map((v) => Float64Array.from({ length: rows }, () => v.low + (v.high - v.low) * rand()));
    const target = compile(expr, vars).evaluate(columns, []);
    const t0 = performance.now();
    const fit = fitParams(law, vars, columns, target, { seed, restarts });
    const ms = performance.now() - t0;
    const predicted = compile(law, vars).evaluate(columns, fit.params);
    let mean = 0;
    for (const y of target) mean += y / rows;
    let sse = 0;
    let sst = 0;
    for (let i = 0; i < rows; i++) {
      sse += (predicted[i] - target[i]) ** 2;
      sst += (target[i] - mean) ** 2;
    }
    const nrmse = Number.isFinite(sse) ? Math.sqrt(sse / Math.max(sst, 1e-300)) : Infinity;
    const constantsRecovered = paramCount(law) === truth.length && truth.every((t, j) => Math.abs(fit.params[j] - t) <= 1e-4 * Math.max(Math.abs(t), 1e-12));
    out.push({ id: p.id, constants: truth.length, nrmse, constantsRecovered, ms });
  }
  return out;
}
