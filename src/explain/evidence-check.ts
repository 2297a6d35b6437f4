/**
 * Validation and cleaning of the evidence before any search: clear errors for what cannot be
 * explained, and rows with missing (non-finite) cells dropped with a count, so NaN never reaches
 * the search.
 */
import { ExplainError } from "./errors.js";
import type { Evidence } from "../core/evidence.js";

/** Evidence with only finite rows, as arrays in variable order. */
export interface CleanEvidence {
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  targetName: string;
  rows: number;
  /** Rows removed because some cell was NaN or infinite. */
  droppedRows: number;
  /** Per-row noise scales of the kept rows (absent: absolute noise). */
  scales?: Float64Array;
}

/** Checks shapes and names, drops non-finite rows; throws ExplainError when nothing explainable remains. */
export function cleanEvidence(evidence: Evidence): CleanEvidence {
  const { variables, targetName } = evidence;
  const target = evidence.target;
  if (!(target instanceof Float64Array)) throw new ExplainError(`explain: the target '${targetName}' has no values`);
  const n = target.length;
  if (n === 0) throw new ExplainError(`explain: no rows of data to explain '${targetName}'`);
  const seen = new Set<string>();
  for (const name of variables) {
    if (seen.has(name)) throw new ExplainError(`explain: variable '${name}' is listed twice`);
    seen.add(name);
    if (name === targetName) throw new ExplainError(`explain: the target '${targetName}' is also listed as an input`);
    const col = evidence.columns[name];
    if (!col) throw new ExplainError(`explain: no data for input '${name}'`);
    if (col.length !== n) throw new ExplainError(`explain: input '${name}' has ${col.length} values but the target '${targetName}' has ${n}`);
  }
  const scales = evidence.scales;
  if (scales && scales.length !== n) throw new ExplainError(`explain: ${scales.length} noise scales for ${n} rows of '${targetName}'`);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = Number.isFinite(target[i]) && (!scales || (scales[i] > 0 && Number.isFinite(scales[i])));
    for (let j = 0; ok && j < variables.length; j++) ok = Number.isFinite(evidence.columns[variables[j]][i]);
    if (ok) keep.push(i);
  }
  if (keep.length === 0) throw new ExplainError(`explain: every row has a missing or non-finite value (NaN/Infinity); nothing to explain`);
  const pick = (col: Float64Array) => (keep.length === n ? col : Float64Array.from(keep, (i) => col[i]));
  return {
    variables: [...variables],
    columns: variables.map((name) => pick(evidence.columns[name])),
    target: pick(target),
    targetName,
    rows: keep.length,
    droppedRows: n - keep.length,
    ...(scales ? { scales: pick(scales) } : {}),
  };
}

/**
 * Keeps the `max` inputs most related to the target (largest absolute correlation of the target
 * with the input, its logarithm or its inverse), so ten thousand columns do not drown the search.
 */
export function screenVariables(clean: CleanEvidence, max: number): number[] {
  const p = clean.variables.length;
  const all = Array.from({ length: p }, (_, j) => j);
  if (p <= max) return all;
  const y = clean.target;
  const score = all.map((j) => {
    const x = clean.columns[j];
    const r1 = Math.abs(correlation(x, y));
    const r2 = Math.abs(correlation(Float64Array.from(x, (a) => Math.log(Math.abs(a) || 1e-300)), y));
    const r3 = Math.abs(correlation(Float64Array.from(x, (a) => 1 / (a || 1e-300)), y));
    return Math.max(r1 || 0, r2 || 0, r3 || 0);
  });
  return all.sort((a, b) => score[b] - score[a] || a - b).slice(0, max).sort((a, b) => a - b);
}

/** Pearson correlation (NaN when either side is constant). */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] - mx;
    const b = y[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}
