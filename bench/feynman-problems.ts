/**
 * The AI Feynman problems (data/feynman): parsing the equation table and the unit
 * table, generating data (each variable uniform in its range, optional Gaussian noise on the target).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Expr } from "../src/expr/ast.js";
import { compile, parse } from "../src/expr/index.js";
import { readFeynmanProblems, type FeynmanProblem } from "../src/data/feynman.js";
import { Rng } from "../src/random/index.js";

/** A benchmark equation with its formula parsed. */
export interface ParsedFeynmanProblem extends FeynmanProblem {
  expr: Expr;
}

/** Where the AI Feynman tables live (data/feynman in this repository; run from its root). */
export const FEYNMAN_DIR = join(process.cwd(), "data", "feynman");

function splitCsvLine(line: string): string[] {
  return line.split(",").map((s) => s.trim());
}

/** Reads FeynmanEquations.csv with the package's reader and parses each formula. */
export function loadFeynmanProblems(dir = FEYNMAN_DIR): ParsedFeynmanProblem[] {
  return readFeynmanProblems(join(dir, "FeynmanEquations.csv")).map((p) => ({ ...p, expr: parse(p.formula) }));
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
export function generateData(p: ParsedFeynmanProblem, rows: number, seed: number, noise: number, widen = 0): FeynmanData {
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
