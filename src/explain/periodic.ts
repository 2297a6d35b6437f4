/**
 * The periodic fast path: laws that oscillate in a product of the inputs (cos²(k·d·x/λ), sin(k·x·t),
 * cos(ω·t)) are nearly invisible to tree search and to polynomial features, yet a frequency scan finds
 * them in milliseconds. For each candidate argument m = ∏ xᵢ^eᵢ (small integer exponents) and each
 * frequency k on a grid, y ≈ A + B·cos(k·m) + C·sin(k·m) is a linear least-squares problem; the best
 * (m, k) pairs are polished by Levenberg–Marquardt and offered, in several equivalent printed forms
 * (offset or not, cos or sin, cos² or sin², amplitude–phase), to the final description-length
 * choice, which alone decides whether a periodic law is worth its bits.
 */
import { add, binary, mul, num, param, pow, unary, v, type Expr } from "../expr/ast.js";
import { fitParams, simplify } from "../expr/index.js";
import type { Candidate } from "./final-selection.js";
import { envelopeCandidates } from "./periodic-envelope.js";

/** Tunables of the periodic fast path (every field optional). */
export interface PeriodicOptions {
  /** Largest |exponent| of a variable in the argument monomial: 1 or 2 (default 1). */
  maxExponent?: number;
  /** Most variables in one argument monomial (default 3). */
  maxFactors?: number;
  /** Cap on the number of argument monomials scanned, simplest first (default 64). */
  maxMonomials?: number;
  /** Rows used by the frequency scan (a deterministic stride subsample; default 256). */
  scanRows?: number;
  /** Most cycles over the range of m the scan looks for (default 64; also limited by the rows). */
  maxCycles?: number;
  /** Grid points per cycle-over-the-range (the periodogram's peak is about 1 cycle wide; default 4). */
  oversample?: number;
  /** Also offer amplitude envelopes (z, 1/z, exp, Gaussian in an input) around the best peak (default true). */
  envelopes?: boolean;
  /** (m, k) pairs polished and emitted (default 3). */
  top?: number;
  /** Stop starting new work after this time (ms since the epoch). */
  deadline?: number;
  /** Stops the scan between argument monomials and between peaks. */
  signal?: AbortSignal;
}

/** A peak of the scan: argument monomial, frequency, and the linear fit there. */
export interface PeriodicPeak {
  /** Exponent per variable (same order as the variables). */
  exponents: number[];
  k: number;
  /** y ≈ a + b·cos(k·m) + c·sin(k·m) on the scan rows. */
  a: number;
  b: number;
  c: number;
  /** Fraction of the target's variance the oscillation explains on the scan rows. */
  explained: number;
}

/** Candidate laws y = f(cos/sin(k·m)) for the monomials m of the inputs (see the module comment). */
export function periodicCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: PeriodicOptions = {},
): Candidate[] {
  return periodicFit(variables, columns, target, opts).candidates;
}

/** The periodic candidates and the least SSE of their polished general form (Infinity when none), so a caller can tell an exact law. */
export function periodicFit(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: PeriodicOptions = {},
): { candidates: Candidate[]; sse: number } {
  const peaks = periodicPeaks(variables, columns, target, opts);
  const candidates: Candidate[] = [];
  let sse = Infinity;
  for (const peak of peaks) {
    if (opts.signal?.aborted || Date.now() > (opts.deadline ?? Infinity)) break;
    // Envelopes only around the strongest oscillation: they cost a few fits per input.
    const laws = lawsFromPeak(peak, variables, columns, target, opts.signal, candidates.length === 0 && opts.envelopes !== false);
    candidates.push(...laws.candidates);
    sse = Math.min(sse, laws.sse);
  }
  return { candidates, sse };
}

