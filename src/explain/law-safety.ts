/**
 * Is a law safe to use where the data are? A law can fit every row and still be wrong between and just
 * beyond them: undefined (NaN or ±∞) for inputs a user will try next, blowing up at a pole, or crossing zero
 * where every measurement is positive (a creep rate of zero at 755 K). These checks sample the box spanned
 * by the inputs, extended 10 % beyond the data on each side, plus lines along each input and the segments
 * between neighbouring rows, and report what they find. They are pure: no fitting, one compiled evaluation.
 */
import { compile, variablesOf, type Expr } from "../expr/index.js";
import { Rng } from "../random/index.js";

/** How far beyond the data the checks look, as a share of each input's range (or of its decades). */
export const EXTENSION = 0.1;
/** A law whose |f − ȳ| exceeds this multiple of the data's largest |y − ȳ| somewhere in the box is taken to blow up. */
export const BLOW_UP_FACTOR = 100;
/** Between two neighbouring rows of one-signed data, a law falling below this share of its value at both rows reaches zero. */
export const DIP_SHARE = 1e-3;

/** What is wrong with a law near the data. */
export type SafetyKind = "undefined" | "pole" | "sign";

/** One problem found, with a sentence for the user. */
export interface SafetyFlag {
  kind: SafetyKind;
  message: string;
}

/** The evidence the checks need: input columns in `variables` order and the target. */
export interface SafetyData {
  variables: readonly string[];
  columns: readonly Float64Array[];
  target: Float64Array;
}

/** Options of `lawSafety`. */
export interface SafetyOptions {
  /** Seed of the random points (default 0). */
  seed?: number;
  /** Random points in the extended box (default 512). */
  samples?: number;
}

/**
 * The range an input is checked over: its data range extended by `EXTENSION` on each side. An input that is
 * positive in every row is extended by the smaller of 10 % of its range and 10 % of its decades, so that a
 * positive quantity (a stress from 1 to 100 MPa) is never checked at zero or below, where x^4.5 or log x
 * are undefined for reasons that have nothing to do with the law; a negative one alike.
 */
export function extendedRange(column: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return [0, 0];
  const span = hi - lo;
  let a = lo - EXTENSION * span;
  let b = hi + EXTENSION * span;
  if (lo > 0) {
    a = Math.max(a, lo * (lo / hi) ** EXTENSION);
    b = Math.min(b, hi * (hi / lo) ** EXTENSION);
  } else if (hi < 0) {
    a = Math.max(a, lo * (lo / hi) ** EXTENSION);
    b = Math.min(b, hi * (hi / lo) ** EXTENSION);
  }
  return [a, b];
}

/** The problems of a law with constants `params` near `data` (see the module comment); empty when none. */
export function lawSafety(expr: Expr, params: readonly number[], evidence: SafetyData, opts: SafetyOptions = {}): SafetyFlag[] {
  // Only the inputs the law reads span its box (a table may have thousands of columns).
  const used = new Set(variablesOf(expr));
  const keep = evidence.variables.flatMap((v, j) => (used.has(v) ? [j] : []));
  const data: SafetyData = { variables: keep.map((j) => evidence.variables[j]), columns: keep.map((j) => evidence.columns[j]), target: evidence.target };
  const d = data.variables.length;
  const rows = countedRows(data);
  if (rows.length < 2 || d === 0) return [];
  const ranges = data.columns.map(extendedRange);
  const dataRanges = data.columns.map((c) => dataRange(c, rows));
  const rng = new Rng(opts.seed ?? 0);
  const program = compile(expr, [...data.variables]);
  const evaluate = (points: readonly Float64Array[]): Float64Array => program.evaluate([...points], params, new Float64Array(points[0].length));

  // Points in the extended box: random ones, the corners, and lines along each input through random rows.
  const box = boxPoints(ranges, data, rows, opts.samples ?? 512, rng);
  const boxValues = evaluate(box);
  // Points between neighbouring rows (inside the data's hull) for the sign check.
  const seg = segmentPoints(data, rows, rng);

  const flags: SafetyFlag[] = [];
  const bad = firstIndex(boxValues, (v) => !Number.isFinite(v));
  if (bad >= 0) flags.push({ kind: "undefined", message: `is undefined (${boxValues[bad]}) at ${where(data.variables, box, bad)}, within 10 % of the data's range` });

  const ys = rows.map((i) => data.target[i]);
  const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
  const spread = ys.reduce((m, y) => Math.max(m, Math.abs(y - mean)), 0);
  const limit = BLOW_UP_FACTOR * (spread > 0 ? spread : Math.abs(mean) || 1);
  const segValues = seg.points[0].length > 0 ? evaluate(seg.points) : new Float64Array(0);
  const rowValues = evaluate(data.columns);
  const huge = firstIndex(boxValues, (v) => Number.isFinite(v) && Math.abs(v - mean) > limit);
  if (huge >= 0) flags.push({ kind: "pole", message: `blows up to ${fmt(boxValues[huge])} at ${where(data.variables, box, huge)} (a pole or near one), beyond ${BLOW_UP_FACTOR}× the data's spread, within 10 % of their range` });

  const positive = ys.every((y) => y > 0);
  const negative = ys.every((y) => y < 0);
  if ((positive || negative) && d > 0) {
    const s = positive ? 1 : -1;
    const inside = (k: number) => dataRanges.every(([lo, hi], j) => box[j][k] >= lo && box[j][k] <= hi);
    const wrong = (v: number) => Number.isFinite(v) && s * v <= 0;
    const crossBox = firstIndex(boxValues, (v, k) => wrong(v) && inside(k));
    const crossRow = rows.find((i) => wrong(rowValues[i]));
    const crossSeg = firstIndex(segValues, wrong);
    const dip = firstIndex(segValues, (v, k) => Number.isFinite(v) && s * v < DIP_SHARE * Math.min(s * rowValues[seg.ends[0][k]], s * rowValues[seg.ends[1][k]]));
    const sign = positive ? "positive" : "negative";
    if (crossRow !== undefined) flags.push({ kind: "sign", message: `changes sign at a data row (${fmt(rowValues[crossRow])} at ${where(data.variables, data.columns, crossRow)}), where every observed value is ${sign}` });
    else if (crossBox >= 0) flags.push({ kind: "sign", message: `changes sign (${fmt(boxValues[crossBox])} at ${where(data.variables, box, crossBox)}) inside the data's range, where every observed value is ${sign}` });
    else if (crossSeg >= 0) flags.push({ kind: "sign", message: `changes sign between neighbouring rows (${fmt(segValues[crossSeg])} at ${where(data.variables, seg.points, crossSeg)}), where every observed value is ${sign}` });
    else if (dip >= 0) flags.push({ kind: "sign", message: `falls to zero between neighbouring rows (${fmt(segValues[dip])} at ${where(data.variables, seg.points, dip)}), where every observed value is ${sign}` });
  }
  return flags;
}

