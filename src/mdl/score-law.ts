import { compile, fitParams, paramNamesOf, parse, simplify, substituteParams, toInfix, variablesOf, complexity, type Expr } from "../expr/index.js";
import { UserError } from "../errors.js";
import { shown } from "../data/csv.js";
import type { Bits } from "../explain/types.js";
import { descriptionLength } from "./description-length.js";
import { noiseScales, type NoiseKind } from "./noise-model.js";

/** Coefficient of determination 1 − SSE/SST over rows with a finite target (1 when the target is constant and matched). */
export function rSquared(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let n = 0;
  let mean = 0;
  for (let i = 0; i < target.length; i++) {
    if (Number.isFinite(target[i])) {
      n += 1;
      mean += (target[i] - mean) / n;
    }
  }
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    const r = predicted[i] - y;
    sse += r * r;
    sst += (y - mean) * (y - mean);
  }
  if (!Number.isFinite(sse)) return -Infinity;
  if (sst === 0) return sse === 0 ? 1 : -Infinity;
  return 1 - sse / sst;
}

/** Root-mean-square error over rows with a finite target (Infinity if any prediction there is not finite). */
export function rootMeanSquareError(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let n = 0;
  let sse = 0;
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i])) continue;
    const r = predicted[i] - target[i];
    n += 1;
    sse += r * r;
  }
  if (n === 0) return 0;
  return Number.isFinite(sse) ? Math.sqrt(sse / n) : Infinity;
}

/** A law fitted and scored on a table. */
export interface LawScore {
  /** The law as given, parsed (params are the identifiers the columns lack). */
  expr: Expr;
  /** Fitted constants by name, in param order. */
  params: Record<string, number>;
  /** The fitted law in contract infix (constants substituted at full precision, then simplified). */
  law: string;
  /** The same law with constants rounded to 8 significant digits, for people. */
  lawRounded: string;
  /** Names in the law that are fitted constants because no column has them. */
  constantNames: string[];
  /** Whether the law reads any column at all. */
  usesColumns: boolean;
  complexity: number;
  r2: number;
  rmse: number;
  bits: Bits;
  rows: number;
  converged: boolean;
}

/**
 * Parses `lawText` with the table's non-target columns as variables, fits its constants and scores it:
 * R², RMSE and description length. With a `noise` model other than absolute, the constants are fitted by
 * weighted least squares and the residuals priced standardised by the target's noise scales (R² and RMSE
 * stay plain). Bad laws and laws that reference the target are `UserError`s.
 */
export function scoreLaw(
  lawText: string,
  columns: Readonly<Record<string, Float64Array>>,
  names: readonly string[],
  targetName: string,
  opts: { seed?: number; restarts?: number; signal?: AbortSignal; noise?: NoiseKind } = {},
): LawScore {
  const target = columns[targetName];
  const inputs = names.filter((n) => n !== targetName);
  const expr = parse(lawText, { variables: inputs });
  const paramNames = paramNamesOf(expr);
  if (paramNames.includes(targetName)) throw new UserError(`the law uses the target column '${targetName}' as an input`);
  const used = variablesOf(expr);
  const cols = used.map((n) => columns[n]);
  const scales = noiseScales(target, opts.noise);
  const fit = fitParams(expr, used, cols, target, { seed: opts.seed ?? 0, restarts: opts.restarts ?? 8, signal: opts.signal, ...(scales ? { scales } : {}) });
  if (!Number.isFinite(fit.sse)) {
    throw new UserError(`the law '${shown(lawText, 80)}' gives NaN or infinite values on this data for every set of constants tried`);
  }
  const predicted = compile(expr, used).evaluate(cols, fit.params, new Float64Array(target.length));
  const bits = descriptionLength(expr, fit.params, target, predicted, { variableCount: inputs.length, ...(scales ? { scales } : {}) });
  const params: Record<string, number> = {};
  paramNames.forEach((name, i) => (params[name] = fit.params[i]));
  return {
    expr,
    params,
    law: toInfix(simplify(substituteParams(expr, fit.params))),
    lawRounded: toInfix(simplify(substituteParams(expr, fit.params.map((p) => Number(p.toPrecision(8)))))),
    constantNames: paramNames,
    usesColumns: used.length > 0,
    complexity: complexity(expr),
    r2: rSquared(target, predicted),
    rmse: rootMeanSquareError(target, predicted),
    bits,
    rows: target.length,
    converged: fit.converged,
  };
}
