import { basename } from "node:path";
import { overflowingColumn } from "../data/magnitude.js";
import { WorldError } from "./errors.js";
import type { Experiment, InputSpec, World, WorldInfo } from "./world.js";

/**
 * A pool world over a table (a CSV file's rows): only the listed rows exist as experiments, the target
 * column is the observable, the other columns are inputs. Asking a row answers its recorded target;
 * asking an experiment that is not a row is an error, since a dataset cannot be made to measure
 * anything new.
 */

/** The table shape of `src/data/csv.ts`. */
export interface PoolTable {
  names: string[];
  columns: Record<string, Float64Array>;
  rowCount: number;
}

/** Exact key of an experiment's input values (shortest round-trip decimals). */
function rowKey(names: readonly string[], e: Experiment): string {
  return names.map((n) => String(e[n])).join("\u0000");
}

/** A pool World over `table` with `target` as the observable (default: the last column). */
export function createCsvPoolWorld(table: PoolTable, file: string, target?: string): World {
  if (table.names.length < 2) throw new WorldError(`${file}: a pool world needs at least one input column and a target column`);
  if (table.rowCount === 0) throw new WorldError(`${file}: no data rows`);
  const huge = overflowingColumn(table);
  if (huge) throw new WorldError(`${file}: column '${huge.name}' holds ${huge.value}, too large to square in double precision; rescale that column (e.g. divide it by 1e150)`);
  const targetName = target ?? table.names[table.names.length - 1];
  if (!table.names.includes(targetName)) throw new WorldError(`${file}: no column named '${targetName}' (columns: ${table.names.join(", ")})`);
  const inputNames = table.names.filter((n) => n !== targetName);
  const inputs: InputSpec[] = inputNames.map((name) => {
    const col = table.columns[name];
    let min = Infinity;
    let max = -Infinity;
    let integer = true;
    for (const [r, x] of col.entries()) {
      // An experiment is its inputs; one that JSON cannot carry (±inf, NaN) could never be journaled and asked.
      if (!Number.isFinite(x)) throw new WorldError(`${file}: column '${name}', data row ${r + 1}: ${x} is not a usable input value (inputs must be finite; only the target may be missing or infinite)`);
      if (x < min) min = x;
      if (x > max) max = x;
      if (!Number.isInteger(x)) integer = false;
    }
    return { name, min, max, kind: integer ? "integer" : "real" };
  });
  const experiments: Experiment[] = [];
  // Rows sharing input values are answered in file order, cycling, so repeated measurements all get used.
  const rowsByKey = new Map<string, number[]>();
  for (let r = 0; r < table.rowCount; r++) {
    const e: Experiment = {};
    for (const n of inputNames) e[n] = table.columns[n][r];
    experiments.push(e);
    const key = rowKey(inputNames, e);
    const list = rowsByKey.get(key);
    if (list) list.push(r);
    else rowsByKey.set(key, [r]);
  }
  const asked = new Map<string, number>();
  const targetCol = table.columns[targetName];
  const info: WorldInfo = {
    name: basename(file).replace(/\.csv$/i, ""),
    description: `rows of ${basename(file)} (${table.rowCount} rows): ${targetName} versus ${inputNames.join(", ")}`,
    shape: "pool",
    inputs,
    output: { name: targetName },
    cost: 1,
    noise: "as recorded",
  };
  return {
    info,
    pool: () => experiments.map((e) => ({ ...e })),
    async run(batch: Experiment[]): Promise<(number | null)[]> {
      return batch.map((e, i) => {
        const key = rowKey(inputNames, e);
        const rows = rowsByKey.get(key);
        if (!rows) throw new WorldError(`world '${info.name}': experiment ${i} (${inputNames.map((n) => `${n}=${e[n]}`).join(", ")}) is not a row of ${basename(file)}`);
        const k = asked.get(key) ?? 0;
        asked.set(key, k + 1);
        const y = targetCol[rows[k % rows.length]];
        return Number.isFinite(y) ? y : null;
      });
    },
    async close(): Promise<void> {},
  };
}
