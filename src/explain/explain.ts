/**
 * `explain(evidence, options)`: the Explainer. It cleans the evidence, tries the fast paths
 * (constant, monomial, sparse linear-in-features), rewrites the problem in π groups when units are
 * given, runs the island search for the rest, and returns the law of least description length with
 * its Pareto front. Warm-start laws join both the search and the final choice.
 */
import type { Expr } from "../expr/ast.js";
import { paramCount, parse, ParseError, toInfix } from "../expr/index.js";
import { ExplainError } from "./errors.js";
import { cleanEvidence, screenVariables, type CleanEvidence } from "./evidence-check.js";
import { fastPathCandidates } from "./fast-paths.js";
import { chooseByBits, measure, paretoFront, type Candidate, type FinalData, type MeasuredLaw } from "./final-selection.js";
import { variance } from "./linalg.js";
import { DEFAULT_OPERATORS } from "./operators.js";
import { operatorSetFor, usesOnly } from "./operator-choice.js";
import { hasFittedExponentOfDimensioned } from "./fitted-exponent.js";
import { inProcessExecutor } from "./in-process-executor.js";
import type { SearchConfig } from "./search-config.js";
import { runSearch } from "./search-loop.js";
import type { SearchData } from "./scoring.js";
import { sampleRows, takeRows } from "./subsample.js";
import { chooseFinal } from "./final-choice.js";
import type { PopMember } from "./pop-member.js";
import { inlineParams } from "./tree-ops.js";
import type { Evidence } from "../core/evidence.js";
import type { ExplainOptions, ExplainResult, WarmStart } from "./types.js";
import { lawHasConsistentUnits, parseUnits, reduceProblem, reduceProblems } from "./units-reduction.js";

/** Normalised loss (1 − R²) at or below which a law is taken as exact and the search stops. */
export const EXACT_LOSS = 1e-12;
/** Rows the evolutionary search fits on (the final choice always uses every row). */
export const SEARCH_ROWS = 96;
/** Inputs beyond this many are screened down by correlation before searching. */
export const MAX_SEARCH_VARIABLES = 12;
/** Default wall-time budget when neither time nor evaluations are given. */
export const DEFAULT_TIME_SECONDS = 10;

