/**
 * Snapping fitted numbers to simple rationals: exponents of physical laws are almost always
 * small fractions (1, 2, −1, 1/2, 3/2, 1/3…), and a snapped exponent is both exact and cheaper to describe.
 */
import type { Fraction } from "../expr/rational.js";

/** Greatest common divisor of two integers. */
function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The fraction with denominator ≤ maxDen nearest to x (ties go to the smaller denominator). */
export function nearestFraction(x: number, maxDen: number): Fraction {
  let best: Fraction = { n: Math.round(x), d: 1 };
  let bestErr = Math.abs(x - best.n);
  for (let den = 2; den <= maxDen; den++) {
    const num = Math.round(x * den);
    const err = Math.abs(x - num / den);
    if (err < bestErr - 1e-12) {
      const g = gcd(num, den) || 1;
      best = { n: num / g, d: den / g };
      bestErr = err;
    }
  }
  return best;
}
