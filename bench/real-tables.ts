/**
 * `npm run bench -- real-tables [--time 10] [--seed 0] [--tables boxbod,mgh09]`
 *
 * Public measured tables with a textbook model (data/real-tables/: NIST StRD observed-data problems and R
 * datasets; sources in its README). Each table is explained by the library's `explain` at a fixed wall-time
 * budget and seed, on the inputs the manifest names; the chosen law's shape and the textbook law's are
 * cross-validated the same way (the same folds; constants refitted on the training folds from the
 * constants fitted on all rows, the textbook's from its manifest start with restarts). Reported per
 * table: the chosen law, both held-out RMS errors, their ratio (chosen / textbook; the baseline is the
 * textbook model, measured in the same run) and whether a constant was chosen. Targets (issue 15): ratio
 * ≤ 1.1 on every table, and never a constant where the textbook law cross-validates better.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Evidence } from "../src/core/evidence.js";
import { readCsvFile, requireColumn } from "../src/data/csv.js";
import { paramNamesOf, parse, variablesOf } from "../src/expr/index.js";
import { crossValidate } from "../src/explain/cross-validation.js";
import { explain } from "../src/explain/explain.js";
import { fitLaw, scoreLaw } from "../src/mdl/fit-and-score.js";
import { flag } from "./args.js";

const DIR = "data/real-tables";

/** One table of data/real-tables/manifest.json. */
export interface RealTable {
  name: string;
  file: string;
  what: string;
  target: string;
  inputs: string[];
  /** The textbook law in the expression language. */
  law: string;
  /** Starting values of its constants, by name. */
  start: Record<string, number>;
}

/** The manifest's tables. */
export function realTables(): RealTable[] {
  return (JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as { tables: RealTable[] }).tables;
}

/** A table's evidence: the manifest's inputs and target only. */
export function realTableEvidence(t: RealTable): Evidence {
  const path = join(DIR, t.file);
  const table = readCsvFile(path);
  const columns: Record<string, Float64Array> = {};
  for (const v of t.inputs) columns[v] = requireColumn(table, v, path);
  return { variables: [...t.inputs], columns, target: requireColumn(table, t.target, path), targetName: t.target };
}

/** The textbook law fitted on all rows from its manifest start (with restarts), as a user of it would. */
export function fitTextbook(t: RealTable, evidence: Evidence, seed: number): { expr: ReturnType<typeof parse>; params: number[] } {
  const expr = parse(t.law, { variables: t.inputs });
  const init = paramNamesOf(expr).map((n) => t.start[n] ?? 1);
  const fit = fitLaw(expr, evidence, { init, restarts: 16, seed, maxIterations: 500 });
  return { expr, params: fit.params };
}

const sig = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(5)).toString() : String(v));

/** Runs the benchmark (see the module comment). */
export async function run(args: string[]): Promise<void> {
  const time = Number(flag(args, "time") ?? 10);
  const seed = Number(flag(args, "seed") ?? 0);
  const only = flag(args, "tables")?.split(",");
  const tables = realTables().filter((t) => !only || only.includes(t.name));
  process.stdout.write(`### Real tables: chosen law against the textbook model (explain ${time} s, seed ${seed}, one thread)\n\n`);
  process.stdout.write("| table | rows | chosen law | R² | CV RMSE chosen | CV RMSE textbook | ratio | constant? | folds | s | warnings |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
  let within = 0;
  let badConstants = 0;
  let logSum = 0;
  let counted = 0;
  for (const t of tables) {
    const evidence = realTableEvidence(t);
    const book = fitTextbook(t, evidence, seed);
    const bookScore = scoreLaw(book.expr, book.params, evidence);
    const bookCv = crossValidate(book.expr, book.params, evidence, { seed });
    const t0 = performance.now();
    const result = await explain(evidence, { timeSeconds: time, seed });
    const seconds = (performance.now() - t0) / 1000;
    const chosenCv = crossValidate(result.expr, result.params, evidence, { seed });
    const ratio = chosenCv.rmse / bookCv.rmse;
    const constant = variablesOf(result.expr).length === 0;
    if (ratio <= 1.1) within += 1;
    if (constant && bookCv.rmse < chosenCv.rmse) badConstants += 1;
    if (Number.isFinite(ratio) && ratio > 0) {
      logSum += Math.log(ratio);
      counted += 1;
    }
    const warnings = (result.warnings ?? []).length;
    const law = result.law.length > 70 ? `${result.law.slice(0, 67)}…` : result.law;
    process.stdout.write(
      `| ${t.name} | ${evidence.target.length} | \`${law}\` | ${sig(result.r2)} | ${sig(chosenCv.rmse)} | ${sig(bookCv.rmse)} (R² ${sig(bookScore?.r2 ?? NaN)}) | ${sig(ratio)} | ${constant ? "yes" : "no"} | ${chosenCv.folds} | ${seconds.toFixed(1)} | ${warnings} |\n`,
    );
  }
  process.stdout.write(
    `\nWithin 1.1× of the textbook model's CV error: ${within} of ${tables.length}; geometric mean ratio ${sig(Math.exp(logSum / Math.max(counted, 1)))}; ` +
      `constants chosen where the textbook law cross-validates better: ${badConstants}.\n`,
  );
}