/** Explains `evidence` by the law of least description length (see the module comment). */
export async function explain(evidence: Evidence, options: ExplainOptions = {}): Promise<ExplainResult> {
  const start = Date.now();
  const seed = options.seed ?? 0;
  const timeSeconds = options.timeSeconds ?? (options.maxEvaluations === undefined ? DEFAULT_TIME_SECONDS : Infinity);
  // The final refit of the front on all rows happens after the search: keep a little time for it.
  const deadline = start + timeSeconds * 1000 * 0.92;
  const maxEvaluations = options.maxEvaluations ?? Infinity;
  // The fast paths may use at most a third of a wall-time budget; the search gets the rest.
  const fastDeadline = Number.isFinite(timeSeconds) ? start + timeSeconds * 1000 * 0.33 : Infinity;
  const clean = cleanEvidence(evidence);
  const dims = evidence.units ? parseUnits(evidence.units, [...clean.variables, clean.targetName]) : null;
  const keep = screenVariables(clean, MAX_SEARCH_VARIABLES);
  const vars = keep.map((j) => clean.variables[j]);
  const cols = keep.map((j) => clean.columns[j]);
  // Noise scales (when the evidence has them) weigh the search's fits, every final refit and the price of
  // every law, so that shapes are found, fitted and chosen by one rule. The fast paths propose shapes by
  // plain least squares; each is refitted under the scales before it is measured.
  const full = { variables: clean.variables, columns: clean.columns, target: clean.target, ...(clean.scales ? { scales: clean.scales } : {}) };

  const candidates: Candidate[] = [];
  const warm = warmStartCandidates(options.warmStart ?? [], clean);
  candidates.push(...warm);
  let evaluations = 0;
  const constantTarget = variance(clean.target) === 0 || clean.rows < 2;
  const useFast = options.fastPaths !== false;
  if (!constantTarget && useFast) {
    const fastRows = sampleRows(clean.rows, 2000, seed);
    const fastOpts = { ...(clean.scales ? { scales: takeRows(clean.scales, fastRows) } : {}), ...(options.operators ? { operators: options.operators } : {}) };
    const fast = await fastPathCandidates(vars, cols.map((c) => takeRows(c, fastRows)), takeRows(clean.target, fastRows), options.signal, fastDeadline, fastOpts);
    candidates.push(...fast.candidates);
    evaluations += fast.evaluations;
  } else {
    let mean = 0;
    for (const y of clean.target) mean += y;
    candidates.push({ expr: { kind: "param", index: 0, name: "c0" }, params: [mean / clean.rows], source: "constant" });
  }
  let measuredLaws = measureAll(candidates, full, seed, options.signal);
  evaluations += candidates.length;

  const units = dims ? { dims, target: dims[clean.targetName] } : null;
  const exactAlready = measuredLaws.some((l) => 1 - l.r2 <= EXACT_LOSS && unitsOk(l.expr, units));
  if (!constantTarget && !exactAlready && clean.rows >= 3) {
    // Several reductions (different carriers) for the fast paths; the search uses the simplest.
    const spaces = dims ? reduceProblems(vars, cols, clean.target, clean.targetName, dims, 3).filter((r) => r.variables.length > 0) : [];
    for (const space of useFast ? spaces : []) {
      if (options.signal?.aborted || measuredLaws.some((l) => 1 - l.r2 <= EXACT_LOSS && unitsOk(l.expr, units))) break;
      const piRows = sampleRows(clean.rows, 2000, seed + 2);
      const piFast = await fastPathCandidates(space.variables, space.columns.map((c) => takeRows(c, piRows)), takeRows(space.target, piRows), options.signal, fastDeadline, options.operators ? { operators: options.operators } : {});
      const piCands = piFast.candidates.map((c) => ({ ...c, expr: space.toOriginal(c.expr), source: `pi-${c.source}` }));
      evaluations += piFast.evaluations;
      measuredLaws = measuredLaws.concat(measureAll(piCands, full, seed, options.signal));
    }
  }
  const exactNow = measuredLaws.some((l) => 1 - l.r2 <= EXACT_LOSS && unitsOk(l.expr, units));
  reportFastPaths(measuredLaws, start, evaluations, options);
  if (!constantTarget && !exactNow && clean.rows >= 3) {
    const reduced = dims ? reduceProblem(vars, cols, clean.target, clean.targetName, dims) : null;
    const space = reduced && reduced.variables.length > 0 ? reduced : null;
    const rows = sampleRows(clean.rows, SEARCH_ROWS, seed + 1);
    const searchVars = space ? space.variables : vars;
    const searchCols = (space ? space.columns : cols).map((c) => takeRows(c, rows));
    const searchTarget = takeRows(space ? space.target : clean.target, rows);
    const searchScales = clean.scales ? carriedScales(takeRows(clean.scales, rows), space ? takeRows(clean.target, rows) : null, searchTarget) : undefined;
    const data: SearchData = searchScales
      ? { variables: searchVars, columns: searchCols, target: searchTarget, targetVariance: standardisedVariance(searchTarget, searchScales) || 1, scales: searchScales }
      : { variables: searchVars, columns: searchCols, target: searchTarget, targetVariance: variance(searchTarget) || 1 };
    const cfg: SearchConfig = { ...defaultSearchConfig(), seed, maxEvaluations, deadline, exactLoss: EXACT_LOSS, ...(options.operators ? { operators: operatorSetFor(options.operators) } : {}) };
    // Warm-start laws seed the islands only when they live in the same variable space.
    const seeds: Expr[] = space ? [] : warm.map((w) => inlineParams(w.expr, w.params));
    let lastReport = 0;
    const onEpoch = (best: PopMember | null, evals: number) => {
      const now = Date.now();
      if (!options.onProgress || !best || now - lastReport < 250) return;
      lastReport = now;
      const secs = (now - start) / 1000;
      const law = space ? space.toOriginal(best.expr) : best.expr;
      options.onProgress({ best: toInfix(law), bits: NaN, r2: 1 - best.loss, evaluations: evaluations + evals, evaluationsPerSecond: evals / Math.max(secs, 1e-3), seconds: secs });
    };
    const outcome = await runSearch({ data, cfg }, seeds, { executor: options.executor ?? inProcessExecutor, signal: options.signal, onEpoch });
    evaluations += outcome.evaluations;
    const permitted = options.operators;
    const found = outcome.pareto
      .map((m) => ({ expr: space ? space.toOriginal(m.expr) : m.expr, params: [], source: "search" }))
      // A mutation can leave a literal exponent the chosen blocks cannot write (x^-1.5 without ^).
      .filter((c) => !permitted || usesOnly(c.expr, permitted));
    measuredLaws = measuredLaws.concat(measureAll(found, full, seed, undefined));
  }
  const warnings: string[] = [];
  const admissible = units ? measuredLaws.filter((l) => unitsOk(l.expr, units)) : measuredLaws;
  let pool = admissible.length > 0 ? admissible : measuredLaws;
  // Data that no unit-consistent law can describe, while an inconsistent one does, mean the declared
  // units are wrong (the Feynman table's mu_drift is one case): say so and judge by the data alone.
  const bestR2 = (ls: readonly MeasuredLaw[]) => ls.reduce((m, l) => Math.max(m, l.r2), -Infinity);
  // Fitted constants may carry any unit, so a consistent law with a few of them often fits passably; an
  // inconsistent law that is exact where no consistent one is says the same as a poor best fit.
  const exactIn = (ls: readonly MeasuredLaw[]) => ls.some((l) => 1 - l.r2 <= EXACT_LOSS);
  if (units && bestR2(admissible) < 0.5 && bestR2(measuredLaws) > 0.9) {
    warnings.push(`the units given contradict the data: no dimensionally consistent law fits (best R² ${bestR2(admissible).toFixed(3)}), so units were ignored`);
    pool = measuredLaws;
  } else if (units && admissible.length > 0 && !exactIn(admissible) && exactIn(measuredLaws)) {
    warnings.push(`the units given contradict the data: a law that ignores them is exact while no dimensionally consistent law is (best R² ${bestR2(admissible).toFixed(5)}), so units were ignored`);
    pool = measuredLaws;
  }
  // Safety near the data, description length, cross-validation on small tables, then polish.
  const choice = chooseFinal(dedupe(pool), full, seed, options.signal);
  if (!choice) throw new ExplainError(`explain: no law could be evaluated on the data for '${clean.targetName}'`);
  const { best, front } = choice;
  warnings.push(...choice.warnings);
  return {
    target: clean.targetName,
    expr: best.expr,
    params: best.params,
    law: best.law,
    complexity: best.complexity,
    bits: best.bits,
    r2: best.r2,
    rmse: best.rmse,
    pareto: front.map(({ expr, params, law, complexity, bits, r2, rmse }) => ({ expr, params, law, complexity, bits, r2, rmse })),
    ...(choice.crossValidation ? { crossValidation: choice.crossValidation } : {}),
    evaluations,
    seconds: (Date.now() - start) / 1000,
    droppedRows: clean.droppedRows,
    ...(warnings.length ? { warnings } : {}),
  };
}

