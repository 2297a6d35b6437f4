/**
 * The template fast path: laws of the form y ≈ A·m1·g(k·m2) [+ B], where m1 and m2 are monomials of the
 * inputs and g is a shape from a small family that recurs in physics (Bose–Einstein, Fermi–Dirac,
 * exponential and Gaussian decay, 1/(1+u), Lorentzian, tanh, log(1+u); see `template-shapes.ts`).
 * Planck's law A·ν³/(exp(kν/T) − 1) is one; so are Arrhenius rates, Debye relaxation and resonance lines.
 * Tree search rarely assembles such a law in a few seconds, since it needs the right shape, the
 * right argument and the right prefactor at once, each useless alone.
 *
 * In log space the law is linear once (m2, g, k) are fixed: log|y| − log|g(k·m2)| = log|A| + Σ eⱼ·log|xⱼ|.
 * So for each argument monomial m2 (exponents in {−1, 0, 1}), each shape g and each k on a log grid, one
 * small least-squares solve against a precomputed Gram matrix gives m1's exponents; they are snapped to
 * integers and half-integers in [−3, 3], and the fit in log space ranks the (m2, g, k, m1). The best few
 * are refined on the raw data by Levenberg–Marquardt and offered, with and without an offset B, to the
 * final description-length choice, which alone decides whether a template law is worth its bits.
 * Only data of one sign are scanned (a log is taken); with an offset the scan sees the law as long as
 * the offset is small against y. Candidates keep their literal numbers (the 1 of exp(u) − 1 is part of
 * the shape, not a constant to refit).
 */
import { add, param } from "../expr/ast.js";
import { fitParams, simplify } from "../expr/index.js";
import type { Candidate } from "./final-selection.js";
import { argumentMonomials, integerMonomialExpr } from "./periodic.js";
import { TEMPLATE_SHAPES, type TemplateShape } from "./template-shapes.js";

/** Tunables of the template fast path (every field optional). */
export interface TemplateOptions {
  /** Most variables in the argument monomial m2 (default 3). */
  maxFactors?: number;
  /** Cap on argument monomials scanned, simplest first (default 26: all of them for three inputs). */
  maxMonomials?: number;
  /** Largest |exponent| of m1 (default 3). */
  maxExponent?: number;
  /** Rows used by the scan (a deterministic stride subsample; default 256). */
  scanRows?: number;
  /** Grid points per decade of k (default 6). */
  perDecade?: number;
  /** Laws refined and emitted (default 4). */
  top?: number;
  /** Stop starting new work after this time (ms since the epoch). */
  deadline?: number;
  /** Stops the scan between argument monomials and between refinements. */
  signal?: AbortSignal;
}

/** A scanned template: argument monomial, shape, scale, snapped prefactor exponents and the log-space fit. */
export interface TemplateHit {
  /** Exponents of m2 per variable. */
  argument: number[];
  shape: TemplateShape;
  k: number;
  /** Exponents of m1 per variable (integers or half-integers). */
  prefactor: number[];
  /** Signed amplitude A from the log-space intercept. */
  amplitude: number;
  /** Mean squared residual of log|y| (the scan's ranking score). */
  logMse: number;
}

/** Candidate laws y = A·m1·g(k·m2) [+ B] (see the module comment). */
export function templateCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: TemplateOptions = {},
): Candidate[] {
  return templateFit(variables, columns, target, opts).candidates;
}

/** The template candidates and the least SSE among them (Infinity when none), so a caller can tell an exact law. */
export function templateFit(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: TemplateOptions = {},
): { candidates: Candidate[]; sse: number } {
  const hits = templateScan(variables, columns, target, opts);
  const candidates: Candidate[] = [];
  let best = Infinity;
  for (const hit of hits) {
    if (opts.signal?.aborted || Date.now() > (opts.deadline ?? Infinity)) break;
    const m1 = integerMonomialExpr(variables, hit.prefactor);
    const m2 = integerMonomialExpr(variables, hit.argument);
    const m2sq = integerMonomialExpr(variables, hit.argument.map((e) => 2 * e));
    const { expr, params } = hit.shape.law(m1, m2, m2sq, hit.amplitude, hit.k);
    const fit = fitParams(expr, variables, columns, target, { init: params, restarts: 0, maxIterations: 40, signal: opts.signal });
    const ok = Number.isFinite(fit.sse) && fit.params.every(Number.isFinite);
    const p = ok ? fit.params : params;
    const source = `template-${hit.shape.name}`;
    candidates.push({ expr: simplify(expr), params: p, source, literalsFixed: true });
    if (ok) best = Math.min(best, fit.sse);
    // The same law over a baseline: started at zero offset, so it can only improve on the plain fit.
    const shifted = add(expr, param(p.length));
    const fit2 = fitParams(shifted, variables, columns, target, { init: [...p, 0], restarts: 0, maxIterations: 30, signal: opts.signal });
    if (Number.isFinite(fit2.sse) && fit2.params.every(Number.isFinite) && fit2.sse < (ok ? fit.sse : Infinity)) {
      candidates.push({ expr: simplify(shifted), params: fit2.params, source: `${source}-offset`, literalsFixed: true });
      best = Math.min(best, fit2.sse);
    }
  }
  return { candidates, sse: best };
}