/** The strongest (argument, frequency) peaks of the scan, best first; empty when nothing oscillates. */
export function periodicPeaks(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: PeriodicOptions = {},
): PeriodicPeak[] {
  const n = target.length;
  if (variables.length === 0 || n < 8) return [];
  const rows = strideRows(n, opts.scanRows ?? 256, columns, target);
  const ns = rows.length;
  if (ns < 8) return [];
  const y = new Float64Array(ns);
  let mean = 0;
  for (let i = 0; i < ns; i++) mean += target[rows[i]];
  mean /= ns;
  let sst = 0;
  for (let i = 0; i < ns; i++) {
    y[i] = target[rows[i]] - mean;
    sst += y[i] * y[i];
  }
  if (!(sst > 0)) return [];
  const scanCols = columns.map((c) => Float64Array.from(rows, (r) => c[r]));
  const monomials = argumentMonomials(variables.length, opts.maxExponent ?? 1, opts.maxFactors ?? 3, opts.maxMonomials ?? 64);
  // More cycles than about a third of the rows cannot be told from aliased noise.
  const maxCycles = Math.min(opts.maxCycles ?? 64, ns / 3);
  const oversample = opts.oversample ?? 4;
  const minCycles = 0.5;
  const nk = Math.max(0, Math.floor((maxCycles - minCycles) * oversample) + 1);
  if (nk < 2) return [];
  // Scanning every frequency of every monomial, the best noise-only peak explains about 2·ln(M)/n of
  // the variance (M independent tries); a real oscillation must clear that by a wide margin.
  const threshold = Math.min(0.5, (3 * 2 * Math.log(monomials.length * (maxCycles - minCycles))) / ns);
  const work = new ScanWork(ns, nk);
  const found: PeriodicPeak[] = [];
  const m = new Float64Array(ns);
  for (const exps of monomials) {
    if (opts.signal?.aborted || Date.now() > (opts.deadline ?? Infinity)) break;
    if (!evaluateMonomial(exps, scanCols, m)) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < ns; i++) {
      if (m[i] < lo) lo = m[i];
      if (m[i] > hi) hi = m[i];
    }
    const range = hi - lo;
    if (!(range > 0) || !Number.isFinite(range)) continue;
    const dk = (2 * Math.PI) / (range * oversample);
    const k0 = (2 * Math.PI * minCycles) / range;
    work.scan(m, y, k0, dk);
    for (const j of localMaxima(work.explained, 2)) {
      const k = refinePeak(work.explained, j, k0, dk);
      const fit = fitAt(m, y, k);
      if (!fit || fit.explained / sst < threshold) continue;
      found.push({ exponents: exps, k, a: mean + fit.a, b: fit.b, c: fit.c, explained: fit.explained / sst });
    }
  }
  found.sort((p, q) => q.explained - p.explained);
  return found.slice(0, opts.top ?? 3);
}

/** Reusable buffers of the frequency scan (no allocation per point or per frequency). */
class ScanWork {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  readonly stepCos: Float64Array;
  readonly stepSin: Float64Array;
  /** Variance explained at each grid frequency (by the cos+sin pair beyond the mean). */
  readonly explained: Float64Array;

  constructor(rows: number, frequencies: number) {
    this.cos = new Float64Array(rows);
    this.sin = new Float64Array(rows);
    this.stepCos = new Float64Array(rows);
    this.stepSin = new Float64Array(rows);
    this.explained = new Float64Array(frequencies);
  }

  /** Fills `explained` for k = k0 + j·dk; cos/sin advance by rotation, so each point costs four trig calls in all, not four per frequency. */
  scan(m: Float64Array, y: Float64Array, k0: number, dk: number): void {
    const n = m.length;
    const { cos, sin, stepCos, stepSin, explained } = this;
    for (let i = 0; i < n; i++) {
      cos[i] = Math.cos(k0 * m[i]);
      sin[i] = Math.sin(k0 * m[i]);
      stepCos[i] = Math.cos(dk * m[i]);
      stepSin[i] = Math.sin(dk * m[i]);
    }
    for (let j = 0; j < explained.length; j++) {
      let sc = 0;
      let ss = 0;
      let scc = 0;
      let sss = 0;
      let scs = 0;
      let syc = 0;
      let sys = 0;
      for (let i = 0; i < n; i++) {
        const c = cos[i];
        const s = sin[i];
        sc += c;
        ss += s;
        scc += c * c;
        sss += s * s;
        scs += c * s;
        syc += y[i] * c;
        sys += y[i] * s;
        cos[i] = c * stepCos[i] - s * stepSin[i];
        sin[i] = s * stepCos[i] + c * stepSin[i];
      }
      explained[j] = explainedBy(n, sc, ss, scc, sss, scs, syc, sys)?.explained ?? 0;
    }
  }
}

/** The 2×2 least squares of centred y on centred cos and sin; null when they are (nearly) collinear. */
function explainedBy(
  n: number,
  sc: number,
  ss: number,
  scc: number,
  sss: number,
  scs: number,
  syc: number,
  sys: number,
): { b: number; c: number; explained: number } | null {
  const ccc = scc - (sc * sc) / n;
  const css = sss - (ss * ss) / n;
  const ccs = scs - (sc * ss) / n;
  const det = ccc * css - ccs * ccs;
  if (!(det > 1e-9 * ccc * css) || !(ccc > 0) || !(css > 0)) return null;
  const b = (syc * css - sys * ccs) / det;
  const c = (sys * ccc - syc * ccs) / det;
  return { b, c, explained: b * syc + c * sys };
}

