import { BINARY_OPS, UNARY_OPS, type Expr } from "../expr/ast.js";
import type { Bits } from "../core/bits.js";

/**
 * Description length of a law on some evidence (two-part MDL code, in bits):
 *
 *   L = L(law) + L(data | law)
 *
 *   L(law)  = Σ_nodes log2(K)                      structure: each node in prefix order names one of K kinds
 *           + Σ_var-leaves log2(V)                   which of the V input variables
 *           + Σ_literals L_int(literal)              exact numbers: Elias-γ of |p|+1 and of q (p/q), plus a sign bit
 *           + Σ_params L_param(θ_j)                   each fitted constant at the precision the data justify, plus its sign
 *
 *   L_param(θ_j) = 1 + ½·log2(e) + max(0, log2(|θ_j|/δ_j)),   δ_j = sqrt(12/I_jj),   I_jj = Σ_i (∂f_i/∂θ_j / g_i)² / s²
 *
 * when the law's sensitivity to its constants is known (`curvature`; `scoreLaw` passes it): each constant is
 * written as an integer multiple of its own precision δ_j, the step that minimises the bits of the constant
 * plus the expected extra data bits of rounding it (½·I_jj·δ_j²/12 nats = ½·log2(e) bits), as in
 * Wallace–Freeman or Bartlett, Desmond & Ferreira's Fisher-information code for symbolic regression. A
 * constant that the data pin down to 1 % costs about 7 bits more than its sign; one they barely constrain
 * (|θ| < δ) costs only its sign and the rounding bits. The precision depends on θ's scale only through the
 * ratio |θ|/δ, so rescaling a variable changes no price. s² is floored at ε²/12 (the target's own
 * quantisation noise), so an exact fit prices each constant to the precision the recorded digits carry.
 * Without curvature every constant costs ½·log2(n) + 1 (the asymptotic two-part code of n rows).
 *
 *   L(data | law) = Σ_i max(0, ½·log2(2πe·s²/ε²) + log2 g_i)   Gaussian code of the residuals quantised to ε
 *                 = n·½·log2(2πe·s²/ε²) + Σ_i log2 g_i           (when no row is clamped)
 *
 * where K = 14 unary + 7 binary + 4 leaf kinds (number, π, variable, fitted constant) = 25, n is the number of
 * rows, g_i is the row's noise scale (its expected spread in units of a common σ: 1 for absolute noise, |y_i|
 * for relative noise, sqrt(y_i) for counts; see `noiseScales` in core/noise.ts), s² = Σ((y_i − f_i)/g_i)²/n is the variance of
 * the standardised residuals (the SSE/n of the unweighted code when every g_i = 1, which is the default), and
 * ε = 2⁻²⁰·scale(target) (about six significant digits of the target's spread) is the precision at which the
 * data are recorded. Row i is coded by a Gaussian of width s·g_i: −log2 of the probability of its ε-wide bin.
 * That probability is at most 1, hence the clamp per row: a row recorded more coarsely than its noise costs
 * 0 bits, and the total is never negative. ε, g and V depend on the evidence only, so totals compare between
 * laws on the same evidence (pass the evidence's variable count as `variableCount` and its `scales`); the
 * Σ log2 g_i term is then common to every law and changes no comparison. A law that predicts NaN or
 * ±Infinity on any row with a finite target costs Infinity data bits.
 */
export interface MdlOptions {
  /** Number of input variables the evidence offers (default: the distinct variables the law uses, at least 1). */
  variableCount?: number;
  /** Quantisation precision ε of the target (default 2⁻²⁰·scale of the target). */
  precision?: number;
  /**
   * Per-row noise scales g_i (positive, same length as the target; see `noiseScales`). Absent: absolute noise,
   * every g_i = 1, and the code is exactly the unweighted one.
   */
  scales?: ArrayLike<number>;
  /**
   * Per fitted constant j (by param index), the law's sensitivity Σ_i (∂f_i/∂θ_j / g_i)² over the counted rows,
   * and the constants θ_j themselves: each constant is then priced by its Fisher information (see the module
   * formula). Absent, or a non-finite entry: that constant costs ½·log2(n) + 1.
   */
  curvature?: ArrayLike<number>;
}

