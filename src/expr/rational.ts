/**
 * Exact fractions for the coefficients the simplifier collects (so `x*2/3` stays `2*x/3` rather than becoming
 * `0.6666666666666666*x`). Non-integer parts fall back to a float numerator or denominator.
 */
export interface Fraction {
  readonly n: number;
  readonly d: number;
}

const SAFE = 2 ** 40;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function exactInts(...xs: number[]): boolean {
  return xs.every((x) => Number.isInteger(x) && Math.abs(x) < SAFE);
}

/** A fraction in lowest terms with a positive denominator. */
export function frac(n: number, d = 1): Fraction {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n === 0) return { n: 0, d: 1 };
  if (exactInts(n, d)) {
    const g = gcd(n, d);
    return { n: n / g, d: d / g };
  }
  if (Number.isInteger(d) && d === 1) return { n, d: 1 };
  return { n, d };
}

/** The fraction's value as a float. */
export function fracValue(f: Fraction): number {
  return f.n / f.d;
}

/** a · b */
export function fracMul(a: Fraction, b: Fraction): Fraction {
  if (exactInts(a.n * b.n, a.d * b.d)) return frac(a.n * b.n, a.d * b.d);
  if (a.d === b.n && a.d !== 0) return frac(a.n, b.d);
  if (b.d === a.n && b.d !== 0) return frac(b.n, a.d);
  return frac(a.n * b.n, a.d * b.d);
}

/** a / b */
export function fracDiv(a: Fraction, b: Fraction): Fraction {
  return fracMul(a, { n: b.d, d: b.n });
}

/** a + b */
export function fracAdd(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return frac(a.n + b.n, a.d);
  if (exactInts(a.n, a.d, b.n, b.d) && exactInts(a.n * b.d + b.n * a.d, a.d * b.d)) return frac(a.n * b.d + b.n * a.d, a.d * b.d);
  return frac(fracValue(a) + fracValue(b));
}
