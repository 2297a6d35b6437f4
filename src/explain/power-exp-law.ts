/**
 * The power–exponential fast path: laws of measurement science that are products of powers and
 * exponentials, y = A·∏ xⱼ^pⱼ·exp(Σ aⱼ·xⱼ + bⱼ/xⱼ) — Arrhenius (A·exp(−Q/T)), Norton creep
 * (A·σⁿ·exp(−Q/T)), Eyring (A·T·exp(−ΔG/T)), power laws with any exponent. In log space such a law is
 * linear: log|y| = log|A| + Σ pⱼ·log xⱼ + aⱼ·xⱼ + bⱼ/xⱼ. So the path builds those three log-features
 * per input, picks the best subsets of them (every subset of up to three, then greedily larger) from
 * one Gram matrix, and offers each subset's law twice: with free exponents, and with exponents snapped
 * to halves. The final choice refits every constant in the original space under the noise model.
 *
 * The log fit is weighted by |y|/g (g the noise scale, 1 without scales): to first order that is the
 * original-space criterion, so the subsets are ranked as the refit will judge them.
 */
import { add, binary, div, mul, param, unary, v, type Expr } from "../expr/ast.js";
import type { Fraction } from "../expr/rational.js";
import type { Candidate } from "./final-selection.js";
import { choleskySolve } from "./law-family-fit.js";
import { monomialExpr } from "./monomial.js";
import { nearestFraction } from "./rational.js";

/** Options of `powerExpFit`. */
export interface PowerExpOptions {
  /** Per-row noise scales of the target (the log fit is then weighted by |y|/g). */
  scales?: ArrayLike<number>;
  /** Most log-features in one law (default 4). */
  maxTerms?: number;
  /** Subsets kept per size (default 2). */
  perSize?: number;
}

/** One log-feature: log x, x or 1/x of an input. */
interface LogFeature {
  variable: string;
  kind: "power" | "linear" | "inverse";
  values: Float64Array;
}

/** A selected subset with its log-space fit (coefficients on the raw features). */
export interface PowerExpSubset {
  features: { variable: string; kind: LogFeature["kind"]; coef: number }[];
  /** log|A| and the sign of A. */
  logAmplitude: number;
  sign: number;
  /** Weighted SSE of the log fit. */
  logSse: number;
}

/** Candidates of the power–exponential family, best log fit first, and the least original-space SSE among them. */
export function powerExpFit(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: PowerExpOptions = {},
): { candidates: Candidate[]; sse: number } {
  const subsets = powerExpSubsets(variables, columns, target, opts);
  const candidates: Candidate[] = [];
  let best = Infinity;
  for (const s of subsets) {
    const free = freeLaw(s);
    candidates.push({ ...free, source: "power-exp" });
    best = Math.min(best, originalSse(s, columns, variables, target));
    // A snapped law of powers alone is a monomial, which the monomial path offers already.
    const snapped = s.features.some((f) => f.kind !== "power") ? snappedLaw(s) : null;
    if (snapped) candidates.push({ ...snapped, source: "power-exp-snapped" });
  }
  return { candidates, sse: best };
}

/** The best subsets of log-features by weighted log-space SSE (see the module comment); empty when y changes sign. */
export function powerExpSubsets(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: PowerExpOptions = {},
): PowerExpSubset[] {
  const n = target.length;
  if (n < 4) return [];
  const sign = Math.sign(target[0]);
  const logY = new Float64Array(n);
  const w2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = target[i];
    if (!Number.isFinite(y) || Math.sign(y) !== sign || sign === 0) return [];
    logY[i] = Math.log(Math.abs(y));
    const g = opts.scales ? opts.scales[i] : 1;
    w2[i] = (Math.abs(y) / g) ** 2;
    if (!Number.isFinite(w2[i])) return [];
  }
  let wMax = 0;
  for (const x of w2) wMax = Math.max(wMax, x);
  if (!(wMax > 0)) return [];
  for (let i = 0; i < n; i++) w2[i] /= wMax;
  const features = logFeatures(variables, columns);
  const p = features.length;
  if (p === 0) return [];
  // Weighted centring and scaling to unit spread keep the Gram matrix well conditioned (1/T is ~1e-3).
  let sw = 0;
  for (const x of w2) sw += x;
  const wmean = (a: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w2[i] * a[i];
    return s / sw;
  };
  const my = wmean(logY);
  const means = features.map((f) => wmean(f.values));
  const scaled = features.map((f, a) => {
    const c = Float64Array.from(f.values, (x) => x - means[a]);
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w2[i] * c[i] * c[i];
    const sd = Math.sqrt(ss / sw);
    for (let i = 0; i < n; i++) c[i] /= sd;
    return { c, sd };
  });
  const gram: number[][] = scaled.map((a) => scaled.map((b) => wdot(a.c, b.c, w2)));
  const yc = Float64Array.from(logY, (x) => x - my);
  const rhs = scaled.map((a) => wdot(a.c, yc, w2));
  const syy = wdot(yc, yc, w2);

  const maxTerms = Math.min(opts.maxTerms ?? 4, p, n - 2);
  const perSize = opts.perSize ?? 2;
  const solveSubset = (idx: number[]): { beta: number[]; sse: number } | null => {
    const beta = choleskySolve(
      idx.map((a) => idx.map((b) => gram[a][b])),
      idx.map((a) => rhs[a]),
    );
    if (!beta) return null;
    let explained = 0;
    for (let t = 0; t < idx.length; t++) explained += beta[t] * rhs[idx[t]];
    return { beta, sse: Math.max(0, syy - explained) };
  };
  const bySize: { idx: number[]; beta: number[]; sse: number }[][] = [];
  const keep = (size: number, idx: number[]): void => {
    const r = solveSubset(idx);
    if (!r) return;
    const list = (bySize[size] ??= []);
    list.push({ idx, ...r });
    list.sort((a, b) => a.sse - b.sse);
    if (list.length > perSize) list.length = perSize;
  };
  // Every subset of up to three features while that stays cheap (C(36, 3) ≈ 7000 tiny solves), then greedy growth.
  const exhaustive = Math.min(maxTerms, p <= 40 ? 3 : 2);
  const combos = (k: number, from: number, acc: number[]): void => {
    if (acc.length === k) return keep(k, [...acc]);
    for (let a = from; a < p; a++) combos(k, a + 1, [...acc, a]);
  };
  // Once a subset is exact in log space, larger ones only add terms with vanishing coefficients.
  const exactAt = (k: number) => (bySize[k]?.[0]?.sse ?? Infinity) <= 1e-12 * syy;
  for (let k = 1; k <= exhaustive && !exactAt(k - 1); k++) combos(k, 0, []);
  for (let k = exhaustive + 1; k <= maxTerms && !exactAt(k - 1); k++) {
    const base = bySize[k - 1]?.[0];
    if (!base) break;
    for (let a = 0; a < p; a++) if (!base.idx.includes(a)) keep(k, [...base.idx, a].sort((x, y) => x - y));
  }
  const out: PowerExpSubset[] = [];
  for (const list of bySize) {
    for (const s of list ?? []) {
      let logA = my;
      const feats = s.idx.map((a, t) => {
        const coef = s.beta[t] / scaled[a].sd;
        logA -= coef * means[a];
        return { variable: features[a].variable, kind: features[a].kind, coef };
      });
      if (!feats.every((f) => Number.isFinite(f.coef)) || !Number.isFinite(logA)) continue;
      out.push({ features: feats, logAmplitude: logA, sign, logSse: s.sse });
    }
  }
  out.sort((a, b) => a.logSse - b.logSse);
  return out;
}

