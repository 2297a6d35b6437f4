/**
 * Starting points for a constant fit that differ in kind, not by jitter. Constants the law is affine in
 * (a scale factor, an offset, the amplitudes of a sum of exponentials) are never guessed: for any value of
 * the other constants they are solved exactly by weighted linear least squares (variable projection). The
 * other constants are searched over magnitudes from 10⁻⁶ to 10⁹ in half decades, both signs — first one at a
 * time from the given start (a coordinate scan), then at random — and only the best-scoring points go on to
 * Levenberg–Marquardt. Scores need no derivatives, so hundreds of candidates cost less than one fit.
 */
import { children, paramCount, type Expr } from "./ast.js";
import type { CompiledExpr } from "./compile.js";
import { paramDerivative } from "./derivative.js";
import { solveSpd } from "./linear-solve.js";

/** Params that stand directly as an exponent (`x^p`): small integers and halves are tried for them. */
export function exponentParams(expr: Expr): Set<number> {
  const out = new Set<number>();
  const walk = (e: Expr): void => {
    if (e.kind === "binary" && e.op === "^" && e.right.kind === "param") out.add(e.right.index);
    for (const c of children(e)) walk(c);
  };
  walk(expr);
  return out;
}

/** Exponents of physical laws are small integers or halves (and a negative base allows nothing else). */
export const EXPONENT_STARTS = [1, 2, 3, -1, 0.5, 4, -2, 1.5, -0.5, 5];

function paramsIn(expr: Expr, out = new Set<number>()): Set<number> {
  if (expr.kind === "param") out.add(expr.index);
  for (const c of children(expr)) paramsIn(c, out);
  return out;
}

/**
 * Params the law is jointly affine in: f = h + Σ_j p_j·g_j with h and g_j free of them (no derivative by one
 * of them contains any of them). Chosen greedily in index order.
 */
export function linearParams(expr: Expr): number[] {
  const k = paramCount(expr);
  const uses = Array.from({ length: k }, (_, j) => paramsIn(paramDerivative(expr, j)));
  const chosen: number[] = [];
  for (let j = 0; j < k; j++) {
    if (uses[j].has(j)) continue;
    if (chosen.some((i) => uses[j].has(i) || uses[i].has(j))) continue;
    chosen.push(j);
  }
  return chosen;
}

/** The data a start is scored on: Σ(c_i·(f_i − y_i))². */
export interface StartProblem {
  law: CompiledExpr;
  columns: Float64Array[];
  target: Float64Array;
  weights: Float64Array;
  /** Params solved by linear least squares (see `linearParams`). */
  linear: readonly number[];
}

/**
 * Sets the linear params of `x` to their weighted least-squares values given the others, in place, and
 * returns the criterion there (Infinity when the law is not finite). Without linear params it only scores.
 */
export function project(p: StartProblem, x: number[], buf: Float64Array[]): number {
  const n = p.target.length;
  const m = p.linear.length;
  const evalAt = (slot: number): Float64Array => (buf[slot] = p.law.evaluate(p.columns, x, buf[slot] ?? new Float64Array(n)));
  if (m === 0) return score(p, evalAt(0));
  for (const j of p.linear) x[j] = 0;
  const h = evalAt(0);
  const g: Float64Array[] = [];
  for (let a = 0; a < m; a++) {
    x[p.linear[a]] = 1;
    const col = evalAt(a + 1);
    x[p.linear[a]] = 0;
    for (let i = 0; i < n; i++) col[i] -= h[i];
    g.push(col);
  }
  const ata = new Float64Array(m * m);
  const atb = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w2 = p.weights[i] * p.weights[i];
    const r = (p.target[i] - h[i]) * w2;
    for (let a = 0; a < m; a++) {
      const ga = g[a][i] * w2;
      atb[a] += g[a][i] * r;
      for (let b = 0; b <= a; b++) ata[a * m + b] += ga * g[b][i];
    }
  }
  let trace = 0;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < a; b++) ata[b * m + a] = ata[a * m + b];
    trace += ata[a * m + a];
  }
  if (!Number.isFinite(trace)) return Infinity;
  // A tiny ridge keeps duplicated columns (two equal exponentials at the start) solvable.
  for (let a = 0; a < m; a++) ata[a * m + a] += 1e-12 * (trace / m) + 1e-300;
  const c = solveSpd(ata, atb, m);
  if (!c) return Infinity;
  for (let a = 0; a < m; a++) x[p.linear[a]] = c[a];
  // Score the solved point directly (not h + Σc·g), so a law that is not truly affine is never misjudged.
  return score(p, evalAt(0));
}

function score(p: StartProblem, f: Float64Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) {
    const r = (f[i] - p.target[i]) * p.weights[i];
    s += r * r;
  }
  return Number.isFinite(s) ? s : Infinity;
}