/** The search's default tunables (islands fixed, independent of the thread count, for reproducibility). */
export function defaultSearchConfig(): Omit<SearchConfig, "seed" | "maxEvaluations" | "deadline" | "exactLoss"> {
  return {
    islands: 4,
    populationSize: 40,
    tournamentSize: 6,
    maxSize: 30,
    maxDepth: 10,
    crossoverRate: 0.1,
    annealingAlpha: 0.1,
    parsimony: 0.02,
    adaptiveParsimony: 2,
    operators: DEFAULT_OPERATORS,
    epochSteps: 60,
    migrants: 3,
  };
}

/**
 * The noise scales of a search target: the target's own, or — when the search runs on a π group
 * target/carrier — the scales divided by the carrier (|π/y|). Undefined (plain least squares) where a zero
 * target leaves the carrier unknown.
 */
function carriedScales(scales: Float64Array, target: Float64Array | null, searchTarget: Float64Array): Float64Array | undefined {
  if (!target) return scales;
  const out = new Float64Array(scales.length);
  for (let i = 0; i < scales.length; i++) {
    out[i] = scales[i] * Math.abs(searchTarget[i] / target[i]);
    if (!(out[i] > 0 && Number.isFinite(out[i]))) return undefined;
  }
  return out;
}

/** Weighted variance Σ((y − ȳ_w)/g)²/n about the weighted mean ȳ_w = Σ(y/g²)/Σ(1/g²): the loss normaliser under scales. */
function standardisedVariance(y: Float64Array, g: Float64Array): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const w = 1 / (g[i] * g[i]);
    sw += w;
    swy += w * y[i];
  }
  const mean = swy / sw;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += ((y[i] - mean) / g[i]) ** 2;
  return s / y.length;
}