/** The best (m2, g, k, m1) templates of the log-space scan, best first; empty when y changes sign. */
export function templateScan(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: TemplateOptions = {},
): TemplateHit[] {
  const nv = variables.length;
  if (nv === 0) return [];
  const rows = scanRows(target, columns, opts.scanRows ?? 256);
  const n = rows.length;
  if (n < 8) return [];
  const ySign = Math.sign(target[rows[0]]);
  const logY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = target[rows[i]];
    if (Math.sign(y) !== ySign) return [];
    logY[i] = Math.log(Math.abs(y));
  }
  const cols = columns.map((c) => Float64Array.from(rows, (r) => c[r]));
  const design = new LogDesign(cols);
  if (design.p === 0) return [];
  const maxExp = opts.maxExponent ?? 3;
  const monomials = argumentMonomials(nv, 1, opts.maxFactors ?? 3, opts.maxMonomials ?? 26);
  const perDecade = opts.perDecade ?? 6;
  const m = new Float64Array(n);
  const r = new Float64Array(n);
  const signs = new Int8Array(n);
  // Best per (m2, shape): the k grid's neighbours are near-copies of one law and would crowd the list.
  const found: TemplateHit[] = [];
  for (const arg of monomials) {
    if (opts.signal?.aborted || Date.now() > (opts.deadline ?? Infinity)) break;
    if (!evaluate(arg, cols, m)) continue;
    const grid = kGrid(m, perDecade);
    if (grid.length === 0) continue;
    for (const shape of TEMPLATE_SHAPES) {
      let best: TemplateHit | null = null;
      for (const sign of shape.bothSigns ? [1, -1] : [1]) {
        const score = (k: number): TemplateHit | null => {
          if (!residualLogs(shape, k, m, logY, ySign, r, signs)) return null;
          return design.fit(r, maxExp, signs[0], (pre, amplitude, logMse) => ({ argument: arg, shape, k, prefactor: pre, amplitude, logMse }));
        };
        let bestJ = -1;
        let bestHere: TemplateHit | null = null;
        for (let j = 0; j < grid.length; j++) {
          const h = score(sign * grid[j]);
          if (h && (!bestHere || h.logMse < bestHere.logMse)) {
            bestHere = h;
            bestJ = j;
          }
        }
        if (!bestHere) continue;
        // Golden-section refinement of |k| between the grid neighbours of the best point (in log k).
        const lo = Math.log(grid[Math.max(0, bestJ - 1)]);
        const hi = Math.log(grid[Math.min(grid.length - 1, bestJ + 1)]);
        const refined = goldenMin((t) => score(sign * Math.exp(t))?.logMse ?? Infinity, lo, hi, 14);
        const h = score(sign * Math.exp(refined));
        if (h && h.logMse < bestHere.logMse) bestHere = h;
        if (!best || bestHere.logMse < best.logMse) best = bestHere;
      }
      if (best) found.push(best);
    }
  }
  found.sort((a, b) => a.logMse - b.logMse);
  return found.slice(0, opts.top ?? 4);
}

/**
 * The regression of a residual log on the logs of the usable inputs, with the Gram matrix of the
 * centred design inverted once so each (m2, g, k) costs a few dot products.
 */
class LogDesign {
  /** Variables usable in m1 (every value finite and non-zero). */
  readonly usable: number[] = [];
  readonly p: number;
  private readonly logs: Float64Array[] = [];
  private readonly means: number[] = [];
  private readonly inverse: number[][];
  private readonly nv: number;
  private readonly xr: Float64Array;

