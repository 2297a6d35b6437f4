/**
 * Physical dimensions as exponent vectors over the SI base units, their algebra, and the named units.
 */

/** The SI base dimensions, in the order of a `Dimension` vector. */
export const BASE_DIMENSIONS = ["m", "s", "kg", "K", "A", "mol", "cd"] as const;

/** Exponents over m, s, kg, K, A, mol, cd (rational exponents such as ½ appear under square roots). */
export type Dimension = readonly [number, number, number, number, number, number, number];

/** The dimension of a pure number. */
export const DIMENSIONLESS: Dimension = Object.freeze([0, 0, 0, 0, 0, 0, 0]) as Dimension;

const d = (m: number, s: number, kg: number, K = 0, A = 0, mol = 0, cd = 0): Dimension => Object.freeze([m, s, kg, K, A, mol, cd]) as Dimension;

/** Named units and the dimensions they stand for (prefixes are accepted on top of these). */
export const UNITS: Readonly<Record<string, Dimension>> = Object.freeze({
  "1": DIMENSIONLESS,
  m: d(1, 0, 0),
  s: d(0, 1, 0),
  kg: d(0, 0, 1),
  g: d(0, 0, 1),
  K: d(0, 0, 0, 1),
  A: d(0, 0, 0, 0, 1),
  mol: d(0, 0, 0, 0, 0, 1),
  cd: d(0, 0, 0, 0, 0, 0, 1),
  rad: DIMENSIONLESS,
  sr: DIMENSIONLESS,
  Hz: d(0, -1, 0),
  N: d(1, -2, 1),
  Pa: d(-1, -2, 1),
  J: d(2, -2, 1),
  W: d(2, -3, 1),
  C: d(0, 1, 0, 0, 1),
  V: d(2, -3, 1, 0, -1),
  F: d(-2, 4, -1, 0, 2),
  ohm: d(2, -3, 1, 0, -2),
  "Ω": d(2, -3, 1, 0, -2),
  S: d(-2, 3, -1, 0, 2),
  Wb: d(2, -2, 1, 0, -1),
  T: d(0, -2, 1, 0, -1),
  H: d(2, -2, 1, 0, -2),
  L: d(3, 0, 0),
  eV: d(2, -2, 1),
  min: d(0, 1, 0),
  h: d(0, 1, 0),
});

/** Whether two dimensions are equal (exponents compared to 1e-9, since square roots give halves). */
export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
}

/** a · b */
export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  return a.map((x, i) => x + b[i]) as unknown as Dimension;
}

/** a ^ k */
export function powerDimension(a: Dimension, k: number): Dimension {
  return a.map((x) => x * k) as unknown as Dimension;
}

/** Whether a dimension is that of a pure number. */
export function isDimensionless(a: Dimension): boolean {
  return sameDimension(a, DIMENSIONLESS);
}

/** Prints a dimension in base units, e.g. `kg*m^2/s^2`, or `1`. */
export function formatDimension(a: Dimension): string {
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6));
  const order = [2, 0, 4, 3, 5, 6, 1]; // kg m A K mol cd s reads like the usual J = kg*m^2/s^2
  const top: string[] = [];
  const bottom: string[] = [];
  for (const i of order) {
    const x = a[i];
    if (Math.abs(x) < 1e-9) continue;
    const name = BASE_DIMENSIONS[i];
    const e = Math.abs(x);
    (x > 0 ? top : bottom).push(e === 1 ? name : `${name}^${fmt(e)}`);
  }
  if (top.length === 0 && bottom.length === 0) return "1";
  const num = top.length ? top.join("*") : "1";
  if (bottom.length === 0) return num;
  return `${num}/${bottom.length > 1 ? `(${bottom.join("*")})` : bottom[0]}`;
}


/**
 * The dimension of one row of the Feynman benchmark's `units.csv`, whose columns are exponents of m, s, kg,
 * T and V. In that file T is temperature (kelvin — `T`, `T1`, `T2` and the `K` in `kb` use it) and V is the
 * volt (kg·m²·s⁻³·A⁻¹); charge appears as J/V, magnetic field as V·s/m².
 */
export function dimensionFromFeynmanRow(row: { m: number; s: number; kg: number; T: number; V: number }): Dimension {
  const volt = UNITS.V;
  const base = d(row.m, row.s, row.kg, row.T);
  return Object.freeze(multiplyDimensions(base, powerDimension(volt, row.V)).map((x) => (Object.is(x, -0) ? 0 : x))) as unknown as Dimension;
}
