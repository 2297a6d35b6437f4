/**
 * Brute-force enumeration of small trees (AI Feynman's brute-force step, done bottom-up): every tree
 * up to a size limit over the inputs and the constants 1 and 2 is built with its values, each from its
 * children's values by one vectorised operation, and de-duplicated by those values. Each tree f is
 * then tried as y ≈ a + b·f with a and b by closed-form least squares, so small exact laws such as
 * exp(−x²/2)/√(2π) or 1/√(1−x²) are found in milliseconds without any constant fitting.
 */
import { binary, num, unary, v, type BinaryOp, type Expr, type UnaryOp } from "../expr/ast.js";

/** A tree with its values on the enumeration rows. */
interface Built {
  expr: Expr;
  values: Float64Array;
  constant: boolean;
}

/** An enumerated law y ≈ a + b·f. */
export interface EnumeratedLaw {
  /** The tree f (no params). */
  feature: Expr;
  a: number;
  b: number;
  sse: number;
}

/** Limits of the enumeration. */
export interface EnumerationOptions {
  maxSize?: number;
  /** Stop building once this many distinct trees exist. */
  maxTrees?: number;
  /** Laws returned (lowest error first). */
  keep?: number;
  /** Wall-clock time (ms since epoch) at which to stop building. */
  deadline?: number;
}

const UNARY: { op: UnaryOp | "square" | "inv"; f: (a: number) => number }[] = [
  { op: "neg", f: (a) => -a },
  { op: "sqrt", f: Math.sqrt },
  { op: "exp", f: Math.exp },
  { op: "log", f: Math.log },
  { op: "sin", f: Math.sin },
  { op: "cos", f: Math.cos },
  { op: "asin", f: Math.asin },
  { op: "square", f: (a) => a * a },
  { op: "inv", f: (a) => 1 / a },
];
const BINARY: { op: BinaryOp; f: (a: number, b: number) => number; commutative: boolean }[] = [
  { op: "+", f: (a, b) => a + b, commutative: true },
  { op: "-", f: (a, b) => a - b, commutative: false },
  { op: "*", f: (a, b) => a * b, commutative: true },
  { op: "/", f: (a, b) => a / b, commutative: false },
];

function makeUnary(op: UnaryOp | "square" | "inv", e: Expr): Expr {
  if (op === "square") return binary("^", e, num(2));
  if (op === "inv") return binary("/", num(1), e);
  return unary(op, e);
}

/** Enumerates trees up to `maxSize` nodes and returns the best y ≈ a + b·f laws. */
export function enumerateLaws(
  variables: readonly string[],
  columns: readonly Float64Array[],
  y: Float64Array,
  opts: EnumerationOptions = {},
  signal?: AbortSignal,
): { laws: EnumeratedLaw[]; evaluated: number } {
  const n = y.length;
  const maxSize = opts.maxSize ?? 7;
  const maxTrees = opts.maxTrees ?? 60_000;
  const keep = opts.keep ?? 12;
  const seen = new Set<string>();
  const levels: Built[][] = [[]];
  let total = 0;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i];
  my /= n;
  let syy = 0;
  for (let i = 0; i < n; i++) syy += (y[i] - my) ** 2;
  const best: EnumeratedLaw[] = [];
  const consider = (t: Built): void => {
    if (t.constant) return;
    let mf = 0;
    for (let i = 0; i < n; i++) mf += t.values[i];
    mf /= n;
    let sff = 0;
    let sfy = 0;
    for (let i = 0; i < n; i++) {
      const d = t.values[i] - mf;
      sff += d * d;
      sfy += d * (y[i] - my);
    }
    if (!(sff > 0)) return;
    const b = sfy / sff;
    const sse = Math.max(0, syy - b * sfy);
    if (best.length >= keep && sse >= best[best.length - 1].sse) return;
    best.push({ feature: t.expr, a: my - b * mf, b, sse });
    best.sort((p, q) => p.sse - q.sse);
    if (best.length > keep) best.pop();
  };
  const scratch = new Float64Array(n);
  let attempts = 0;
  const maxAttempts = maxTrees * 8;
  const deadline = opts.deadline ?? Infinity;
  let late = false;
  const add = (level: Built[], makeExpr: () => Expr, values: Float64Array, constant: boolean): void => {
    attempts++;
    if ((attempts & 1023) === 0 && (Date.now() >= deadline || signal?.aborted)) {
      late = true;
      attempts = maxAttempts;
    }
    if (late) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = values[i];
      if (!Number.isFinite(x) || Math.abs(x) > 1e100) return;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const key = fingerprint(values);
    if (seen.has(key)) return;
    seen.add(key);
    const t = { expr: makeExpr(), values: values === scratch ? Float64Array.from(values) : values, constant };
    level.push(t);
    total++;
    // An affine copy of an earlier tree (x, 2x, x + 1) is a building block but no new law a + b·f.
    const std = "s" + standardFingerprint(values, lo, hi);
    if (constant || seen.has(std)) return;
    seen.add(std);
    consider(t);
  };
  const leaves: Built[] = [];
  variables.forEach((name, j) => add(leaves, () => v(name), Float64Array.from(columns[j]), false));
  for (const c of [1, 2]) add(leaves, () => num(c), new Float64Array(n).fill(c), true);
  levels.push(leaves);
  for (let s = 2; s <= maxSize && total < maxTrees && attempts < maxAttempts; s++) {
    if (signal?.aborted) break;
    const level: Built[] = [];
    for (const t of levels[s - 1]) {
      if (t.constant) continue;
      for (const u of UNARY) {
        const out = scratch;
        for (let i = 0; i < n; i++) out[i] = u.f(t.values[i]);
        add(level, () => makeUnary(u.op, t.expr), out, false);
      }
      if (total >= maxTrees || attempts >= maxAttempts) break;
    }
    for (let sl = 1; sl <= s - 2 && total < maxTrees; sl++) {
      const sr = s - 1 - sl;
      for (let ia = 0; ia < levels[sl].length && total < maxTrees && attempts < maxAttempts; ia++) {
        const a = levels[sl][ia];
        for (let ib = 0; ib < levels[sr].length; ib++) {
          const b = levels[sr][ib];
          if (a.constant && b.constant) continue;
          for (const op of BINARY) {
            if (op.commutative && sl === sr && ib < ia) continue;
            const out = scratch;
            for (let i = 0; i < n; i++) out[i] = op.f(a.values[i], b.values[i]);
            add(level, () => binary(op.op, a.expr, b.expr), out, false);
          }
          if (total >= maxTrees || attempts >= maxAttempts) break;
        }
      }
    }
    levels.push(level);
  }
  return { laws: best, evaluated: attempts };
}

function standardFingerprint(values: Float64Array, lo: number, hi: number): string {
  const span = hi - lo || 1;
  const m = values.length;
  const q = (x: number) => Math.round(((x - lo) / span) * 1e8);
  return `${q(values[0])},${q(values[m >> 2])},${q(values[m >> 1])},${q(values[m - 1])}`;
}

// Values at four spread rows, rounded to ~9 significant digits, as one string key.
function fingerprint(values: Float64Array): string {
  const m = values.length;
  const q = (x: number) => {
    if (x === 0) return "0";
    const e = Math.floor(Math.log10(Math.abs(x)));
    return `${Math.round(x * Math.pow(10, 8 - e))}e${e}`;
  };
  return `${q(values[0])},${q(values[m >> 2])},${q(values[m >> 1])},${q(values[m - 1])}`;
}
