/**
 * Powers with the exact semantics shared by the compiled evaluator and the interpreter. Small integer
 * exponents use multiplication (Math.pow is several times slower), so `x^4` costs what `x*x*x*x` costs.
 */

/** Largest |k| for which an integer power is computed by repeated squaring. */
export const MAX_INT_POWER = 16;

/** a^k for an integer k with |k| ≤ MAX_INT_POWER, by binary exponentiation. */
export function ipow(a: number, k: number): number {
  let n = k < 0 ? -k : k;
  let r = 1;
  let b = a;
  while (n > 0) {
    if (n & 1) r *= b;
    n >>= 1;
    if (n > 0) b *= b;
  }
  return k < 0 ? 1 / r : r;
}

/** a^b: the shortcuts for common exponents, `ipow` for small integers, Math.pow otherwise. */
export function powFast(a: number, b: number): number {
  switch (b) {
    case 2:
      return a * a;
    case 3:
      return a * a * a;
    case 1:
      return +a;
    case -1:
      return 1 / a;
    case -2:
      return 1 / (a * a);
    case 0.5:
      return Math.sqrt(a);
  }
  if (Number.isInteger(b) && b !== 0 && Math.abs(b) <= MAX_INT_POWER) return ipow(a, b);
  return Math.pow(a, b);
}

/** Helpers handed to generated code (as `H`). */
export const POW_HELPERS = Object.freeze({ ipow, powFast });