/** Magnitudes tried for a nonlinear constant: 10⁻⁶ … 10⁹ in half decades. */
const MAGNITUDES = Array.from({ length: 31 }, (_, i) => Math.pow(10, -6 + i / 2));

/**
 * Coordinate scan: for each nonlinear param in turn, tries its current value, zero, every magnitude with both
 * signs (and small exponents for exponent params), with the linear params projected; keeps the best. Two passes.
 * Returns the point and its criterion.
 */
export function scanStart(p: StartProblem, start: readonly number[], exponents: ReadonlySet<number>, signal?: AbortSignal): { x: number[]; sse: number; evaluations: number } {
  const buf: Float64Array[] = [];
  const k = start.length;
  const isLinear = new Set(p.linear);
  let x = start.slice();
  let best = project(p, x, buf);
  let evaluations = 1;
  // Every trial point is projected and kept when it lowers the criterion.
  const consider = (trial: number[]): void => {
    const s = project(p, trial, buf);
    evaluations++;
    if (s < best) {
      best = s;
      x = trial;
    }
  };
  // Exponents together first: laws such as r² = x² + y² + z² need them equal, and one alone cannot move there.
  if (exponents.size > 1) {
    for (const v of EXPONENT_STARTS) {
      const trial = x.slice();
      for (const j of exponents) trial[j] = v;
      consider(trial);
    }
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < k; j++) {
      if (isLinear.has(j) || signal?.aborted) continue;
      const values = [0, ...MAGNITUDES, ...MAGNITUDES.map((v) => -v), ...(exponents.has(j) ? EXPONENT_STARTS : [])];
      for (const v of values) {
        const trial = x.slice();
        trial[j] = v;
        consider(trial);
      }
    }
  }
  // Then finer steps around each value (1/32 of a decade, 7 %), where periods and rates have narrow basins.
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < k; j++) {
      if (isLinear.has(j) || signal?.aborted || x[j] === 0) continue;
      const centre = x[j];
      for (let i = -16; i <= 16; i++) {
        if (i === 0) continue;
        const trial = x.slice();
        trial[j] = centre * Math.pow(10, i / 32);
        consider(trial);
      }
    }
  }
  return { x, sse: best, evaluations };
}

/**
 * Random log-spread candidates: each nonlinear param drawn log-uniformly over 10⁻⁴ … 10⁶ with a random sign
 * (exponent params also from the small exponents; some params kept at `around`), linear params projected.
 * Returns the `keep` best finite candidates that differ from each other, best first.
 */
export function screenStarts(
  p: StartProblem,
  around: readonly number[],
  exponents: ReadonlySet<number>,
  draws: number,
  keep: number,
  rand: () => number,
  signal?: AbortSignal,
): { points: { x: number[]; sse: number }[]; evaluations: number } {
  const buf: Float64Array[] = [];
  const isLinear = new Set(p.linear);
  const found: { x: number[]; sse: number }[] = [];
  let evaluations = 0;
  for (let d = 0; d < draws && !signal?.aborted; d++) {
    const x = around.slice();
    const local = d % 3 === 2;
    const shared = exponents.size > 1 && d % 3 === 1 ? EXPONENT_STARTS[Math.floor(rand() * EXPONENT_STARTS.length)] : undefined;
    for (let j = 0; j < x.length; j++) {
      if (isLinear.has(j)) continue;
      if (local) {
        // A spread of a decade either way around the best point so far (same sign).
        x[j] = around[j] === 0 ? (rand() - 0.5) * 2 : around[j] * Math.pow(10, 2 * rand() - 1);
      } else if (shared !== undefined && exponents.has(j)) {
        x[j] = shared;
      } else if (exponents.has(j) && rand() < 0.5) {
        x[j] = EXPONENT_STARTS[Math.floor(rand() * EXPONENT_STARTS.length)];
      } else if (rand() < 0.8) {
        x[j] = (rand() < 0.5 ? -1 : 1) * Math.pow(10, 10 * rand() - 4);
      }
    }
    const s = project(p, x, buf);
    evaluations++;
    if (Number.isFinite(s)) found.push({ x, sse: s });
  }
  found.sort((a, b) => a.sse - b.sse);
  const points: { x: number[]; sse: number }[] = [];
  for (const f of found) {
    if (points.length >= keep) break;
    if (points.some((q) => sameBasin(q.x, f.x))) continue;
    points.push(f);
  }
  return { points, evaluations };
}

/** Two points whose every coordinate agrees to 1 % (relative) are one start. */
function sameBasin(a: readonly number[], b: readonly number[]): boolean {
  for (let j = 0; j < a.length; j++) if (Math.abs(a[j] - b[j]) > 0.01 * Math.max(Math.abs(a[j]), Math.abs(b[j]), 1e-12)) return false;
  return true;
}