function countedRows(data: SafetyData): number[] {
  const rows: number[] = [];
  for (let i = 0; i < data.target.length; i++) {
    if (!Number.isFinite(data.target[i])) continue;
    if (data.columns.every((c) => Number.isFinite(c[i]))) rows.push(i);
  }
  return rows;
}

/** The unextended range of a column over the counted rows. */
function dataRange(column: Float64Array, rows: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of rows) {
    lo = Math.min(lo, column[i]);
    hi = Math.max(hi, column[i]);
  }
  return [lo, hi];
}

/** Random points (log-uniform for a positive input spanning more than a decade), corners, and axis lines. */
function boxPoints(ranges: readonly [number, number][], data: SafetyData, rows: readonly number[], samples: number, rng: Rng): Float64Array[] {
  const d = ranges.length;
  const cornerCount = d <= 8 ? 2 ** d : 0;
  const lineBases = d === 1 ? 1 : Math.min(8, rows.length);
  const lineSteps = d === 1 ? 1025 : 129;
  const total = samples + cornerCount + lineBases * d * lineSteps;
  const cols = ranges.map(() => new Float64Array(total));
  const draw = (j: number): number => {
    const [lo, hi] = ranges[j];
    if (lo > 0 && hi / lo > 10) return lo * (hi / lo) ** rng.next();
    return lo + (hi - lo) * rng.next();
  };
  let k = 0;
  for (let s = 0; s < samples; s++, k++) for (let j = 0; j < d; j++) cols[j][k] = draw(j);
  for (let c = 0; c < cornerCount; c++, k++) for (let j = 0; j < d; j++) cols[j][k] = ranges[j][(c >> j) & 1];
  for (let b = 0; b < lineBases; b++) {
    const base = rows[rng.int(rows.length)];
    for (let axis = 0; axis < d; axis++) {
      const [lo, hi] = ranges[axis];
      for (let t = 0; t < lineSteps; t++, k++) {
        for (let j = 0; j < d; j++) cols[j][k] = j === axis ? lo + ((hi - lo) * t) / (lineSteps - 1) : data.columns[j][base];
      }
    }
  }
  return cols;
}

/**
 * Points on the segments from each row (up to 200 rows) to its nearest neighbour in inputs scaled by their
 * ranges, 24 per segment, with the rows at both ends (for the dip test).
 */
function segmentPoints(data: SafetyData, rows: readonly number[], rng: Rng): { points: Float64Array[]; ends: [number[], number[]] } {
  const d = data.columns.length;
  const use = rows.length <= 200 ? [...rows] : Array.from({ length: 200 }, () => rows[rng.int(rows.length)]);
  const scale = data.columns.map((c) => {
    const [lo, hi] = dataRange(c, rows);
    return hi > lo ? hi - lo : 1;
  });
  const pairs: [number, number][] = [];
  for (const a of use) {
    let best = -1;
    let bestDist = Infinity;
    for (const b of rows) {
      let dist = 0;
      for (let j = 0; j < d; j++) dist += ((data.columns[j][a] - data.columns[j][b]) / scale[j]) ** 2;
      if (dist > 0 && dist < bestDist) {
        bestDist = dist;
        best = b;
      }
    }
    if (best >= 0) pairs.push([a, best]);
  }
  const steps = 24;
  const points = data.columns.map(() => new Float64Array(pairs.length * steps));
  const endA: number[] = [];
  const endB: number[] = [];
  let k = 0;
  for (const [a, b] of pairs) {
    for (let t = 1; t <= steps; t++, k++) {
      const u = t / (steps + 1);
      for (let j = 0; j < d; j++) points[j][k] = data.columns[j][a] + u * (data.columns[j][b] - data.columns[j][a]);
      endA.push(a);
      endB.push(b);
    }
  }
  return { points, ends: [endA, endB] };
}

function firstIndex(values: ArrayLike<number>, test: (v: number, k: number) => boolean): number {
  for (let k = 0; k < values.length; k++) if (test(values[k], k)) return k;
  return -1;
}

function where(variables: readonly string[], points: readonly Float64Array[], k: number): string {
  return variables.length === 0 ? "every input" : variables.map((v, j) => `${v} = ${fmt(points[j][k])}`).join(", ");
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(5)).toString() : String(v);
}
