/**
 * The family of one-argument shapes g(u) the template fast path tries in y ≈ A·m1·g(k·m2). Each shape
 * that recurs in physics appears once: forms that differ from one here only by a monomial factor
 * (u/(eᵘ−1), u·e⁻ᵘ, u²·g(u), …) are already covered because m1 is searched over all monomials,
 * including powers of m2. Every shape knows its log-magnitude (computed stably for the scan, which
 * works in log space) and how to write itself as a tree with fitted constants c0 (amplitude) and c1
 * (scale of the argument).
 */
import { add, binary, mul, num, param, sub, unary, type Expr } from "../expr/ast.js";

/** One shape g of the template family. */
export interface TemplateShape {
  /** Short name, used in candidate sources (`template-<name>`). */
  name: string;
  /** The shape in words, for documentation and debugging. */
  formula: string;
  /**
   * log|g(u)| and the sign of g(u); NaN log when g(u) is zero, undefined or not finite there.
   * Written with expm1/log1p so that both the small- and the large-argument regimes keep precision.
   */
  logAbs(u: number): number;
  /**
   * Whether the scan tries negative k as well. Not for even shapes (the sign is irrelevant), odd ones
   * (it only flips A) or the occupation shapes, whose negative branch is an offset mirror of the
   * positive one (1/(e⁻ᵘ − 1) = −1 − 1/(eᵘ − 1)) and, on data that never reach the physics, merely a
   * flexible curve.
   */
  bothSigns: boolean;
  /** Sign of g(u) (±1; 0 where undefined). */
  sign(u: number): number;
  /**
   * The law c0·m1·g(k·m2) as a tree, and the starting values of its params from amplitude A and
   * argument scale k (some shapes fold k into c1 as −k or k²). `m2sq` is the monomial m2².
   */
  law(m1: Expr, m2: Expr, m2sq: Expr, amplitude: number, k: number): { expr: Expr; params: number[] };
}

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

const times = (m1: Expr, rest: Expr): Expr => mul(mul(param(0), m1), rest);
const over = (m1: Expr, denominator: Expr): Expr => binary("/", mul(param(0), m1), denominator);

/** The documented template family (see the module comment). */
export const TEMPLATE_SHAPES: readonly TemplateShape[] = [
  {
    name: "bose-einstein",
    bothSigns: false,
    formula: "1/(exp(u) - 1)",
    // For u > 0: −log(eᵘ − 1) = −u − log(1 − e⁻ᵘ); for u < 0 the magnitude is 1/(1 − eᵘ).
    logAbs: (u) => (u > 0 ? -u - Math.log1p(-Math.exp(-u)) : u < 0 ? -Math.log(-Math.expm1(u)) : NaN),
    sign: (u) => Math.sign(u),
    law: (m1, m2, _sq, a, k) => ({ expr: over(m1, sub(unary("exp", mul(param(1), m2)), num(1))), params: [a, k] }),
  },
  {
    name: "fermi-dirac",
    bothSigns: false,
    formula: "1/(exp(u) + 1)",
    logAbs: (u) => -softplus(u),
    sign: () => 1,
    law: (m1, m2, _sq, a, k) => ({ expr: over(m1, add(unary("exp", mul(param(1), m2)), num(1))), params: [a, k] }),
  },
  {
    name: "exp",
    bothSigns: true,
    formula: "exp(-u)",
    logAbs: (u) => -u,
    sign: () => 1,
    law: (m1, m2, _sq, a, k) => ({ expr: times(m1, unary("exp", mul(param(1), m2))), params: [a, -k] }),
  },
  {
    name: "gaussian",
    bothSigns: false,
    formula: "exp(-u^2)",
    logAbs: (u) => -u * u,
    sign: () => 1,
    law: (m1, _m2, sq, a, k) => ({ expr: times(m1, unary("exp", mul(param(1), sq))), params: [a, -k * k] }),
  },
  {
    name: "hyperbolic",
    bothSigns: true,
    formula: "1/(1 + u)",
    logAbs: (u) => -Math.log(Math.abs(1 + u)),
    sign: (u) => Math.sign(1 + u),
    law: (m1, m2, _sq, a, k) => ({ expr: over(m1, add(num(1), mul(param(1), m2))), params: [a, k] }),
  },
  {
    name: "lorentzian",
    bothSigns: false,
    formula: "1/(1 + u^2)",
    logAbs: (u) => -Math.log1p(u * u),
    sign: () => 1,
    law: (m1, _m2, sq, a, k) => ({ expr: over(m1, add(num(1), mul(param(1), sq))), params: [a, k * k] }),
  },
  {
    name: "tanh",
    bothSigns: false,
    formula: "tanh(u)",
    logAbs: (u) => Math.log(Math.abs(Math.tanh(u))),
    sign: (u) => Math.sign(u),
    law: (m1, m2, _sq, a, k) => ({ expr: times(m1, unary("tanh", mul(param(1), m2))), params: [a, k] }),
  },
  {
    name: "log1p",
    bothSigns: true,
    formula: "log(1 + u)",
    logAbs: (u) => (u > -1 ? Math.log(Math.abs(Math.log1p(u))) : NaN),
    sign: (u) => Math.sign(u),
    law: (m1, m2, _sq, a, k) => ({ expr: times(m1, unary("log", add(num(1), mul(param(1), m2)))), params: [a, k] }),
  },
];