/** The linear fit at one frequency (centred y): offset, cos and sin coefficients, variance explained. */
function fitAt(m: Float64Array, y: Float64Array, k: number): { a: number; b: number; c: number; explained: number } | null {
  const n = m.length;
  let sc = 0;
  let ss = 0;
  let scc = 0;
  let sss = 0;
  let scs = 0;
  let syc = 0;
  let sys = 0;
  for (let i = 0; i < n; i++) {
    const c = Math.cos(k * m[i]);
    const s = Math.sin(k * m[i]);
    sc += c;
    ss += s;
    scc += c * c;
    sss += s * s;
    scs += c * s;
    syc += y[i] * c;
    sys += y[i] * s;
  }
  const r = explainedBy(n, sc, ss, scc, sss, scs, syc, sys);
  if (!r) return null;
  return { a: -(r.b * sc + r.c * ss) / n, b: r.b, c: r.c, explained: r.explained };
}

/** Indices of the `count` highest strict local maxima of `xs`, highest first. */
function localMaxima(xs: Float64Array, count: number): number[] {
  const idx: number[] = [];
  for (let j = 0; j < xs.length; j++) {
    const left = j > 0 ? xs[j - 1] : -Infinity;
    const right = j + 1 < xs.length ? xs[j + 1] : -Infinity;
    if (xs[j] > left && xs[j] >= right && xs[j] > 0) idx.push(j);
  }
  return idx.sort((a, b) => xs[b] - xs[a]).slice(0, count);
}

/** The grid peak moved to the vertex of the parabola through it and its neighbours. */
function refinePeak(xs: Float64Array, j: number, k0: number, dk: number): number {
  if (j === 0 || j === xs.length - 1) return k0 + j * dk;
  const l = xs[j - 1];
  const c = xs[j];
  const r = xs[j + 1];
  const denom = l - 2 * c + r;
  const shift = denom < 0 ? (0.5 * (l - r)) / denom : 0;
  return k0 + (j + Math.max(-0.5, Math.min(0.5, shift))) * dk;
}

/** Exponent vectors with 1..maxFactors non-zero entries in ±1..±maxExponent, simplest first, capped. */
export function argumentMonomials(nVars: number, maxExponent: number, maxFactors: number, cap: number): number[][] {
  const out: number[][] = [];
  const values: number[] = [];
  for (let e = 1; e <= Math.max(1, Math.floor(maxExponent)); e++) values.push(e, -e);
  const cur = new Array<number>(nVars).fill(0);
  const choose = (start: number, left: number): void => {
    if (left === 0) {
      out.push([...cur]);
      return;
    }
    for (let j = start; j < nVars; j++) {
      for (const e of values) {
        cur[j] = e;
        choose(j + 1, left - 1);
        cur[j] = 0;
      }
    }
  };
  for (let f = 1; f <= Math.min(maxFactors, nVars); f++) choose(0, f);
  // Fewer factors first (done by construction), then smaller total degree.
  const weight = (e: number[]) => e.reduce((s, x) => s + (x === 0 ? 0 : 1), 0) * 100 + e.reduce((s, x) => s + Math.abs(x), 0);
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => weight(a.e) - weight(b.e) || a.i - b.i)
    .slice(0, cap)
    .map((x) => x.e);
}

/** Writes ∏ colⱼ^expsⱼ into `out`; false when some value is not finite (a zero divided by, say). */
function evaluateMonomial(exps: readonly number[], cols: readonly Float64Array[], out: Float64Array): boolean {
  out.fill(1);
  for (let j = 0; j < exps.length; j++) {
    const e = exps[j];
    if (e === 0) continue;
    const col = cols[j];
    for (let i = 0; i < out.length; i++) out[i] *= e === 1 ? col[i] : e === -1 ? 1 / col[i] : col[i] ** e;
  }
  for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return false;
  return true;
}

/** Up to `limit` row indices spread evenly over the rows whose inputs and target are finite. */
function strideRows(n: number, limit: number, columns: readonly Float64Array[], target: Float64Array): number[] {
  const ok: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(target[i])) continue;
    if (columns.every((c) => Number.isFinite(c[i]))) ok.push(i);
  }
  if (ok.length <= limit) return ok;
  const out: number[] = [];
  for (let j = 0; j < limit; j++) out.push(ok[Math.floor((j * ok.length) / limit)]);
  return out;
}