/** Number of node kinds in the structure code: unary ops, binary ops, and number/π/variable/constant leaves. */
export const NODE_KINDS = UNARY_OPS.length + BINARY_OPS.length + 4;

/** Bits of the Elias-γ code of a positive integer k: 2·⌊log2 k⌋ + 1. */
export function eliasGammaBits(k: number): number {
  if (!(k >= 1)) return Infinity;
  return 2 * Math.floor(Math.log2(k)) + 1;
}

/** Bits for an exact literal: small fractions p/q (q ≤ 1000) by Elias-γ codes; other numbers cost a full double. */
export function literalBits(value: number): number {
  if (!Number.isFinite(value)) return 64;
  const a = Math.abs(value);
  for (let q = 1; q <= 1000; q++) {
    const p = Math.round(a * q);
    if (p < 2 ** 40 && Math.abs(p / q - a) <= 1e-12 * Math.max(a, 1e-300)) {
      return 1 + eliasGammaBits(p + 1) + (q === 1 ? 1 : eliasGammaBits(q) + 1);
    }
    if (a * q > 2 ** 40) break;
  }
  return 64;
}

/** Bits of the rounding loss of a constant at its optimal precision: ½ nat. */
const ROUNDING_BITS = 0.5 * Math.log2(Math.E);

/**
 * Bits of one fitted constant of value `value` whose Fisher information is `information` (see the module
 * formula): its sign, the rounding loss, and the multiples of its precision δ = sqrt(12/I) that |θ| spans.
 * Undefined when the information is not a non-negative finite number.
 */
export function fisherParamBits(value: number, information: number): number | undefined {
  if (!(information >= 0) || !Number.isFinite(information) || !Number.isFinite(value)) return undefined;
  const steps = Math.abs(value) * Math.sqrt(information / 12);
  return 1 + ROUNDING_BITS + Math.max(0, Math.log2(steps));
}

/** Bits of a fitted constant without its Fisher information: ½·log2(n) + 1. */
function flatParamBits(rowCount: number): number {
  return 0.5 * Math.log2(Math.max(2, rowCount)) + 1;
}

/**
 * Bits to describe the law itself: structure, variables, literals and fitted constants (see the module
 * formula). `paramBits` gives the price of each constant by param index (from `fisherParamBits`); a missing
 * or non-finite entry costs ½·log2(n) + 1.
 */
export function lawBits(expr: Expr, rowCount: number, opts: MdlOptions = {}, paramBits?: ArrayLike<number>): number {
  const stats = { nodes: 0, varLeaves: 0, literals: 0, params: new Set<number>() };
  const vars = new Set<string>();
  const walk = (e: Expr): void => {
    stats.nodes += 1;
    switch (e.kind) {
      case "var":
        stats.varLeaves += 1;
        vars.add(e.name);
        break;
      case "num":
        stats.literals += literalBits(e.value);
        break;
      case "param":
        stats.params.add(e.index);
        break;
      case "unary":
        walk(e.arg);
        break;
      case "binary":
        walk(e.left);
        walk(e.right);
        break;
    }
  };
  walk(expr);
  const v = Math.max(1, opts.variableCount ?? vars.size);
  let constants = 0;
  for (const j of stats.params) {
    const b = paramBits?.[j];
    constants += b !== undefined && Number.isFinite(b) ? b : flatParamBits(rowCount);
  }
  return stats.nodes * Math.log2(NODE_KINDS) + stats.varLeaves * Math.log2(v) + stats.literals + constants;
}

