/**
 * The monomial fast path: many laws are c·∏ xᵢ^pᵢ with small rational exponents. A log-linear
 * least-squares fit of log|y| on log|xᵢ| estimates the exponents in one solve; snapping them to
 * simple fractions and refitting c on the raw data recovers the exact law in milliseconds.
 */
import { binary, num, param, unary, v, type Expr } from "../expr/ast.js";
import { leastSquares } from "./linalg.js";
import { fracValue, type Fraction } from "../expr/rational.js";
import { nearestFraction } from "./rational.js";

/** A monomial law candidate with its fitted coefficient. */
export interface MonomialCandidate {
  /** Tree with one `param` (index 0) for the coefficient. */
  expr: Expr;
  params: number[];
  /** Exponent of each variable used (variables with exponent 0 are absent). */
  exponents: Record<string, Fraction>;
  sse: number;
}

/**
 * Fits y ≈ c·∏ xᵢ^pᵢ over the given columns. Returns a few snapped candidates (different maximum
 * denominators), best first; empty when y changes sign or the log fit is impossible.
 */
export function fitMonomials(
  variables: readonly string[],
  columns: readonly Float64Array[],
  y: Float64Array,
): MonomialCandidate[] {
  const n = y.length;
  if (n < 2 || variables.length === 0) return [];
  const sign = Math.sign(y[0]);
  for (let i = 0; i < n; i++) if (Math.sign(y[i]) !== sign || sign === 0 || !Number.isFinite(y[i])) return [];
  const logY = new Float64Array(n);
  for (let i = 0; i < n; i++) logY[i] = Math.log(Math.abs(y[i]));
  const design: Float64Array[] = [new Float64Array(n).fill(1)];
  const usable: number[] = [];
  for (let j = 0; j < variables.length; j++) {
    const col = columns[j];
    const lc = new Float64Array(n);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(col[i]);
      if (!(a > 0) || !Number.isFinite(a)) {
        ok = false;
        break;
      }
      lc[i] = Math.log(a);
    }
    if (!ok) continue;
    design.push(lc);
    usable.push(j);
  }
  if (usable.length === 0) return [];
  const fit = leastSquares(design, logY);
  const raw = fit.coef.slice(1);
  const out: MonomialCandidate[] = [];
  const seen = new Set<string>();
  for (const maxDen of [1, 2, 3, 4, 6]) {
    const exps: Fraction[] = raw.map((p) => nearestFraction(p, maxDen));
    const key = exps.map((f) => `${f.n}/${f.d}`).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const cand = buildCandidate(variables, columns, usable, exps, y);
    if (cand) out.push(cand);
  }
  out.sort((a, b) => a.sse - b.sse);
  return out;
}

function buildCandidate(
  variables: readonly string[],
  columns: readonly Float64Array[],
  usable: number[],
  exps: Fraction[],
  y: Float64Array,
): MonomialCandidate | null {
  const n = y.length;
  const m = new Float64Array(n).fill(1);
  const exponents: Record<string, Fraction> = {};
  for (let t = 0; t < usable.length; t++) {
    const f = exps[t];
    if (f.n === 0) continue;
    const col = columns[usable[t]];
    const p = fracValue(f);
    // A fractional power of a negative number is not real: such a snap is not a candidate.
    if (f.d !== 1) for (let i = 0; i < n; i++) if (col[i] < 0) return null;
    for (let i = 0; i < n; i++) m[i] *= Math.pow(col[i], p);
    exponents[variables[usable[t]]] = f;
  }
  let smy = 0;
  let smm = 0;
  for (let i = 0; i < n; i++) {
    smy += m[i] * y[i];
    smm += m[i] * m[i];
  }
  if (!(smm > 0) || !Number.isFinite(smm)) return null;
  const c = smy / smm;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - c * m[i]) ** 2;
  if (!Number.isFinite(sse)) return null;
  return { expr: monomialExpr(exponents), params: [c], exponents, sse };
}

/** Builds c0 · (∏ positive powers) / (∏ negative powers) with readable power nodes. */
export function monomialExpr(exponents: Record<string, Fraction>): Expr {
  const numer: Expr[] = [];
  const denom: Expr[] = [];
  for (const [name, f] of Object.entries(exponents)) {
    if (f.n === 0) continue;
    const abs = { n: Math.abs(f.n), d: f.d };
    (f.n > 0 ? numer : denom).push(powerExpr(v(name), abs));
  }
  let e: Expr = param(0);
  for (const t of numer) e = binary("*", e, t);
  if (denom.length > 0) {
    let d = denom[0];
    for (let i = 1; i < denom.length; i++) d = binary("*", d, denom[i]);
    e = binary("/", e, d);
  }
  return e;
}

/** x^(n/d) for a positive fraction, as sqrt where that reads better. */
export function powerExpr(x: Expr, f: Fraction): Expr {
  if (f.d === 1 && f.n === 1) return x;
  if (f.d === 2 && f.n === 1) return unary("sqrt", x);
  return binary("^", x, num(f.n / f.d));
}
