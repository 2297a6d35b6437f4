/** The data a law is fitted to and judged on: named input columns and a target column of equal length. */
export interface Evidence {
  /** Input variable names, in column order. */
  variables: string[];
  /** One column per variable (same length as `target`). */
  columns: Record<string, Float64Array>;
  target: Float64Array;
  targetName: string;
  /** Unit of each variable and of the target (by name), in the grammar of `src/expr/units`; optional. */
  units?: Record<string, string>;
  /**
   * Per-row noise scales g_i of the target (same length; from `noiseScales` of `core/noise.ts`): laws are
   * fitted by weighted least squares and priced on residuals standardised by them. Absent: absolute noise.
   */
  scales?: Float64Array;
}

/** The rows of evidence with the given indices, in that order (columns, target and noise scales alike). */
export function evidenceRows(evidence: Evidence, rows: readonly number[]): Evidence {
  const pick = (a: Float64Array) => Float64Array.from(rows, (i) => a[i]);
  const columns: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(evidence.columns)) columns[name] = pick(col);
  return { ...evidence, columns, target: pick(evidence.target), ...(evidence.scales ? { scales: pick(evidence.scales) } : {}) };
}

/** The evidence's input columns in `variables` order (the layout compiled laws evaluate over). */
export function columnsOf(evidence: Pick<Evidence, "variables" | "columns">): Float64Array[] {
  return evidence.variables.map((v) => evidence.columns[v]);
}
