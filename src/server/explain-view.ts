import { availableParallelism } from "node:os";
import { parseCsv, type Table } from "../data/csv.js";
import { UserError } from "../errors.js";
import { explain } from "../explain/index.js";
import { islandExecutor } from "../parallel/index.js";
import type { Evidence } from "../core/evidence.js";
import { compile } from "../expr/index.js";
import { noiseScales, type NoiseKind } from "../core/noise.js";
import { chooseNoise } from "../explain/noise-default.js";
import { parseOperatorList } from "../explain/operator-choice.js";
import { ExplainError } from "../explain/errors.js";
import type { ExplainView } from "./contract.js";
import { latexOf } from "./latex.js";
import { scoreLaw } from "../mdl/fit-and-score.js";
import { lawChecks, lawChecksJson } from "../mdl/law-checks.js";
import { columnNames } from "./column-names.js";

/** Rows sent back for the chart: enough to see the shape, few enough to keep the answer small. */
const SAMPLE_ROWS = 1500;

/** Options of one explanation from the web page. */
export interface ExplainTableOptions {
  seconds: number;
  seed: number;
  signal: AbortSignal;
  /** Worker threads for the Explainer's islands (default: all cores). */
  threads?: number;
  /** How the target's noise spreads (absent: chosen from the data, as `explain` does). */
  noise?: NoiseKind;
  /** Operators the search may use, comma-separated as `explain --ops` takes them (absent: all). */
  operators?: string;
  /** Units by column header (absent: the units the headers give, e.g. `stress (MPa)`). */
  units?: Record<string, string>;
  /** Laws to start the search from (the user's own), over the columns' law names. */
  warm?: string[];
}

/** Explains one column of an uploaded CSV from the others and prepares the Pareto front for display. */
export async function explainTable(csvText: string | Table, fileName: string, target: string, opts: ExplainTableOptions): Promise<ExplainView> {
  const { evidence, table, mapping, units, noise } = tableEvidence(csvText, fileName, target, opts);
  const variables = evidence.variables;
  let operators: string[] | undefined;
  try {
    operators = opts.operators ? parseOperatorList(opts.operators) : undefined;
  } catch (err) {
    if (!(err instanceof ExplainError)) throw err;
    throw new UserError(`operators: ${err.message}`);
  }
  const result = await explain(evidence, {
    seed: opts.seed,
    timeSeconds: opts.seconds,
    signal: opts.signal,
    executor: islandExecutor(opts.threads ?? availableParallelism()),
    ...(operators ? { operators } : {}),
    ...(opts.warm && opts.warm.length > 0 ? { warmStart: opts.warm } : {}),
  });
  const n = table.rowCount;
  const stride = Math.max(1, Math.ceil(n / SAMPLE_ROWS));
  const rows: number[] = [];
  for (let i = 0; i < n; i += stride) rows.push(i);
  const pick = (col: Float64Array) => rows.map((i) => col[i]);
  const sampleColumns = variables.map((v) => Float64Array.from(rows, (i) => evidence.columns[v][i]));
  const finite = (x: number) => (Number.isFinite(x) ? x : NaN);
  const targetName = evidence.targetName;
  const scored = scoreLaw(result.expr, result.params, evidence);
  const checks = scored ? lawChecksJson(lawChecks(result.expr, result.params, evidence, noise.kind, scored.predicted)) : undefined;
  return {
    target: targetName,
    columns: mapping,
    noise,
    ...(Object.keys(units).length > 0 ? { units } : {}),
    law: result.law,
    latex: latexOf(result.expr, result.params),
    complexity: result.complexity,
    bits: result.bits,
    r2: result.r2,
    rmse: result.rmse,
    pareto: result.pareto.map((p) => ({ law: p.law, latex: latexOf(p.expr, p.params), complexity: p.complexity, bits: p.bits.total, r2: p.r2, rmse: p.rmse })),
    evaluations: result.evaluations,
    seconds: result.seconds,
    ...(checks ? { constants: checks.constants as ExplainView["constants"], residualStructure: checks.residualStructure as ExplainView["residualStructure"] } : {}),
    warnings: result.warnings ?? [],
    sample: {
      inputs: Object.fromEntries(variables.map((v) => [v, pick(evidence.columns[v])])),
      target: pick(evidence.target),
      predictions: result.pareto.map((p) => Array.from(compile(p.expr, variables).evaluate(sampleColumns, p.params), finite)),
    },
  };
}

/**
 * The evidence of one column of an uploaded table: headers renamed to valid law names (the mapping is
 * returned to be shown), units from the request or the headers, and the noise model asked for or chosen
 * from the data.
 */
export function tableEvidence(
  csvText: string | Table,
  fileName: string,
  target: string,
  opts: { noise?: NoiseKind; units?: Record<string, string> },
): { evidence: Evidence; table: ReturnType<typeof parseCsv>; mapping: ReturnType<typeof columnNames>; units: Record<string, string>; noise: { kind: NoiseKind; automatic: boolean } } {
  // A table already read (the server's task thread caches uploads' numbers) is not parsed again.
  const table = typeof csvText === "string" ? parseCsv(csvText, fileName) : csvText;
  if (!table.names.includes(target)) throw new UserError(`${fileName}: no column '${target}'; its columns are ${table.names.join(", ")}`);
  if (table.names.length < 2) throw new UserError(`${fileName}: explaining '${target}' needs at least one other column`);
  const mapping = columnNames(table.names);
  const lawName = (column: string) => mapping.find((m) => m.column === column)?.name ?? column;
  const variables = mapping.filter((m) => m.column !== target).map((m) => m.name);
  const units: Record<string, string> = {};
  for (const m of mapping) if (m.unit) units[m.name] = m.unit;
  for (const [column, unit] of Object.entries(opts.units ?? {})) {
    if (!table.names.includes(column) && !mapping.some((m) => m.name === column)) throw new UserError(`units: '${column}' is not a column of ${fileName}`);
    if (unit.trim() !== "") units[table.names.includes(column) ? lawName(column) : column] = unit.trim();
  }
  const y = table.columns[target];
  const decision = chooseNoise(y, opts.noise);
  const scales = noiseScales(y, decision.kind);
  const evidence: Evidence = {
    variables,
    columns: Object.fromEntries(mapping.filter((m) => m.column !== target).map((m) => [m.name, table.columns[m.column]])),
    target: y,
    targetName: lawName(target),
    // The Explainer checks dimensions only when every column has a unit; partial units are for display.
    ...(mapping.every((m) => units[m.name] !== undefined) ? { units } : {}),
    ...(scales ? { scales } : {}),
  };
  return { evidence, table, mapping, units, noise: { kind: decision.kind, automatic: opts.noise === undefined } };
}
