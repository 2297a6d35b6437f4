/** `worldbreaker explain <data.csv> --target <column>`: the law of least description length for a CSV column. */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { Command, CommandContext } from "../command.js";
import { UserError } from "../errors.js";
import { readCsvFile } from "../../data/csv.js";
import { explain } from "../../explain/explain.js";
import { islandExecutor } from "../../parallel/index.js";
import { noiseScales } from "../../core/noise.js";
import { noiseFlag } from "../noise-flag.js";
import type { Evidence } from "../../core/evidence.js";
import { formatSignificant, roundLawText } from "../../expr/significant.js";
import type { ExplainResult, WarmStart } from "../../explain/types.js";
import { chooseNoise, type NoiseDecision } from "../../explain/noise-default.js";
import { parseOperatorList } from "../../explain/operator-choice.js";
import { ExplainError } from "../../explain/errors.js";
import { paramNamesOf, parse, ParseError, type Expr } from "../../expr/index.js";
import { fitLaw, scoreLaw } from "../../mdl/fit-and-score.js";
import { lawChecks, lawChecksJson, type LawChecks } from "../../mdl/law-checks.js";
import { describeStructure, showConstant } from "../law-checks-text.js";

const USAGE = `usage: worldbreaker explain <data.csv> --target <column> [options]

Finds the explicit law of least description length (bits of law + bits of data given the law)
that predicts <column> from the other columns.

options:
  --target <column>   column to explain (required)
  --time <s>          wall-time budget in seconds (default 60)
  --evaluations <n>   budget in fitted candidate laws (with --threads 1: same seed, same law)
  --seed <n>          random seed (default 0)
  --threads <n>       worker threads (default: all cores; 1 runs in-process)
  --units <spec>      unit of every column: 'F=kg*m/s^2,m=kg,a=m/s^2' or a JSON file {"F":"kg*m/s^2",…}
  --start <law>       a law to start from (repeatable): fitted and scored as 'score' does, then
                      offered to the final choice and seeded into the search, so explain returns it
                      or a law of fewer bits; unknown names become fitted constants
  --warm <law>        like --start, with its constants fitted by the explainer (repeatable)
  --ops <list>        the building blocks the search and the fast paths may use, comma-separated:
                      + - * / ^ min max sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs
                      (default: all of them for the fast paths, the search's usual vocabulary)
  --noise <model>     how the target's noise spreads: absolute (constant), relative (proportional to
                      |value|) or poisson (counts: variance = mean); laws are then fitted by weighted
                      least squares and priced on standardised residuals. Default: relative when the
                      target is positive and spans more than two decades, else absolute
  --llm <profile>     let a language model propose laws that seed the search (it still decides by bits)
  --llm-config <f>    language-model profiles file (default $WORLDBREAKER_LLM_CONFIG, ./worldbreaker.llm.json)
  --json              print one JSON object (the stable contract) instead of text

Progress (best law, R², evaluations/s) goes to stderr; Ctrl-C stops and prints the best law so far.
`;

