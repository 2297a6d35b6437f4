import { readFileSync } from "node:fs";
import { parse as parseCsvText } from "csv-parse/sync";
import { UserError } from "../errors.js";
import { dimensionFromFeynmanRow, type Dimension } from "../expr/units.js";

/** One input variable of a Feynman problem with its sampling range. */
export interface FeynmanVariable {
  name: string;
  low: number;
  high: number;
}

/** One problem of the AI Feynman benchmark (`FeynmanEquations.csv` / `BonusEquations.csv`). */
export interface FeynmanProblem {
  /** The file name of the problem, e.g. `I.6.2a`. */
  id: string;
  /** Name of the output variable. */
  output: string;
  /** The formula as the file writes it (Python syntax; our parser reads it). */
  formula: string;
  variables: FeynmanVariable[];
}

function readRecords(path: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`${path}: ${(err as Error).message}`);
  }
  return parseCsvText(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
}

/** Parses the benchmark's equation table; variables are read from the `vN_name` cells (the count column is unreliable). */
export function readFeynmanProblems(path: string): FeynmanProblem[] {
  const problems: FeynmanProblem[] = [];
  for (const rec of readRecords(path)) {
    const id = rec.Filename ?? rec.Name ?? "";
    if (!id || !rec.Formula) continue;
    const variables: FeynmanVariable[] = [];
    for (let k = 1; k <= 20; k++) {
      const name = rec[`v${k}_name`];
      if (!name) break;
      variables.push({ name, low: Number(rec[`v${k}_low`]), high: Number(rec[`v${k}_high`]) });
    }
    problems.push({ id, output: rec.Output, formula: rec.Formula, variables });
  }
  return problems;
}

/** Reads the benchmark's `units.csv` into a dimension per variable name. */
export function readFeynmanUnits(path: string): Record<string, Dimension> {
  const out: Record<string, Dimension> = {};
  for (const rec of readRecords(path)) {
    const row = { m: Number(rec.m), s: Number(rec.s), kg: Number(rec.kg), T: Number(rec.T), V: Number(rec.V) };
    if (!rec.Variable || Object.values(row).some((x) => !Number.isFinite(x))) continue;
    out[rec.Variable] = dimensionFromFeynmanRow(row);
  }
  return out;
}