/** log x (inputs > 0), x and 1/x (inputs ≠ 0) of every input that is not constant. */
function logFeatures(variables: readonly string[], columns: readonly Float64Array[]): LogFeature[] {
  const out: LogFeature[] = [];
  variables.forEach((name, j) => {
    const x = columns[j];
    let positive = true;
    let nonzero = true;
    let constant = true;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) return;
      if (!(x[i] > 0)) positive = false;
      if (x[i] === 0) nonzero = false;
      if (x[i] !== x[0]) constant = false;
    }
    if (constant) return;
    if (positive) out.push({ variable: name, kind: "power", values: Float64Array.from(x, Math.log) });
    out.push({ variable: name, kind: "linear", values: Float64Array.from(x) });
    if (nonzero) out.push({ variable: name, kind: "inverse", values: Float64Array.from(x, (t) => 1 / t) });
  });
  return out;
}

/** A·∏ x^c·exp(Σ c·x + c/x) with every exponent and rate a fitted constant. */
function freeLaw(s: PowerExpSubset): { expr: Expr; params: number[]; literalsFixed: true } {
  const params = [s.sign * Math.exp(s.logAmplitude)];
  let e: Expr = param(0);
  for (const f of s.features) {
    if (f.kind !== "power") continue;
    e = mul(e, binary("^", v(f.variable), param(params.length)));
    params.push(f.coef);
  }
  const arg = exponentArgument(s, params);
  if (arg) e = mul(e, unary("exp", arg));
  return { expr: e, params, literalsFixed: true };
}

/** The same law with its exponents snapped to halves (null when nothing was a power, or a power snaps to 0). */
function snappedLaw(s: PowerExpSubset): { expr: Expr; params: number[]; literalsFixed: true } | null {
  const exponents: Record<string, Fraction> = {};
  for (const f of s.features) {
    if (f.kind !== "power") continue;
    const q = nearestFraction(f.coef, 2);
    if (q.n === 0) return null;
    exponents[f.variable] = q;
  }
  if (Object.keys(exponents).length === 0) return null;
  const params = [s.sign * Math.exp(s.logAmplitude)];
  let e = monomialExpr(exponents);
  const arg = exponentArgument(s, params);
  if (arg) e = mul(e, unary("exp", arg));
  return { expr: e, params, literalsFixed: true };
}

/** Σ c·x + c/x over the subset's linear and inverse features (params appended), or null when there are none. */
function exponentArgument(s: PowerExpSubset, params: number[]): Expr | null {
  let arg: Expr | null = null;
  for (const f of s.features) {
    if (f.kind === "power") continue;
    const k = param(params.length);
    params.push(f.coef);
    const term = f.kind === "linear" ? mul(k, v(f.variable)) : div(k, v(f.variable));
    arg = arg ? add(arg, term) : term;
  }
  return arg;
}

/** Plain SSE of the free law with its log-fit constants on the original data. */
function originalSse(s: PowerExpSubset, columns: readonly Float64Array[], variables: readonly string[], y: Float64Array): number {
  let sse = 0;
  for (let i = 0; i < y.length; i++) {
    let logF = s.logAmplitude;
    for (const f of s.features) {
      const x = columns[variables.indexOf(f.variable)][i];
      logF += f.coef * (f.kind === "power" ? Math.log(x) : f.kind === "linear" ? x : 1 / x);
    }
    sse += (y[i] - s.sign * Math.exp(logF)) ** 2;
  }
  return Number.isFinite(sse) ? sse : Infinity;
}

function wdot(a: Float64Array, b: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += w[i] * a[i] * b[i];
  return s;
}
