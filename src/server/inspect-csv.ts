import { parseCsv } from "../data/csv.js";

/** Reads an uploaded CSV with the project's CSV reader (UserError naming file, row and column on bad input). */
export function inspectCsv(text: string, fileName: string): { columns: string[]; rows: number } {
  const table = parseCsv(text, fileName);
  return { columns: table.names, rows: table.rowCount };
}
