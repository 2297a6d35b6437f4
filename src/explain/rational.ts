/**
 * Snapping fitted numbers to simple rationals: exponents of physical laws are almost always
 * small fractions (1, 2, −1, 1/2, 3/2, 1/3…), and a snapped exponent is both exact and cheaper to describe.
 */

/** A fraction num/den in lowest terms with den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/** Greatest common divisor of two integers. */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The fraction with denominator ≤ maxDen nearest to x (ties go to the smaller denominator). */
export function nearestFraction(x: number, maxDen: number): Fraction {
  let best: Fraction = { num: Math.round(x), den: 1 };
  let bestErr = Math.abs(x - best.num);
  for (let den = 2; den <= maxDen; den++) {
    const num = Math.round(x * den);
    const err = Math.abs(x - num / den);
    if (err < bestErr - 1e-12) {
      const g = gcd(num, den) || 1;
      best = { num: num / g, den: den / g };
      bestErr = err;
    }
  }
  return best;
}

/** Numeric value of a fraction. */
export function fractionValue(f: Fraction): number {
  return f.num / f.den;
}