/** Default quantisation precision of a target: 2⁻²⁰ times its standard deviation (or mean magnitude, or 1). */
export function defaultPrecision(target: ArrayLike<number>): number {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    n += 1;
    const delta = y - mean;
    mean += delta / n;
    m2 += delta * (y - mean);
  }
  const sd = n > 1 ? Math.sqrt(m2 / n) : 0;
  const scale = sd > 0 ? sd : Math.abs(mean) > 0 ? Math.abs(mean) : 1;
  return scale * 2 ** -20;
}

/**
 * Bits to describe the target given the law's predictions (Gaussian residual code at precision ε, never
 * negative), with residuals standardised by `opts.scales` when given (see the module formula).
 */
export function dataBits(target: ArrayLike<number>, predicted: ArrayLike<number>, opts: MdlOptions = {}): number {
  const eps = opts.precision ?? defaultPrecision(target);
  const g = opts.scales;
  if (g && g.length !== target.length) throw new Error(`dataBits: ${g.length} scales for ${target.length} rows`);
  let n = 0;
  let sse = 0;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    let r = predicted[i] - y;
    if (!Number.isFinite(r)) return Infinity;
    if (g) r /= g[i];
    n += 1;
    sse += r * r;
  }
  if (n === 0) return 0;
  if (!Number.isFinite(sse)) return Infinity;
  const variance = sse / n;
  if (variance === 0) return 0;
  // In logarithms, so that tiny precisions or huge residuals cannot overflow the ratio.
  const safeEps = Number.isFinite(eps) && eps > 0 ? eps : Number.MIN_VALUE;
  const perRow = 0.5 * (Math.log2(2 * Math.PI * Math.E) + Math.log2(variance)) - Math.log2(safeEps);
  if (!g) return n * Math.max(0, perRow);
  let bits = 0;
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) bits += Math.max(0, perRow + Math.log2(g[i]));
  return bits;
}

/**
 * Description length of a fitted law on some evidence: `{ model, data, total }` in bits, never negative.
 * With `opts.curvature` each constant is priced by its Fisher information at `params`; without, `params`
 * does not matter (every constant costs ½·log2(n) + 1).
 */
export function descriptionLength(
  expr: Expr,
  params: ArrayLike<number>,
  target: Float64Array,
  predicted: Float64Array,
  opts: MdlOptions = {},
): Bits {
  let rows = 0;
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) rows += 1;
  const model = lawBits(expr, rows, opts, opts.curvature ? fisherBitsOf(params, opts.curvature, target, predicted, opts) : undefined);
  const data = dataBits(target, predicted, opts);
  return { model, data, total: model + data };
}

/** The Fisher price of each constant (see the module formula); NaN where its curvature is unknown. */
function fisherBitsOf(params: ArrayLike<number>, curvature: ArrayLike<number>, target: ArrayLike<number>, predicted: ArrayLike<number>, opts: MdlOptions): number[] {
  const eps = opts.precision ?? defaultPrecision(target);
  const g = opts.scales;
  let n = 0;
  let sse = 0;
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i])) continue;
    const r = (predicted[i] - target[i]) / (g ? g[i] : 1);
    n += 1;
    sse += r * r;
  }
  // The residual variance, never below the quantisation noise of the recorded digits (ε on the standardised scale).
  const gMean = g ? geometricMeanScale(target, g) : 1;
  const floor = (eps / gMean) ** 2 / 12;
  const s2 = Math.max(n > 0 ? sse / n : 0, floor);
  return Array.from({ length: params.length }, (_, j) => fisherParamBits(params[j], curvature[j] / s2) ?? NaN);
}

/** Geometric mean of the noise scales over the counted rows (the typical g_i, to put ε on the standardised scale). */
function geometricMeanScale(target: ArrayLike<number>, g: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < target.length; i++) {
    if (!Number.isFinite(target[i]) || !(g[i] > 0)) continue;
    n += 1;
    sum += Math.log(g[i]);
  }
  return n > 0 ? Math.exp(sum / n) : 1;
}