/** The monomial of integer exponents `exps` over `variables` as a tree without a coefficient: numerator product over denominator product, `x^2` for squares. */
export function integerMonomialExpr(variables: readonly string[], exps: readonly number[]): Expr {
  const factor = (j: number) => (Math.abs(exps[j]) === 1 ? v(variables[j]) : pow(v(variables[j]), num(Math.abs(exps[j]))));
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  exps.forEach((e, j) => {
    if (e > 0) top.push(factor(j));
    else if (e < 0) bottom.push(factor(j));
  });
  const product = (xs: Expr[]) => xs.reduce((a, b) => mul(a, b));
  const numerator = top.length ? product(top) : num(1);
  return bottom.length ? binary("/", numerator, product(bottom)) : numerator;
}

/**
 * Polishes a peak on all rows (the general form c0 + c1·cos(c2·m) + c3·sin(c2·m)), then writes the
 * law in every form that fits its phase: amplitude–phase always; cos, cos² and sin² when
 * the phase is near 0 or π; sin when it is near ±π/2; each with and without the offset.
 */
function lawsFromPeak(
  peak: PeriodicPeak,
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  signal: AbortSignal | undefined,
  withEnvelopes: boolean,
): { candidates: Candidate[]; sse: number } {
  const m = integerMonomialExpr(variables, peak.exponents);
  const arg = (p: number) => mul(param(p), m);
  const general = add(add(param(0), mul(param(1), unary("cos", arg(2)))), mul(param(3), unary("sin", arg(2))));
  let [a, b, k, c] = [peak.a, peak.b, peak.k, peak.c];
  const fit = fitParams(general, variables, columns, target, { init: [a, b, k, c], restarts: 0, maxIterations: 30, signal });
  const polished = Number.isFinite(fit.sse) && fit.params.every(Number.isFinite);
  if (polished) [a, b, k, c] = fit.params;
  if (k < 0) [k, c] = [-k, -c];
  const amp = Math.hypot(b, c);
  const phase = Math.atan2(c, b);
  // The cos+sin form itself is not offered: the final refit gives each occurrence of a repeated
  // constant its own slot, so it would come back with two frequencies; the phase form is the same law.
  const out: { expr: Expr; params: number[]; form: string }[] = [
    { expr: add(param(0), mul(param(1), unary("cos", add(arg(2), param(3))))), params: [a, amp, k, -phase], form: "phase" },
    { expr: mul(param(0), unary("cos", add(arg(1), param(2)))), params: [amp, k, -phase], form: "phase-no-offset" },
  ];
  // b·cos(km) = 2b·cos²(km/2) − b = b − 2b·sin²(km/2): the squared forms halve the frequency.
  if (Math.abs(c) <= 0.3 * amp) {
    const cosSq = (p: number) => pow(unary("cos", arg(p)), num(2));
    const sinSq = (p: number) => pow(unary("sin", arg(p)), num(2));
    out.push(
      { expr: add(param(0), mul(param(1), unary("cos", arg(2)))), params: [a, b, k], form: "cos" },
      { expr: mul(param(0), unary("cos", arg(1))), params: [b, k], form: "cos-no-offset" },
      { expr: add(param(0), mul(param(1), cosSq(2))), params: [a - b, 2 * b, k / 2], form: "cos2" },
      { expr: mul(param(0), cosSq(1)), params: [2 * b, k / 2], form: "cos2-no-offset" },
      { expr: add(param(0), mul(param(1), sinSq(2))), params: [a + b, -2 * b, k / 2], form: "sin2" },
      { expr: mul(param(0), sinSq(1)), params: [-2 * b, k / 2], form: "sin2-no-offset" },
    );
  }
  if (Math.abs(b) <= 0.3 * amp) {
    out.push(
      { expr: add(param(0), mul(param(1), unary("sin", arg(2)))), params: [a, c, k], form: "sin" },
      { expr: mul(param(0), unary("sin", arg(1))), params: [c, k], form: "sin-no-offset" },
    );
  }
  const cands: Candidate[] = [];
  for (const o of out) {
    // simplify never throws on a well-formed tree: a failure is a bug, not a rejected candidate.
    cands.push({ expr: simplify(o.expr), params: o.params, source: `periodic-${o.form}` });
  }
  if (withEnvelopes && polished) cands.push(...envelopeCandidates(m, { a, amp, k, phase, sse: fit.sse }, variables, columns, target, signal));
  return { candidates: cands, sse: polished ? fit.sse : Infinity };
}
