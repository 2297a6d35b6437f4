/**
 * Recognising a fitted constant as a simple exact number (2π, π/2, e, √2, 3/2 …). A fitted constant is
 * stated to its precision, about log₂(|c|/σ) bits; an exact number from a catalogue ordered by simplicity
 * costs about log₂(rank + 2) bits (its place in the catalogue, plus one for a sign). The exact form is
 * offered when it lies within two standard errors of the fit and costs no more bits than the fitted value.
 */

/** A recognised constant. */
export interface RecognisedConstant {
  /** The exact value. */
  value: number;
  /** How people write it: `2π`, `π/2`, `3/2`, `√2`, `e`, `-1/3`. */
  label: string;
  /** Distance from the fitted value in standard errors. */
  sigmas: number;
  /** Bits of the exact form (catalogue rank and sign). */
  bits: number;
}

interface Entry {
  value: number;
  label: string;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The catalogue, simplest first: integers, the common irrationals, then fractions by denominator and π multiples. */
const CATALOGUE: readonly Entry[] = (() => {
  const out: Entry[] = [];
  const seen = new Set<number>();
  const push = (value: number, label: string): void => {
    const key = Math.round(value * 1e12);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ value, label });
  };
  for (let i = 1; i <= 4; i++) push(i, String(i));
  push(0.5, "1/2");
  push(Math.PI, "π");
  push(2 * Math.PI, "2π");
  push(Math.E, "e");
  push(Math.SQRT2, "√2");
  push(Math.PI / 2, "π/2");
  for (let i = 5; i <= 12; i++) push(i, String(i));
  // Halves up to 12 (exponents such as 9/2), other fractions up to 2.
  for (let q = 2; q <= 6; q++) for (let p = 1; p <= (q === 2 ? 24 : 2 * q); p++) if (gcd(p, q) === 1) push(p / q, `${p}/${q}`);
  push(Math.sqrt(3), "√3");
  push(Math.SQRT1_2, "1/√2");
  push(Math.LN2, "ln 2");
  push(1 / Math.E, "1/e");
  push(Math.PI / 4, "π/4");
  push(4 * Math.PI, "4π");
  push(1 / Math.PI, "1/π");
  push(1 / (2 * Math.PI), "1/(2π)");
  push(Math.PI * Math.PI, "π²");
  push(Math.sqrt(Math.PI), "√π");
  push(Math.sqrt(2 * Math.PI), "√(2π)");
  push(Math.PI / 3, "π/3");
  push((3 * Math.PI) / 2, "3π/2");
  push(Math.LN10, "ln 10");
  return out;
})();

/**
 * The simplest catalogue number within two standard errors of `value` whose exact form costs no more bits than
 * stating `value` to its precision; undefined when none (or when `stderr` is not a positive finite number).
 */
export function recogniseConstant(value: number, stderr: number): RecognisedConstant | undefined {
  if (!Number.isFinite(value) || value === 0 || !(stderr > 0) || !Number.isFinite(stderr)) return undefined;
  const fittedBits = Math.log2(Math.abs(value) / stderr);
  const sign = value < 0 ? -1 : 1;
  for (let rank = 0; rank < CATALOGUE.length; rank++) {
    const entry = CATALOGUE[rank];
    const bits = Math.log2(rank + 2) + (sign < 0 ? 1 : 0);
    if (bits > fittedBits) return undefined;
    const exact = sign * entry.value;
    const sigmas = Math.abs(value - exact) / stderr;
    if (sigmas <= 2) return { value: exact, label: sign < 0 ? `-${entry.label}` : entry.label, sigmas, bits };
  }
  return undefined;
}
