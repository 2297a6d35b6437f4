import { resolve } from "node:path";
import type { Command } from "../command.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import { UserError } from "../errors.js";
import { noiseFlag } from "../noise-flag.js";
import type { Evidence } from "../../core/evidence.js";
import { noiseScales, type NoiseKind } from "../../core/noise.js";
import { readCsvFile, requireColumn, shown, type Table } from "../../data/csv.js";
import { overflowingColumn, r2Caveat } from "../../data/magnitude.js";
import { complexity, paramNamesOf, parse, ParseError, simplify, substituteParams, toInfix, variablesOf, type Expr } from "../../expr/index.js";
import { fitLaw, scoreLaw, type LawScore } from "../../mdl/fit-and-score.js";
import { lawChecks, lawChecksJson, type LawChecks } from "../../mdl/law-checks.js";
import { describeStructure, showConstant } from "../law-checks-text.js";
import type { FitReport } from "../../expr/index.js";

const USAGE = `usage: worldbreaker score "<law>" <data.csv> --target <column> [--json] [--seed <n>] [--restarts <n>]

Fits the constants of a law to a CSV file and prints its R², RMSE and description length in bits.
The CSV's columns (other than the target) are the law's variables; any other name in the law is a
constant to fit. Example:

  worldbreaker score "a*length^b" examples/pendulum.csv --target period

options:
  --target, -t <column>  the column the law predicts (required)
  --json                 print one JSON object: {target, law, input, params, constants, complexity, r2, rmse,
                         bits, rows, converged, fit, residualStructure}; constants are
                         [{name, value, stderr, recognised?: {value, label}}]
  --seed <n>             seed of the constant fitter's restarts (default 0)
  --restarts <n>         extra starting points for the constant fit (default 8)
  --noise <model>        how the target's noise spreads: absolute (default; constant), relative
                         (proportional to the value) or poisson (counts); the constants are then
                         fitted by weighted least squares and the residuals priced accordingly
`;

/** Significant digits for people; JSON carries full precision. */
function show(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}

/** `worldbreaker score`: fits and scores one law on a CSV file. */
export const command: Command = {
  name: "score",
  summary: "fit a law's constants to a CSV file and print R², RMSE and bits",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("score", args, {
      target: { type: "string", short: "t" },
      json: { type: "boolean" },
      seed: { type: "string" },
      restarts: { type: "string" },
      noise: { type: "string" },
    });
    if (positionals.length !== 2) {
      throw new UserError(`score: expected a law and a CSV file, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"} (see 'worldbreaker help score')`);
    }
    const [lawText, file] = positionals;
    if (values.target === undefined) throw new UserError("score: --target <column> is required (the column the law predicts)");
    const seed = numberFlag("score", "seed", values.seed, { integer: true, min: 0 });
    const restarts = numberFlag("score", "restarts", values.restarts, { integer: true, min: 0, max: 1000 });
    const noise = noiseFlag("score", values.noise);
    const table = readCsvFile(resolve(ctx.cwd, file));
    requireColumn(table, values.target, file);
    if (table.rowCount === 0) throw new UserError(`${file}: no data rows`);
    const huge = overflowingColumn(table);
    if (huge) throw new UserError(`score: ${file}: column '${huge.name}' holds ${huge.value}, too large to square in double precision; rescale that column`);
    const result = fitAndScoreText(lawText, table, values.target, { seed, restarts, signal: ctx.signal, noise });
    if (!result.usesColumns && result.constantNames.length > 0) {
      ctx.stderr(`note: the law uses none of the columns of ${file} (${table.names.filter((n) => n !== values.target).join(", ")}); ${result.constantNames.map((n) => `'${n}'`).join(", ")} ${result.constantNames.length === 1 ? "is" : "are"} fitted as constant${result.constantNames.length === 1 ? "" : "s"}\n`);
    }
    if (values.json) {
      const out = {
        target: values.target,
        law: result.law,
        input: lawText,
        params: result.params,
        complexity: result.complexity,
        r2: Number.isFinite(result.r2) ? result.r2 : null,
        rmse: Number.isFinite(result.rmse) ? result.rmse : null,
        bits: result.bits,
        rows: result.rows,
        converged: result.converged,
        ...lawChecksJson(result),
        fit: result.report ?? null,
      };
      ctx.stdout(JSON.stringify(out) + "\n");
      return 0;
    }
    const lines = [`law      ${values.target} = ${result.lawRounded}`];
    if (result.constants.length > 0) lines.push(`fitted   ${result.constants.map(showConstant).join(", ")}`);
    if (!result.converged && result.report) {
      const r = result.report;
      lines.push(`fit      did not converge: ${r.starts} starts after ${r.screened} screened points, best SSE ${show(r.bestSse, 5)}, stopped on ${r.stop}`);
    }
    lines.push(`R²       ${r2Caveat(table.columns[values.target]) ?? (Number.isFinite(result.r2) ? show(result.r2, 8) : "undefined (the law's predictions are not finite)")}`);
    lines.push(`RMSE     ${show(result.rmse)}`);
    lines.push(`bits     ${show(result.bits.total, 5)} (law ${show(result.bits.model, 4)} + data ${show(result.bits.data, 5)}) on ${result.rows} rows`);
    if (result.residualStructure.byInput.length > 0) lines.push(`residual ${describeStructure(result.residualStructure)}`);
    ctx.stdout(lines.join("\n") + "\n");
    return 0;
  },
};

