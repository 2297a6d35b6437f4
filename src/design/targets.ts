/**
 * Design targets read from CSV. A force target is a curve with an extension column (nm) and a force column (pN);
 * a modes target has one row per residue and three amplitude columns (mode1, mode2, mode3; an optional residue
 * column is ignored). Headers are matched by name; without a header the first two (force) or last three (modes)
 * columns are used. Every error names the file, row and column.
 */
import { parse } from "csv-parse/sync";
import { DesignError } from "./errors.js";
import { binnedForce, curveEnergy, type PullingTrace } from "./pulling.js";
import { HISTORY_POINTS } from "./force-model.js";

/** What a force design aims at. */
export interface ForceTarget {
  /** The target's maximum force (pN). */
  fmax: number;
  /** The target's unfolding energy (pN·nm), if constrained. */
  energy?: number;
  /** Mean force per extension bin (pN), when the target is a whole curve. */
  historyForce?: number[];
  /** The target curve as given (for reports). */
  curve?: { extension: number[]; force: number[] };
}

/** What a modes design aims at: per-residue amplitudes of three modes, each scaled to a maximum of 1. */
export interface ModesTarget {
  /** modes[k][i]: amplitude of mode k at residue i. */
  modes: number[][];
}

function rows(text: string, file: string): string[][] {
  try {
    return (parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false, comment: "#" }) as string[][]);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new DesignError(`${file}: ${msg.split("\n")[0]}`);
  }
}

function isNumeric(cell: string): boolean {
  return cell.trim() !== "" && Number.isFinite(Number(cell));
}

function cellNumber(cell: string, file: string, row: number, column: string): number {
  const v = Number(cell);
  if (cell.trim() === "" || !Number.isFinite(v)) throw new DesignError(`${file}: row ${row}, column '${column}': '${cell}' is not a finite number`);
  return v;
}

/** Parses a force–extension target curve. */
export function parseForceTarget(text: string, file: string): ForceTarget {
  const table = rows(text, file);
  if (table.length === 0) throw new DesignError(`${file}: empty file`);
  const header = table[0].every((c) => !isNumeric(c)) ? table[0].map((c) => c.toLowerCase()) : null;
  const body = header ? table.slice(1) : table;
  let xi = 0, fi = 1;
  if (header) {
    xi = header.findIndex((h) => /^(ext|x\b|distance|displacement)/.test(h));
    fi = header.findIndex((h) => /^(force|f\b|f_)/.test(h));
    if (xi < 0) throw new DesignError(`${file}: no extension column (expected a header starting with 'extension'); got ${table[0].join(", ")}`);
    if (fi < 0) throw new DesignError(`${file}: no force column (expected a header starting with 'force'); got ${table[0].join(", ")}`);
  } else if (table[0].length < 2) {
    throw new DesignError(`${file}: row 1 has ${table[0].length} column; need extension and force`);
  }
  const xn = header ? table[0][xi] : "1", fn = header ? table[0][fi] : "2";
  const offset = header ? 2 : 1;
  const ext: number[] = [];
  const force: number[] = [];
  body.forEach((r, k) => {
    const x = cellNumber(r[xi] ?? "", file, k + offset, xn);
    const f = cellNumber(r[fi] ?? "", file, k + offset, fn);
    if (x < 0) throw new DesignError(`${file}: row ${k + offset}, column '${xn}': extension must be ≥ 0, got ${x}`);
    if (ext.length > 0 && x < ext[ext.length - 1]) throw new DesignError(`${file}: row ${k + offset}, column '${xn}': extension decreases (${x} after ${ext[ext.length - 1]})`);
    ext.push(x);
    force.push(f);
  });
  if (ext.length < 3) throw new DesignError(`${file}: need at least 3 data rows, got ${ext.length}`);
  if (!(ext[ext.length - 1] > 0)) throw new DesignError(`${file}: the extension column never exceeds 0`);
  const fmax = Math.max(...force);
  if (!(fmax > 0)) throw new DesignError(`${file}: the force column has no positive value`);
  const trace: PullingTrace = { extension: Float64Array.from(ext), force: Float64Array.from(force), ruptures: [] };
  return { fmax, energy: curveEnergy(trace), historyForce: Array.from(binnedForce(ext, force, HISTORY_POINTS)), curve: { extension: ext, force } };
}

/** Parses per-residue mode amplitudes; `length`, if given, must match the number of rows. */
export function parseModesTarget(text: string, file: string, length?: number): ModesTarget {
  const table = rows(text, file);
  if (table.length === 0) throw new DesignError(`${file}: empty file`);
  const header = table[0].every((c) => !isNumeric(c)) ? table[0].map((c) => c.toLowerCase()) : null;
  const body = header ? table.slice(1) : table;
  let cols: number[];
  if (header) {
    cols = [1, 2, 3].map((k) => header.findIndex((h) => h.replace(/[^a-z0-9]/g, "") === `mode${k}`));
    const missing = cols.findIndex((c) => c < 0);
    if (missing >= 0) throw new DesignError(`${file}: no column 'mode${missing + 1}' in the header (${table[0].join(", ")})`);
  } else {
    const w = table[0].length;
    if (w < 3) throw new DesignError(`${file}: row 1 has ${w} columns; need three mode amplitudes`);
    cols = [w - 3, w - 2, w - 1];
  }
  const names = cols.map((c, k) => (header ? table[0][c] : `${c + 1} (mode${k + 1})`));
  const offset = header ? 2 : 1;
  const modes: number[][] = [[], [], []];
  body.forEach((r, k) => {
    cols.forEach((c, m) => {
      const v = cellNumber(r[c] ?? "", file, k + offset, names[m]);
      if (v < 0) throw new DesignError(`${file}: row ${k + offset}, column '${names[m]}': amplitudes must be ≥ 0, got ${v}`);
      modes[m].push(v);
    });
  });
  if (body.length < 4) throw new DesignError(`${file}: need at least 4 residues (rows), got ${body.length}`);
  if (length !== undefined && length !== body.length) throw new DesignError(`${file}: ${body.length} rows but --length is ${length}; a modes target needs one row per residue`);
  return {
    modes: modes.map((m, k) => {
      const max = Math.max(...m);
      if (!(max > 0)) throw new DesignError(`${file}: column '${names[k]}' is all zero`);
      return m.map((v) => v / max);
    }),
  };
}
