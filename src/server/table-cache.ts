import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Table } from "../data/table.js";
import { sampleRows, takeRows } from "../explain/subsample.js";

/**
 * An uploaded CSV's numbers, kept beside it in binary once it has been read. Reading a large CSV costs
 * seconds (19 MB: about 5 s); an explanation that must finish within its requested seconds cannot pay
 * that again, so the upload's reader writes the columns here and explanations read them back in
 * milliseconds. Uploads never change, so the copy never goes stale.
 */

const META = "table.json";
const DATA = "table.f64";

/** Writes `table` into the upload's folder. */
export function writeTableCache(folder: string, table: Table): void {
  const data = new Float64Array(table.names.length * table.rowCount);
  table.names.forEach((name, j) => data.set(table.columns[name], j * table.rowCount));
  writeFileSync(join(folder, DATA), new Uint8Array(data.buffer));
  writeFileSync(join(folder, META), JSON.stringify({ names: table.names, rowCount: table.rowCount }));
}

/** The table cached in `folder`, or undefined when there is none (an upload from before the cache). */
export function readTableCache(folder: string): Table | undefined {
  if (!existsSync(join(folder, META)) || !existsSync(join(folder, DATA))) return undefined;
  const meta = JSON.parse(readFileSync(join(folder, META), "utf8")) as { names: string[]; rowCount: number };
  const bytes = readFileSync(join(folder, DATA));
  if (bytes.byteLength !== meta.names.length * meta.rowCount * 8) return undefined;
  // A copy: the file's buffer need not start on an 8-byte boundary.
  const data = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const columns: Record<string, Float64Array> = {};
  meta.names.forEach((name, j) => (columns[name] = data.subarray(j * meta.rowCount, (j + 1) * meta.rowCount)));
  return { names: meta.names, columns, rowCount: meta.rowCount };
}

/** At most `max` rows of `table`, chosen by a seeded draw (the table itself when it is small enough). */
export function sampleTable(table: Table, max: number, seed: number): Table {
  if (table.rowCount <= max) return table;
  const rows = sampleRows(table.rowCount, max, seed);
  const columns: Record<string, Float64Array> = {};
  for (const name of table.names) columns[name] = takeRows(table.columns[name], rows);
  return { names: table.names, columns, rowCount: rows.length };
}
