import { availableParallelism } from "node:os";
import { parseCsv } from "../data/csv.js";
import { UserError } from "../errors.js";
import { explain } from "../explain/index.js";
import { islandExecutor } from "../parallel/index.js";
import type { Evidence } from "../core/evidence.js";
import { compile } from "../expr/index.js";
import type { ExplainView } from "./contract.js";
import { latexOf } from "./latex.js";

/** Rows sent back for the chart: enough to see the shape, few enough to keep the answer small. */
const SAMPLE_ROWS = 1500;

/** Options of one explanation from the web page. */
export interface ExplainTableOptions {
  seconds: number;
  seed: number;
  signal: AbortSignal;
  /** Worker threads for the Explainer's islands (default: all cores). */
  threads?: number;
}

/** Explains one column of an uploaded CSV from the others and prepares the Pareto front for display. */
export async function explainTable(csvText: string, fileName: string, target: string, opts: ExplainTableOptions): Promise<ExplainView> {
  const table = parseCsv(csvText, fileName);
  if (!table.names.includes(target)) throw new UserError(`${fileName}: no column '${target}'; its columns are ${table.names.join(", ")}`);
  const variables = table.names.filter((n) => n !== target);
  if (variables.length === 0) throw new UserError(`${fileName}: explaining '${target}' needs at least one other column`);
  const evidence: Evidence = {
    variables,
    columns: Object.fromEntries(variables.map((v) => [v, table.columns[v]])),
    target: table.columns[target],
    targetName: target,
  };
  const result = await explain(evidence, {
    seed: opts.seed,
    timeSeconds: opts.seconds,
    signal: opts.signal,
    executor: islandExecutor(opts.threads ?? availableParallelism()),
  });
  const n = table.rowCount;
  const stride = Math.max(1, Math.ceil(n / SAMPLE_ROWS));
  const rows: number[] = [];
  for (let i = 0; i < n; i += stride) rows.push(i);
  const pick = (col: Float64Array) => rows.map((i) => col[i]);
  const sampleColumns = variables.map((v) => Float64Array.from(rows, (i) => table.columns[v][i]));
  const finite = (x: number) => (Number.isFinite(x) ? x : NaN);
  return {
    target,
    law: result.law,
    latex: latexOf(result.expr, result.params),
    complexity: result.complexity,
    bits: result.bits,
    r2: result.r2,
    rmse: result.rmse,
    pareto: result.pareto.map((p) => ({ law: p.law, latex: latexOf(p.expr, p.params), complexity: p.complexity, bits: p.bits.total, r2: p.r2, rmse: p.rmse })),
    evaluations: result.evaluations,
    seconds: result.seconds,
    sample: {
      inputs: Object.fromEntries(variables.map((v) => [v, pick(table.columns[v])])),
      target: pick(table.columns[target]),
      predictions: result.pareto.map((p) => Array.from(compile(p.expr, variables).evaluate(sampleColumns, p.params), finite)),
    },
  };
}
