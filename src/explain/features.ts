/**
 * The feature library of the linear-in-features fast path (BreakingTheWorld's Builder models):
 * each feature is a fixed function of the inputs with its expression tree, so a sparse linear
 * combination of them is itself an explicit law. Hinges max(x−t, 0) give piecewise-linear terms.
 */
import { binary, num, unary, v, type Expr } from "../expr/ast.js";

/** One candidate regressor: its tree (no params) and its values on the data. */
export interface Feature {
  expr: Expr;
  values: Float64Array;
  /** Rough description cost, used to break ties toward simpler features. */
  cost: number;
}

/** Limits on the library size (it grows quadratically with the number of variables). */
export interface FeatureOptions {
  /** Variables beyond this many get only their single-variable features. */
  maxPairVariables?: number;
  /** Hinge knots per variable (at evenly spaced quantiles); 0 disables hinges. */
  hingeKnots?: number;
}

/** Builds the feature library over the given columns, skipping features that are non-finite or constant. */
export function buildFeatures(variables: readonly string[], columns: readonly Float64Array[], opts: FeatureOptions = {}): Feature[] {
  const n = columns.length ? columns[0].length : 0;
  const out: Feature[] = [];
  const seen = new Set<string>();
  const push = (expr: Expr, values: Float64Array, cost: number): void => {
    if (!usable(values)) return;
    const key = fingerprint(values);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ expr, values, cost });
  };
  const map = (col: Float64Array, f: (x: number) => number): Float64Array => {
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = f(col[i]);
    return r;
  };
  variables.forEach((name, j) => {
    const x = v(name);
    const col = columns[j];
    push(x, col, 1);
    push(binary("^", x, num(2)), map(col, (a) => a * a), 3);
    push(binary("^", x, num(3)), map(col, (a) => a * a * a), 3);
    push(binary("/", num(1), x), map(col, (a) => 1 / a), 3);
    push(binary("/", num(1), binary("^", x, num(2))), map(col, (a) => 1 / (a * a)), 5);
    push(unary("sqrt", x), map(col, Math.sqrt), 2);
    push(unary("log", x), map(col, Math.log), 2);
    push(unary("exp", x), map(col, Math.exp), 2);
    push(unary("exp", unary("neg", x)), map(col, (a) => Math.exp(-a)), 3);
    push(unary("exp", binary("/", num(-1), x)), map(col, (a) => Math.exp(-1 / a)), 4);
    push(unary("sin", x), map(col, Math.sin), 2);
    push(unary("cos", x), map(col, Math.cos), 2);
  });
  const pairVars = Math.min(variables.length, opts.maxPairVariables ?? 8);
  for (let a = 0; a < pairVars; a++) {
    for (let b = a; b < pairVars; b++) {
      const ca = columns[a];
      const cb = columns[b];
      const xa = v(variables[a]);
      const xb = v(variables[b]);
      if (a !== b) {
        push(binary("*", xa, xb), prod(ca, cb, n), 3);
        push(binary("/", xa, xb), quot(ca, cb, n), 3);
        push(binary("/", xb, xa), quot(cb, ca, n), 3);
        push(unary("sin", binary("*", xa, xb)), mapPair(ca, cb, n, (p, q) => Math.sin(p * q)), 4);
        push(unary("cos", binary("*", xa, xb)), mapPair(ca, cb, n, (p, q) => Math.cos(p * q)), 4);
        push(unary("exp", unary("neg", binary("*", xa, xb))), mapPair(ca, cb, n, (p, q) => Math.exp(-p * q)), 5);
      }
    }
  }
  // Products of one-variable shapes across variables (sin(x)·exp(−t), x²·cos(y)…): only for few
  // variables, where the library stays small.
  if (variables.length <= 3) {
    const shapes: { make: (x: Expr) => Expr; f: (a: number) => number }[] = [
      { make: (x) => x, f: (a) => a },
      { make: (x) => binary("^", x, num(2)), f: (a) => a * a },
      { make: (x) => binary("/", num(1), x), f: (a) => 1 / a },
      { make: (x) => unary("sin", x), f: Math.sin },
      { make: (x) => unary("cos", x), f: Math.cos },
      { make: (x) => unary("exp", x), f: Math.exp },
      { make: (x) => unary("exp", unary("neg", x)), f: (a) => Math.exp(-a) },
      { make: (x) => unary("sqrt", x), f: Math.sqrt },
      { make: (x) => unary("log", x), f: Math.log },
    ];
    for (let a = 0; a < variables.length; a++)
      for (let b = a + 1; b < variables.length; b++)
        for (const sa of shapes)
          for (const sb of shapes) {
            const ca = columns[a];
            const cb = columns[b];
            push(binary("*", sa.make(v(variables[a])), sb.make(v(variables[b]))), mapPair(ca, cb, n, (p, q) => sa.f(p) * sb.f(q)), 5);
          }
  }
  const knots = opts.hingeKnots ?? 3;
  if (knots > 0) {
    variables.forEach((name, j) => {
      const sorted = Float64Array.from(columns[j]).sort();
      for (let k = 1; k <= knots; k++) {
        const t = roundKnot(sorted[Math.floor((k / (knots + 1)) * (sorted.length - 1))]);
        const x = v(name);
        push(binary("max", binary("-", x, num(t)), num(0)), map(columns[j], (a) => Math.max(a - t, 0)), 4);
        push(binary("max", binary("-", num(t), x), num(0)), map(columns[j], (a) => Math.max(t - a, 0)), 4);
      }
    });
  }
  return out;
}

// Knots print as short decimals, so the law stays readable and round-trips exactly.
function roundKnot(t: number): number {
  return Number(t.toPrecision(3));
}

function prod(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = a[i] * b[i];
  return r;
}

function quot(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = a[i] / b[i];
  return r;
}

function mapPair(a: Float64Array, b: Float64Array, n: number, f: (p: number, q: number) => number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = f(a[i], b[i]);
  return r;
}

function usable(values: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x) || Math.abs(x) > 1e150) return false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min > 1e-12 * Math.max(1, Math.abs(max));
}

// Values identical to 12 digits on a few rows mark a duplicate feature (x·y vs y·x, x^2 vs x·x).
function fingerprint(values: Float64Array): string {
  const parts: string[] = [];
  const step = Math.max(1, Math.floor(values.length / 7));
  for (let i = 0; i < values.length && parts.length < 8; i += step) parts.push(values[i].toPrecision(12));
  return parts.join("|");
}