  constructor(cols: readonly Float64Array[]) {
    this.nv = cols.length;
    cols.forEach((c, j) => {
      const l = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) l[i] = Math.log(Math.abs(c[i]));
      if (!l.every(Number.isFinite)) return;
      let mean = 0;
      for (const x of l) mean += x;
      mean /= l.length;
      for (let i = 0; i < l.length; i++) l[i] -= mean;
      this.usable.push(j);
      this.logs.push(l);
      this.means.push(mean);
    });
    const gram = this.logs.map((a) => this.logs.map((b) => dot(a, b)));
    const inv = invert(gram);
    if (!inv) {
      // Collinear logs (one input a power of another): fall back to no prefactor search at all.
      this.usable.length = 0;
      this.logs.length = 0;
    }
    this.inverse = inv ?? [];
    this.p = this.usable.length;
    this.xr = new Float64Array(this.p);
  }

  /** Regresses r, snaps the exponents (integers, then half-integers), returns the better snapped fit via `make`. */
  fit(
    r: Float64Array,
    maxExp: number,
    sign: number,
    make: (prefactor: number[], amplitude: number, logMse: number) => TemplateHit,
  ): TemplateHit | null {
    const { p, logs, inverse, xr } = this;
    const n = r.length;
    let rMean = 0;
    for (let i = 0; i < n; i++) rMean += r[i];
    rMean /= n;
    for (let a = 0; a < p; a++) xr[a] = dot(logs[a], r);
    let best: TemplateHit | null = null;
    for (const step of [1, 0.5]) {
      const pre = new Array<number>(this.nv).fill(0);
      for (let a = 0; a < p; a++) {
        let beta = 0;
        for (let b = 0; b < p; b++) beta += inverse[a][b] * xr[b];
        pre[this.usable[a]] = Math.max(-maxExp, Math.min(maxExp, Math.round(beta / step) * step)) || 0; // never −0
      }
      // With snapped exponents e, the intercept is the mean of r − Σ e·log|x|; the residual is centred.
      let intercept = rMean;
      for (let a = 0; a < p; a++) intercept -= pre[this.usable[a]] * this.means[a];
      let sse = 0;
      for (let i = 0; i < n; i++) {
        let d = r[i] - rMean;
        for (let a = 0; a < p; a++) d -= pre[this.usable[a]] * logs[a][i];
        sse += d * d;
      }
      if (!Number.isFinite(sse)) continue;
      const hit = make(pre, sign * Math.exp(intercept), sse / n);
      if (!best || hit.logMse < best.logMse - 1e-12) best = hit;
    }
    return best;
  }
}

/** Fills r = log|y| − log|g(k·m)| and the sign of y/g; false when g vanishes, blows up or the sign is not constant. */
function residualLogs(
  shape: TemplateShape,
  k: number,
  m: Float64Array,
  logY: Float64Array,
  ySign: number,
  r: Float64Array,
  signs: Int8Array,
): boolean {
  for (let i = 0; i < m.length; i++) {
    const u = k * m[i];
    const lg = shape.logAbs(u);
    const s = shape.sign(u) * ySign;
    if (!Number.isFinite(lg) || s === 0) return false;
    if (i > 0 && s !== signs[0]) return false;
    signs[i] = s;
    r[i] = logY[i] - lg;
  }
  return true;
}

/** Log-spaced |k| from where k·m is 0.02 at the largest |m| to where it is 50 at the smallest (at most 9 decades). */
function kGrid(m: Float64Array, perDecade: number): number[] {
  let lo = Infinity;
  let hi = 0;
  for (const x of m) {
    const a = Math.abs(x);
    if (a > 0 && a < lo) lo = a;
    if (a > hi) hi = a;
  }
  if (!(hi > 0) || !Number.isFinite(hi)) return [];
  const kLo = 0.02 / hi;
  const kHi = Math.min(50 / lo, kLo * 1e9);
  const steps = Math.max(1, Math.ceil(Math.log10(kHi / kLo) * perDecade));
  return Array.from({ length: steps + 1 }, (_, j) => kLo * (kHi / kLo) ** (j / steps));
}

/** The minimiser of f on [a, b] by golden-section search (f assumed unimodal there). */
function goldenMin(f: (t: number) => number, a: number, b: number, iterations: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let it = 0; it < iterations; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return fc < fd ? c : d;
}

/** Writes ∏ colⱼ^expsⱼ into `out`; false when some value is not finite. */
function evaluate(exps: readonly number[], cols: readonly Float64Array[], out: Float64Array): boolean {
  out.fill(1);
  for (let j = 0; j < exps.length; j++) {
    if (exps[j] === 0) continue;
    const col = cols[j];
    for (let i = 0; i < out.length; i++) out[i] *= exps[j] === 1 ? col[i] : exps[j] === -1 ? 1 / col[i] : col[i] ** exps[j];
  }
  for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return false;
  return true;
}

/** Up to `limit` rows spread evenly over those whose inputs and target are finite and whose target is non-zero. */
function scanRows(target: Float64Array, columns: readonly Float64Array[], limit: number): number[] {
  const ok: number[] = [];
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i]) || target[i] === 0) continue;
    if (columns.every((c) => Number.isFinite(c[i]))) ok.push(i);
  }
  if (ok.length <= limit) return ok;
  return Array.from({ length: limit }, (_, j) => ok[Math.floor((j * ok.length) / limit)]);
}

/** The inverse of a small symmetric positive-definite matrix by Gauss–Jordan; null when (nearly) singular. */
function invert(a: number[][]): number[][] | null {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let i = c + 1; i < p; i++) if (Math.abs(m[i][c]) > Math.abs(m[piv][c])) piv = i;
    if (!(Math.abs(m[piv][c]) > 1e-10 * Math.max(1, Math.abs(a[c][c])))) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * p; j++) m[c][j] /= d;
    for (let i = 0; i < p; i++) {
      if (i === c) continue;
      const f = m[i][c];
      if (f !== 0) for (let j = 0; j < 2 * p; j++) m[i][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(p));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
