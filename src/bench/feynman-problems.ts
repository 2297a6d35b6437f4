/**
 * The AI Feynman problems (../shared/benchmarks/feynman): parsing the equation table and the unit
 * table, generating data (each variable uniform in its range, optional Gaussian noise on the target).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Expr } from "../expr/ast.js";
import { compile, parse } from "../expr/index.js";
import { Rng } from "../explain/rng.js";

/** One benchmark equation. */
export interface FeynmanProblem {
  id: string;
  output: string;
  formula: string;
  expr: Expr;
  variables: { name: string; low: number; high: number }[];
}

/** Where the shared benchmark files live, relative to the repository root. */
export const FEYNMAN_DIR = join(process.cwd(), "..", "shared", "benchmarks", "feynman");

function splitCsvLine(line: string): string[] {
  return line.split(",").map((s) => s.trim());
}

/** Reads FeynmanEquations.csv (variables counted from the vN_name cells, not the unreliable count column). */
export function loadFeynmanProblems(dir = FEYNMAN_DIR): FeynmanProblem[] {
  const lines = readFileSync(join(dir, "FeynmanEquations.csv"), "utf8").split(/\r?\n/).filter((l) => l.trim());
  const out: FeynmanProblem[] = [];
  for (const line of lines.slice(1)) {
    const c = splitCsvLine(line);
    if (!c[0]) continue;
    const variables: FeynmanProblem["variables"] = [];
    for (let k = 5; k + 2 < c.length + 1 && c[k]; k += 3) variables.push({ name: c[k], low: Number(c[k + 1]), high: Number(c[k + 2]) });
    out.push({ id: c[0], output: c[2], formula: c[3], expr: parse(c[3]), variables });
  }
  return out;
}

/** Reads units.csv into unit strings over m, s, kg, K (temperature) and V (volt). */
export function loadFeynmanUnits(dir = FEYNMAN_DIR): Record<string, string> {
  const lines = readFileSync(join(dir, "units.csv"), "utf8").split(/\r?\n/).filter((l) => l.trim());
  const out: Record<string, string> = {};
  const base = ["m", "s", "kg", "K", "V"];
  for (const line of lines.slice(1)) {
    const c = splitCsvLine(line);
    const exps = c.slice(2, 7).map(Number);
    const parts = base.flatMap((b, k) => (exps[k] === 0 ? [] : [exps[k] === 1 ? b : `${b}^${exps[k]}`]));
    out[c[0]] = parts.length ? parts.join("*") : "1";
  }
  return out;
}

/** A generated data set: input columns and the (possibly noisy) target. */
export interface FeynmanData {
  columns: Record<string, Float64Array>;
  clean: Float64Array;
  target: Float64Array;
}

/** Draws `rows` points uniformly in [low − widen·w, high + widen·w] and evaluates the true law. */
export function generateData(p: FeynmanProblem, rows: number, seed: number, noise: number, widen = 0): FeynmanData {
  const rng = new Rng(seed);
  const names = p.variables.map((v) => v.name);
  const cols = p.variables.map((v) => {
    const w = v.high - v.low;
    return Float64Array.from({ length: rows }, () => rng.uniform(v.low - widen * w, v.high + widen * w));
  });
  const clean = compile(p.expr, names).evaluate(cols, []);
  const target = Float64Array.from(clean);
  if (noise > 0) {
    let ss = 0;
    for (const y of clean) ss += y * y;
    const sigma = noise * Math.sqrt(ss / rows);
    for (let i = 0; i < rows; i++) target[i] += sigma * rng.normal();
  }
  const columns: Record<string, Float64Array> = {};
  names.forEach((nm, j) => (columns[nm] = cols[j]));
  return { columns, clean, target };
}
