/**
 * The last step of every explain: refit each candidate law on all rows, measure it (R², RMSE,
 * description length), keep the Pareto front of complexity versus error and choose the law of least
 * total description length. Candidates from every strategy (fast paths, search, warm start) meet here
 * on equal terms.
 */
import type { Expr } from "../expr/ast.js";
import { compile, complexity, exprHash, fitParams, simplify, toInfix } from "../expr/index.js";
import { descriptionLength } from "../mdl/index.js";
import { scaledSquaredError } from "../mdl/noise-model.js";
import type { Bits, ParetoEntry } from "./types.js";
import { paramize, renumberParams } from "./tree-ops.js";

/** A law proposed by some strategy: a tree (params and/or inline numbers) with starting values. */
export interface Candidate {
  expr: Expr;
  params: number[];
  /** Which strategy proposed it (for progress messages and debugging). */
  source: string;
  /** Keep literal numbers as they are (only param nodes are fitted); used when polishing constants and for warm starts. */
  literalsFixed?: boolean;
  /** Extra Levenberg–Marquardt restarts for the final fit (default 0: the starting values are good ones). */
  restarts?: number;
}

/** A candidate refitted and measured on the full evidence. */
export interface MeasuredLaw extends ParetoEntry {
  hash: string;
  source: string;
  sse: number;
}

/** Everything the final choice needs about the evidence. */
export interface FinalData {
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  /** Per-row noise scales: constants are fitted by weighted least squares and bits priced on standardised residuals. */
  scales?: Float64Array;
}

/** Refits a candidate on all rows and measures it; null when it cannot be evaluated anywhere. */
export function measure(c: Candidate, data: FinalData, seed: number, signal?: AbortSignal): MeasuredLaw | null {
  let shape: Expr;
  let init: number[];
  try {
    if (c.literalsFixed) {
      const r = renumberParams(simplify(c.expr), c.params);
      shape = r.expr;
      init = r.params;
    } else {
      // Inline numbers become params too, so every constant is refitted on the full data.
      const withValues = c.params.length ? inlineKnown(c.expr, c.params) : c.expr;
      const p = paramize(simplify(withValues));
      shape = p.expr;
      init = p.init;
    }
  } catch {
    return null;
  }
  const { variables, columns, target, scales } = data;
  let params = init;
  try {
    if (init.length > 0) {
      const fit = fitParams(shape, variables, columns, target, { init, restarts: c.restarts ?? 0, seed, maxIterations: 40, signal, ...(scales ? { scales } : {}) });
      if (Number.isFinite(fit.sse)) params = fit.params;
    }
    const pred = compile(shape, variables).evaluate(columns, params);
    return measured(shape, params, pred, target, c.source, variables.length, scales);
  } catch {
    return null;
  }
}

function inlineKnown(e: Expr, params: number[]): Expr {
  // paramize numbers params in preorder anyway; inlining first keeps one code path.
  return substitute(e, params);
}

function substitute(e: Expr, values: number[]): Expr {
  switch (e.kind) {
    case "param":
      return { kind: "num", value: values[e.index] ?? 1 };
    case "unary":
      return { kind: "unary", op: e.op, arg: substitute(e.arg, values) };
    case "binary":
      return { kind: "binary", op: e.op, left: substitute(e.left, values), right: substitute(e.right, values) };
    default:
      return e;
  }
}

/**
 * Builds the measured record of a law from its predictions. `variableCount` is the evidence's number of
 * inputs and `scales` its noise scales, so every law on the same evidence is priced with the same code book.
 * R² and RMSE are the plain (unweighted) figures people read; `sse` is the fit's own criterion (weighted by
 * the scales when given), which orders the Pareto front.
 */
export function measured(
  shape: Expr,
  params: number[],
  pred: Float64Array,
  target: Float64Array,
  source: string,
  variableCount: number,
  scales?: Float64Array,
): MeasuredLaw | null {
  const n = target.length;
  let sse = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += target[i];
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (pred[i] - target[i]) ** 2;
    sst += (target[i] - mean) ** 2;
  }
  if (!Number.isFinite(sse)) return null;
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  const rmse = Math.sqrt(sse / n);
  if (scales) sse = scaledSquaredError(pred, target, scales);
  const bits: Bits = descriptionLength(shape, params, target, pred, { variableCount, ...(scales ? { scales } : {}) });
  return {
    expr: shape,
    params,
    law: toInfix(shape, params),
    complexity: complexity(shape),
    bits,
    r2,
    rmse,
    hash: exprHash(shape),
    source,
    sse,
  };
}

/** Laws strictly better in error than every simpler one, by increasing complexity. */
export function paretoFront(laws: readonly MeasuredLaw[]): MeasuredLaw[] {
  const sorted = [...laws].sort((a, b) => a.complexity - b.complexity || a.sse - b.sse || a.bits.total - b.bits.total);
  const out: MeasuredLaw[] = [];
  let best = Infinity;
  for (const l of sorted) {
    if (l.sse < best * (1 - 1e-12)) {
      out.push(l);
      best = l.sse;
    }
  }
  return out;
}

/** The law of least total description length (ties to the simpler law). */
export function chooseByBits(front: readonly MeasuredLaw[]): MeasuredLaw | null {
  let best: MeasuredLaw | null = null;
  for (const l of front) if (!best || l.bits.total < best.bits.total - 1e-9) best = l;
  return best;
}