/** Parses --units: inline `name=unit,…` or a JSON file mapping column names to units. */
export function parseUnitsFlag(spec: string, cwd: string): Record<string, string> {
  const trimmed = spec.trim();
  if (trimmed.endsWith(".json")) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolve(cwd, trimmed), "utf8"));
    } catch (err) {
      throw new UserError(`explain: --units file '${trimmed}': ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new UserError(`explain: --units file '${trimmed}' must hold one JSON object {"column": "unit"}`);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(raw)) {
      if (typeof val !== "string" && typeof val !== "number") throw new UserError(`explain: --units file '${trimmed}': unit of '${k}' must be a string`);
      out[k] = String(val);
    }
    return out;
  }
  const out: Record<string, string> = {};
  for (const part of trimmed.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw new UserError(`explain: --units entry '${part}' must look like name=unit`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** The contract JSON object of `explain --json` (with the noise model fitted for, and why). */
export function resultJson(r: ExplainResult, noise?: NoiseDecision, checks?: LawChecks): Record<string, unknown> {
  return {
    target: r.target,
    law: r.law,
    complexity: r.complexity,
    bits: r.bits,
    r2: r.r2,
    rmse: r.rmse,
    pareto: r.pareto.map((p) => ({ law: p.law, complexity: p.complexity, bits: p.bits.total, r2: p.r2 })),
    evaluations: r.evaluations,
    seconds: r.seconds,
    ...(noise ? { noise: noiseJson(noise) } : {}),
    ...(checks ? lawChecksJson(checks) : {}),
    ...(r.crossValidation ? { crossValidation: r.crossValidation } : {}),
    warnings: r.warnings ?? [],
  };
}

function noiseJson(d: NoiseDecision): Record<string, unknown> {
  return { model: d.kind, chosen: d.automatic ? "default" : "user", decades: d.decades === null ? null : Number(d.decades.toPrecision(5)), ...(d.message ? { reason: d.message } : {}) };
}

function noiseLine(d: NoiseDecision): string {
  const why = d.automatic ? (d.message ? `default: ${d.message.split(":")[0]}` : "default") : "--noise";
  return `noise model: ${d.kind} (${why})`;
}

function textReport(r: ExplainResult, noise?: NoiseDecision, checks?: LawChecks): string {
  // Numbers for people: 5 significant figures (every digit is in --json).
  const f = (x: number) => formatSignificant(x);
  const lines = [
    `${r.target} = ${roundLawText(r.law)}`,
    `R² ${f(r.r2)}   RMSE ${f(r.rmse)}   bits ${f(r.bits.total)} (law ${f(r.bits.model)} + data ${f(r.bits.data)})   complexity ${r.complexity}`,
    ...(checks && checks.constants.length > 0 ? [`fitted ${checks.constants.map(showConstant).join(", ")}`] : []),
    ...(checks && checks.residualStructure.byInput.length > 0 ? [`residual ${describeStructure(checks.residualStructure)}`] : []),
    ...(r.crossValidation && Number.isFinite(r.crossValidation.rmse) ? [`cross-validated RMSE ${f(r.crossValidation.rmse)} (${r.crossValidation.folds} folds)`] : []),
    `${r.evaluations} evaluations in ${r.seconds.toFixed(1)} s`,
    ...(noise ? [noiseLine(noise)] : []),
    "",
    "Pareto front (complexity, bits, R², law; constants to 5 significant figures, every digit with --json):",
    ...r.pareto.map((p) => `  ${String(p.complexity).padStart(3)}  ${f(p.bits.total).padStart(10)}  ${f(p.r2).padStart(10)}  ${roundLawText(p.law)}`),
  ];
  return lines.join("\n") + "\n";
}

async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("explain", args, {
    target: { type: "string" },
    time: { type: "string" },
    evaluations: { type: "string" },
    seed: { type: "string" },
    threads: { type: "string" },
    units: { type: "string" },
    warm: { type: "string", multiple: true },
    start: { type: "string", multiple: true },
    ops: { type: "string" },
    noise: { type: "string" },
    llm: { type: "string" },
    "llm-config": { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UserError("explain: give exactly one CSV file (see 'worldbreaker help explain')");
  if (!values.target) throw new UserError("explain: --target <column> is required");
  if (values["llm-config"] !== undefined && !values.llm) throw new UserError("explain: --llm-config needs --llm <profile>");
  const time = numberFlag("explain", "time", values.time, { min: 0 });
  const evaluations = numberFlag("explain", "evaluations", values.evaluations, { integer: true, min: 1 });
  const seed = numberFlag("explain", "seed", values.seed, { integer: true }) ?? 0;
  const threads = numberFlag("explain", "threads", values.threads, { integer: true, min: 1, max: 256 });
  const requestedNoise = noiseFlag("explain", values.noise);
  const operators = values.ops !== undefined ? operatorsFlag(values.ops) : undefined;
  const file = resolve(ctx.cwd, positionals[0]);
  const table = readCsvFile(file, { allowMissing: true });
  const target = values.target;
  if (!table.names.includes(target)) throw new UserError(`explain: ${positionals[0]} has no column '${target}' (columns: ${table.names.join(", ")})`);
  const variables = table.names.filter((n) => n !== target);
  const units = values.units ? parseUnitsFlag(values.units, ctx.cwd) : undefined;
  if (units) for (const k of Object.keys(units)) if (!table.names.includes(k)) throw new UserError(`explain: --units names '${k}', which is not a column of ${positionals[0]}`);
  let lastLine = 0;
  const noise = chooseNoise(table.columns[target], requestedNoise);
  if (noise.message) ctx.stderr(`explain: ${noise.message}\n`);
  const scales = noiseScales(table.columns[target], noise.kind);
  const evidence: Evidence = { variables, columns: table.columns, target: table.columns[target], targetName: target, units, ...(scales ? { scales } : {}) };
  const starts = (values.start ?? []).map((law) => startLaw(law, evidence, seed, ctx));
  const llmSeeds = values.llm ? await llmSeedLaws(values.llm, values["llm-config"], evidence, ctx) : [];
  const warm: WarmStart[] = [...starts, ...(values.warm ?? []), ...llmSeeds];
  const result = await explain(
    evidence,
    {
      seed,
      timeSeconds: time ?? (evaluations === undefined ? 60 : undefined),
      maxEvaluations: evaluations,
      executor: islandExecutor(threads ?? availableParallelism()),
      warmStart: warm,
      signal: ctx.signal,
      ...(operators ? { operators } : {}),
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastLine < 1000) return;
        lastLine = now;
        const bits = Number.isFinite(p.bits) ? `  ${p.bits.toFixed(1)} bits` : "";
        ctx.stderr(`[${p.seconds.toFixed(1)} s] ${p.evaluations} evaluations (${Math.round(p.evaluationsPerSecond)}/s)  R² ${p.r2.toPrecision(6)}${bits}  ${roundLawText(p.best)}\n`);
      },
    },
  );
  for (const w of result.warnings ?? []) ctx.stderr(`explain: warning: ${w}\n`);
  if (result.droppedRows) ctx.stderr(`explain: ignored ${result.droppedRows} row(s) with a missing or non-finite cell\n`);
  const scored = scoreLaw(result.expr, result.params, evidence);
  const checks = scored ? lawChecks(result.expr, result.params, evidence, noise.kind, scored.predicted) : undefined;
  ctx.stdout(values.json ? JSON.stringify(resultJson(result, noise, checks)) + "\n" : textReport(result, noise, checks));
  return 0;
}

/** `--ops`: the operator list, or a UserError naming the flag and the known operators. */
function operatorsFlag(spec: string): string[] {
  try {
    return parseOperatorList(spec);
  } catch (err) {
    if (!(err instanceof ExplainError)) throw err;
    throw new UserError(`explain: --ops: ${err.message}`);
  }
}

/**
 * `--start`: the law fitted and scored exactly as `score` does (same restarts, seed and noise model), so the
 * explainer starts from the constants the user saw and its choice can only be as short or shorter in bits.
 */
function startLaw(text: string, evidence: Evidence, seed: number, ctx: CommandContext): WarmStart {
  let expr: Expr;
  try {
    expr = parse(text, { variables: evidence.variables });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new UserError(`explain: --start '${text}': ${err.message}`);
  }
  if (paramNamesOf(expr).includes(evidence.targetName)) throw new UserError(`explain: --start '${text}' uses the target column '${evidence.targetName}' as an input`);
  const fit = fitLaw(expr, evidence, { seed, restarts: 8, signal: ctx.signal });
  const score = scoreLaw(expr, fit.params, evidence);
  if (!score) throw new UserError(`explain: --start '${text}' gives NaN or infinite values on this data for every set of constants tried`);
  ctx.stderr(`explain: start law ${text}: ${score.bits.total.toFixed(1)} bits, R² ${score.r2.toPrecision(6)}\n`);
  return { expr, params: fit.params };
}

/** `--llm`: the profile's Explainer agent proposes laws for the table; those that parse seed the search. */
async function llmSeedLaws(profile: string, configPath: string | undefined, evidence: Evidence, ctx: CommandContext): Promise<string[]> {
  const { llmWarmStart } = await import("../../llm/index.js");
  const log = (line: string) => ctx.stderr(line + "\n");
  const { laws, stats } = await llmWarmStart(profile, evidence, { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal, log, ...(configPath ? { configPath } : {}) });
  log(`llm: ${laws.length} candidate law${laws.length === 1 ? "" : "s"} from profile '${profile}' seed the search (${stats.tokens.total} tokens)${laws.length > 0 ? `: ${laws.join("; ")}` : ""}`);
  return laws;
}

/** The `explain` command. */
export const command: Command = {
  name: "explain",
  summary: "find the law of least description length for a column of a CSV file",
  usage: USAGE,
  run,
};
