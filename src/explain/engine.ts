/**
 * TEMPORARY bridge to the parts of the expression engine and MDL not yet published (simplify,
 * descriptionLength). Replaced by direct imports once src/expr and src/mdl export them.
 */
import type { Expr } from "../expr/ast.js";
import type { Bits } from "./types.js";
import { readFileSync } from "node:fs";
import { complexity } from "../expr/index.js";
import { UserError } from "../errors.js";

/** TEMPORARY CSV reader until src/data/csv.ts lands: numeric columns, header row. */
export function readCsvFile(path: string): { names: string[]; columns: Record<string, Float64Array>; rowCount: number } {
  const text = readFileSync(path, "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) throw new UserError(`${path}: empty file`);
  const names = lines[0].split(",").map((s) => s.trim());
  const rows = lines.length - 1;
  const columns: Record<string, Float64Array> = {};
  for (const nm of names) columns[nm] = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(",");
    if (cells.length !== names.length) throw new UserError(`${path}: row ${r + 2} has ${cells.length} cells, expected ${names.length}`);
    names.forEach((nm, j) => {
      const t = cells[j].trim();
      const x = t === "" || /^nan$/i.test(t) ? NaN : Number(t);
      if (Number.isNaN(x) && t !== "" && !/^nan$/i.test(t)) throw new UserError(`${path}: row ${r + 2}, column '${nm}': '${t}' is not a number`);
      columns[nm][r] = x;
    });
  }
  return { names, columns, rowCount: rows };
}
