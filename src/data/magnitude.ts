import type { Table } from "./table.js";

/**
 * Values so large that their squares overflow a double (|x| > ~1.3e154): sums of squares, R² and every
 * least-squares fit turn into Infinity or NaN on them. Found before fitting, so the user hears which
 * column to rescale instead of "NaN or infinite values".
 */
export const LARGEST_SQUARABLE = Math.sqrt(Number.MAX_VALUE);

/** The first column (in file order) holding a finite value whose square overflows, with that value. */
export function overflowingColumn(table: Table): { name: string; value: number } | undefined {
  for (const name of table.names) {
    for (const x of table.columns[name]) if (Number.isFinite(x) && Math.abs(x) > LARGEST_SQUARABLE) return { name, value: x };
  }
  return undefined;
}

/** Why R² says nothing about a fit on `target` (too few rows, a constant target), or undefined when it does. */
export function r2Caveat(target: ArrayLike<number>): string | undefined {
  let n = 0;
  let first = NaN;
  let constant = true;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    if (n === 0) first = y;
    else if (y !== first) constant = false;
    n += 1;
  }
  if (n < 2) return `undefined (${n === 0 ? "no row has" : "only one row has"} a finite target)`;
  if (constant) return `undefined (the target is ${first} on all ${n} rows: there is no variation to explain)`;
  return undefined;
}
