/**
 * The last step of every explain: refit each candidate law on all rows, measure it (R², RMSE,
 * description length) and keep the Pareto front of complexity versus error; final-choice.ts then chooses
 * on it (description length, checked by safety near the data and by cross-validation on small tables).
 * Candidates from every strategy (fast paths, search, warm start) meet here on equal terms.
 */
import type { Expr } from "../expr/ast.js";
import { complexity, exprHash, simplify, toInfix, variablesOf } from "../expr/index.js";
import { fitLaw, scoreLaw, type FitData } from "../mdl/fit-and-score.js";
import type { ParetoEntry } from "./types.js";
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

/**
 * Refits a candidate on all rows and measures it with the one fit-and-score rule of `mdl/fit-and-score.ts`
 * (never worse than its starting constants); null when it names a variable the evidence lacks or is not
 * finite on every row.
 */
export function measure(c: Candidate, data: FinalData, seed: number, signal?: AbortSignal): MeasuredLaw | null {
  let shape: Expr;
  let init: number[];
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
  if (!variablesOf(shape).every((v) => data.variables.includes(v))) return null;
  const evidence = fitData(data);
  const params = init.length > 0 ? fitLaw(shape, evidence, { init, restarts: c.restarts ?? 0, seed, maxIterations: 40, signal }).params : init;
  const score = scoreLaw(shape, params, evidence);
  if (!score) return null;
  return {
    expr: shape,
    params,
    law: toInfix(shape, params),
    complexity: complexity(shape),
    bits: score.bits,
    r2: score.r2,
    rmse: score.rmse,
    hash: exprHash(shape),
    source: c.source,
    sse: score.sse,
  };
}

/** The final data as the fit-and-score rule takes it (columns by name). */
export function fitData(data: FinalData): FitData {
  const columns: Record<string, Float64Array> = {};
  data.variables.forEach((v, i) => (columns[v] = data.columns[i]));
  return { variables: data.variables, columns, target: data.target, ...(data.scales ? { scales: data.scales } : {}) };
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

/** Laws strictly better in error than every simpler one, by increasing complexity. */
export function paretoFront(laws: readonly MeasuredLaw[]): MeasuredLaw[] {
  const sorted = [...laws].sort((a, b) => a.complexity - b.complexity || a.sse - b.sse || a.bits.total - b.bits.total);
  const out: MeasuredLaw[] = [];
  let best = Infinity;
  for (let i = 0; i < sorted.length; ) {
    // Laws of one complexity whose errors agree to 1e-9 are one fit reached by two routes (a fast path's
    // law and the same law seeded into the search with its exponents as literals): the shorter stands.
    let pick = sorted[i];
    let j = i;
    for (; j < sorted.length && sorted[j].complexity === sorted[i].complexity; j++) {
      if (sorted[j].sse <= sorted[i].sse * (1 + 1e-9) && sorted[j].bits.total < pick.bits.total) pick = sorted[j];
    }
    if (sorted[i].sse < best * (1 - 1e-12)) {
      out.push(pick);
      best = sorted[i].sse;
    }
    i = j;
  }
  return out;
}

/** The law of least total description length (ties to the simpler law). */
export function chooseByBits(front: readonly MeasuredLaw[]): MeasuredLaw | null {
  let best: MeasuredLaw | null = null;
  for (const l of front) if (!best || l.bits.total < best.bits.total - 1e-9) best = l;
  return best;
}