/** A law given as text, fitted and scored on a table, with what the command prints about it. */
interface ScoredText extends LawScore, LawChecks {
  /** Fitted constants by name, in param order. */
  params: Record<string, number>;
  /** The fitted law in contract infix (constants substituted at full precision, then simplified). */
  law: string;
  /** The same law with constants rounded to 8 significant digits, for people. */
  lawRounded: string;
  /** Names in the law that are fitted constants because no column has them. */
  constantNames: string[];
  /** Whether the law reads any column at all. */
  usesColumns: boolean;
  complexity: number;
  rows: number;
  converged: boolean;
  /** What the fitter tried (absent for a law without constants). */
  report?: FitReport;
}

/**
 * Parses `lawText` with the table's other columns as variables (any other name is a constant), fits its
 * constants and scores it by the one rule of `mdl/fit-and-score.ts`, under `noise` when given. Bad laws,
 * laws that read the target and laws that are not finite on the data are `UserError`s naming the command.
 */
function fitAndScoreText(
  lawText: string,
  table: Table,
  targetName: string,
  opts: { seed?: number; restarts?: number; signal?: AbortSignal; noise?: NoiseKind },
): ScoredText {
  const variables = table.names.filter((n) => n !== targetName);
  let expr: Expr;
  try {
    expr = parse(lawText, { variables });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new UserError(`score: bad law '${shown(lawText, 80)}': ${err.message}`);
  }
  const constantNames = paramNamesOf(expr);
  if (constantNames.includes(targetName)) throw new UserError(`score: the law uses the target column '${targetName}' as an input`);
  const target = table.columns[targetName];
  const scales = noiseScales(target, opts.noise);
  const columns: Record<string, Float64Array> = {};
  for (const v of variables) columns[v] = table.columns[v];
  const evidence: Evidence = { variables, columns, target, targetName, ...(scales ? { scales } : {}) };
  const fit = fitLaw(expr, evidence, { seed: opts.seed ?? 0, restarts: opts.restarts ?? 8, signal: opts.signal });
  const score = scoreLaw(expr, fit.params, evidence);
  if (!score) throw new UserError(`score: the law '${shown(lawText, 80)}' gives NaN or infinite values on this data for every set of constants tried`);
  // fromEntries defines own properties, so a constant named `__proto__` is kept, not taken for the prototype.
  const params: Record<string, number> = Object.fromEntries(constantNames.map((name, i) => [name, fit.params[i]]));
  const checks = lawChecks(expr, fit.params, evidence, opts.noise ?? "absolute", score.predicted);
  return {
    ...score,
    params,
    law: toInfix(simplify(substituteParams(expr, fit.params))),
    lawRounded: toInfix(simplify(substituteParams(expr, fit.params.map((p) => Number(p.toPrecision(8)))))),
    constantNames,
    usesColumns: variablesOf(expr).length > 0,
    complexity: complexity(expr),
    rows: target.length,
    converged: fit.converged,
    ...checks,
    ...(fit.report ? { report: fit.report } : {}),
  };
}
