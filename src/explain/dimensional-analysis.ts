/**
 * Buckingham π: with the unit of every column known, the target is a unit-carrying monomial of the
 * inputs times a function of dimensionless groups. The groups come from the null space of the
 * dimension matrix; we pick the set of "repeating" variables that gives the simplest exponents, so
 * the search sees fewer, well-scaled variables (AI Feynman's first and strongest trick).
 */
import { fracValue, type Fraction } from "../expr/rational.js";
import { nearestFraction } from "./rational.js";

/** A product ∏ varᵢ^expᵢ (exponents as fractions; zero exponents omitted). */
export type MonomialSpec = Record<string, Fraction>;

/** The problem rewritten in dimensionless form: target = carrier · f(groups). */
export interface PiReduction {
  /** Monomial of the inputs with the target's unit. */
  carrier: MonomialSpec;
  /** Dimensionless groups, named pi1, pi2…, each a monomial of the inputs. */
  groups: { name: string; monomial: MonomialSpec }[];
}

const EPS = 1e-9;

/**
 * Finds the simplest π reduction, or null when the target's unit is not a product of the inputs'
 * units (inconsistent or incomplete units), in which case the search runs on the raw variables.
 * `dims` holds one exponent vector per variable (all of equal length); `target` the target's vector.
 */
export function piReduction(variables: readonly string[], dims: readonly number[][], target: readonly number[]): PiReduction | null {
  return piReductions(variables, dims, target, 1)[0] ?? null;
}

/**
 * The `max` simplest distinct π reductions, simplest first (ties keep the variable order). Different
 * choices of repeating variables give different carriers (m·v² or m·c²), and a law may be much
 * simpler in one of them, so the fast paths try several.
 */
export function piReductions(variables: readonly string[], dims: readonly number[][], target: readonly number[], max: number): PiReduction[] {
  const n = variables.length;
  const k = target.length;
  // Only dimension rows that some column uses matter; the others must be zero in the target too.
  const rows: number[] = [];
  for (let r = 0; r < k; r++) {
    if (dims.some((d) => Math.abs(d[r]) > EPS)) rows.push(r);
    else if (Math.abs(target[r]) > EPS) return [];
  }
  const matrix = rows.map((r) => dims.map((d) => d[r]));
  const rhs = rows.map((r) => target[r]);
  const rank = matrixRank(matrix);
  const found: { score: number; red: PiReduction; key: string }[] = [];
  for (const pivots of combinations(n, rank)) {
    const sub = matrix.map((row) => pivots.map((j) => row[j]));
    if (matrixRank(sub) < rank) continue;
    const carrierExp = solveRational(sub, rhs);
    if (!carrierExp) continue;
    const carrier: MonomialSpec = {};
    pivots.forEach((j, t) => {
      if (carrierExp[t].n !== 0) carrier[variables[j]] = carrierExp[t];
    });
    const groups: PiReduction["groups"] = [];
    let score = complexityOf(carrier);
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      if (pivots.includes(j)) continue;
      // x_j · ∏ pivots^(−a) is dimensionless where sub·a = column j.
      const a = solveRational(sub, matrix.map((row) => row[j]));
      if (!a) {
        ok = false;
        break;
      }
      const mono: MonomialSpec = { [variables[j]]: { n: 1, d: 1 } };
      pivots.forEach((p, t) => {
        if (a[t].n !== 0) mono[variables[p]] = { n: -a[t].n, d: a[t].d };
      });
      score += complexityOf(mono);
      groups.push({ name: `pi${groups.length + 1}`, monomial: mono });
    }
    if (!ok) continue;
    const key = JSON.stringify([carrier, groups.map((g) => g.monomial)]);
    if (!found.some((f) => f.key === key)) found.push({ score, red: { carrier, groups }, key });
  }
  return found
    .map((f, i) => ({ ...f, i }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, max)
    .map((f) => f.red);
}

/** Evaluates ∏ colᵢ^expᵢ row by row. */
export function evaluateMonomial(spec: MonomialSpec, columns: Record<string, Float64Array>, n: number): Float64Array {
  const out = new Float64Array(n).fill(1);
  for (const [name, f] of Object.entries(spec)) {
    const col = columns[name];
    const p = fracValue(f);
    for (let i = 0; i < n; i++) out[i] *= p === 1 ? col[i] : Math.pow(col[i], p);
  }
  return out;
}

function complexityOf(spec: MonomialSpec): number {
  let s = 0;
  for (const f of Object.values(spec)) s += 1 + Math.abs(f.n) + (f.d - 1) * 2;
  return s;
}

function* combinations(n: number, r: number): Generator<number[]> {
  const idx = Array.from({ length: r }, (_, i) => i);
  if (r > n) return;
  if (r === 0) {
    yield [];
    return;
  }
  for (;;) {
    yield idx.slice();
    let i = r - 1;
    while (i >= 0 && idx[i] === n - r + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
}

/** Rank by Gaussian elimination with partial pivoting. */
export function matrixRank(m: readonly number[][]): number {
  const a = m.map((r) => r.slice());
  const rows = a.length;
  const cols = rows ? a[0].length : 0;
  let rank = 0;
  for (let c = 0; c < cols && rank < rows; c++) {
    let p = rank;
    for (let r = rank + 1; r < rows; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < EPS) continue;
    [a[rank], a[p]] = [a[p], a[rank]];
    for (let r = 0; r < rows; r++) {
      if (r === rank) continue;
      const f = a[r][c] / a[rank][c];
      for (let cc = c; cc < cols; cc++) a[r][cc] -= f * a[rank][cc];
    }
    rank++;
  }
  return rank;
}

/** Solves the (row-overdetermined, full column rank) system A·x = b exactly, as small fractions; null if inconsistent. */
function solveRational(a: readonly number[][], b: readonly number[]): Fraction[] | null {
  const rows = a.length;
  const cols = rows ? a[0].length : 0;
  const m = a.map((r, i) => [...r, b[i]]);
  const where: number[] = new Array(cols).fill(-1);
  let row = 0;
  for (let c = 0; c < cols && row < rows; c++) {
    let p = row;
    for (let r = row + 1; r < rows; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < EPS) continue;
    [m[row], m[p]] = [m[p], m[row]];
    for (let r = 0; r < rows; r++) {
      if (r === row) continue;
      const f = m[r][c] / m[row][c];
      for (let cc = c; cc <= cols; cc++) m[r][cc] -= f * m[row][cc];
    }
    where[c] = row;
    row++;
  }
  for (let r = row; r < rows; r++) if (Math.abs(m[r][cols]) > 1e-7) return null;
  const x: Fraction[] = [];
  for (let c = 0; c < cols; c++) {
    if (where[c] < 0) return null;
    const val = m[where[c]][cols] / m[where[c]][c];
    const f = nearestFraction(val, 12);
    if (Math.abs(fracValue(f) - val) > 1e-7) return null;
    x.push(f);
  }
  return x;
}
