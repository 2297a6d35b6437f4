import { readFileSync } from "node:fs";
import { parse as parseCsvText } from "csv-parse/sync";
import { UserError } from "../errors.js";
import { isPrototypeKey, reservedNameReason } from "./reserved-names.js";
import type { Table } from "./table.js";

export type { Table } from "./table.js";

/** Options for reading a CSV table. */
export interface CsvOptions {
  /** Accept empty cells and `NA`/`NaN`/`nan` as missing values (NaN); by default they are errors. */
  allowMissing?: boolean;
  /** Largest file read, in bytes (default 512 MiB). */
  maxBytes?: number;
}

// A decimal number: what people and programs write in data files (no hex, no `Infinity` words except inf).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const MISSING = /^(?:|na|nan|n\/a|null)$/i;

/** Text from the file made safe for a one-line message: control characters escaped, long text cut. */
export function shown(text: string, max = 30): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  let out = "";
  for (const ch of cut) {
    const code = ch.charCodeAt(0);
    if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : ch;
  }
  return out;
}

/**
 * Parses one cell; returns undefined when it is not a number (the caller names the cell). A numeral too large
 * for a double (`1e999`) is undefined too: it is a mistake in the data, unlike a deliberate `inf`.
 */
export function parseCell(cell: string, allowMissing: boolean): number | undefined {
  const t = cell.trim();
  if (NUMBER.test(t)) {
    const x = Number(t);
    return Number.isFinite(x) ? x : undefined;
  }
  const inf = INFINITY.exec(t);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  if (allowMissing && MISSING.test(t)) return NaN;
  return undefined;
}

/**
 * Parses CSV text with a header row of column names into numeric columns. Quoted fields, a byte-order mark,
 * `\r\n` line ends and blank lines are handled. Throws `UserError` naming the file, the row (1-based line
 * number in the file) and the column for a ragged row, a non-numeric cell, a duplicate or empty name.
 */
export function parseCsv(text: string, fileName: string, opts: CsvOptions = {}): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsvText(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const where = e.lines !== undefined ? `row ${e.lines}: ` : "";
    throw new UserError(`${fileName}: ${where}${shown((e.message ?? String(err)).replace(/^Invalid [^:]*: /, ""), 200)}`);
  }
  if (records.length === 0) throw new UserError(`${fileName}: the file is empty (expected a header row of column names)`);
  const header = records[0].record.map((h) => h.trim());
  const headerLine = records[0].info.lines;
  const seen = new Map<string, number>();
  header.forEach((name, k) => {
    if (name === "") throw new UserError(`${fileName}: row ${headerLine}: column ${k + 1} has no name`);
    if (isPrototypeKey(name)) throw new UserError(`${fileName}: row ${headerLine}: column ${k + 1}: ${reservedNameReason(name)}`);
    if (seen.has(name)) throw new UserError(`${fileName}: row ${headerLine}: column name '${shown(name)}' appears twice (columns ${seen.get(name)! + 1} and ${k + 1})`);
    seen.set(name, k);
  });
  if (header.every((h) => NUMBER.test(h))) {
    throw new UserError(`${fileName}: row ${headerLine}: the first row must hold column names, but it is all numbers`);
  }
  const rows = records.length - 1;
  const columns = header.map(() => new Float64Array(rows));
  const allowMissing = opts.allowMissing ?? false;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    const line = info.lines;
    if (record.length !== header.length) {
      throw new UserError(`${fileName}: row ${line}: expected ${header.length} cells (${shown(header.join(", "), 80)}), found ${record.length}`);
    }
    for (let k = 0; k < header.length; k++) {
      const value = parseCell(record[k], allowMissing);
      if (value === undefined) {
        const t = record[k].trim();
        const why = t === "" ? "is empty" : NUMBER.test(t) ? `'${shown(t)}' is too large for a double (beyond ±1.8e308); write inf for an infinite value` : `'${shown(record[k])}' is not a number`;
        throw new UserError(`${fileName}: row ${line}, column '${shown(header[k], 60)}': ${why}`);
      }
      columns[k][r - 1] = value;
    }
  }
  const byName: Record<string, Float64Array> = Object.create(null) as Record<string, Float64Array>;
  header.forEach((name, k) => (byName[name] = columns[k]));
  return { names: header, columns: byName, rowCount: rows };
}

/** Reads a CSV file into a numeric table; a missing or unreadable file is a `UserError` naming the path. */
export function readCsvFile(path: string, opts: CsvOptions = {}): Table {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
    throw new UserError(`${path}: ${why}`);
  }
  if (text.length > (opts.maxBytes ?? 512 * 1024 * 1024)) throw new UserError(`${path}: file too large`);
  return parseCsv(text, path, opts);
}

/** The named column of a table, or a `UserError` listing the columns the file has. */
export function requireColumn(table: Table, name: string, fileName: string): Float64Array {
  if (!Object.hasOwn(table.columns, name)) {
    throw new UserError(`${fileName}: no column '${shown(name, 60)}' (columns: ${shown(table.names.join(", "), 200)})`);
  }
  return table.columns[name];
}