function measureAll(cands: readonly Candidate[], data: FinalData, seed: number, signal?: AbortSignal): MeasuredLaw[] {
  const out: MeasuredLaw[] = [];
  for (const c of cands) {
    const m = measure(c, data, seed, signal);
    if (m) out.push(m);
  }
  return out;
}

function dedupe(laws: MeasuredLaw[]): MeasuredLaw[] {
  const byHash = new Map<string, MeasuredLaw>();
  for (const l of laws) {
    const cur = byHash.get(l.hash);
    if (!cur || l.sse < cur.sse) byHash.set(l.hash, l);
  }
  return [...byHash.values()];
}

function warmStartCandidates(laws: readonly WarmStart[], clean: CleanEvidence): Candidate[] {
  return laws.map((law, k) => {
    let expr: Expr;
    let given: readonly number[] = [];
    if (typeof law === "string") {
      try {
        expr = parse(law, { variables: clean.variables });
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        throw new ExplainError(`explain: warm-start law ${k + 1} '${law}': ${err.message}`);
      }
    } else if ("kind" in law) expr = law;
    else {
      expr = law.expr;
      given = law.params;
    }
    const params = Array.from({ length: paramCount(expr) }, (_, j) => (Number.isFinite(given[j]) ? given[j] : 1));
    // The law's constants stay fitted constants (a constant that starts at 1 must not be simplified away),
    // and without known values the fit gets restarts, since 1 is rarely a good starting point.
    return { expr, params, source: "warm-start", literalsFixed: true, restarts: given.length > 0 ? 0 : 4 };
  });
}

function unitsOk(expr: Expr, units: { dims: Record<string, number[]>; target: number[] } | null): boolean {
  return !units || (lawHasConsistentUnits(expr, units.dims, units.target) && !hasFittedExponentOfDimensioned(expr, units.dims));
}

// One progress report after the fast paths, so a caller hears something even before the search.
function reportFastPaths(laws: readonly MeasuredLaw[], start: number, evaluations: number, options: ExplainOptions): void {
  if (!options.onProgress) return;
  const best = chooseByBits(paretoFront(dedupe([...laws])));
  if (!best) return;
  const secs = (Date.now() - start) / 1000;
  options.onProgress({ best: best.law, bits: best.bits.total, r2: best.r2, evaluations, evaluationsPerSecond: evaluations / Math.max(secs, 1e-3), seconds: secs });
}
