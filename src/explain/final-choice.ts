/**
 * The final choice among the measured laws of an explain, in four checks:
 *
 * 1. Safety: laws that are undefined, blow up, or change sign near the data (`law-safety.ts`) are
 *    penalised by `unsafePenalty` bits; a front of the safe laws is kept beside the full one, so that a
 *    safe law hidden behind an unsafe one can still be chosen.
 * 2. Description length: the law of least (penalised) total bits.
 * 3. Cross-validation on tables under `CROSS_VALIDATION_ROWS` rows: each candidate's shape is refitted on
 *    k − 1 folds and predicts the k-th. A law that the best-predicting law of a form fixed in advance
 *    (a fast-path family, a template, a warm start, the constant; see `Contender.apriori`) beats clearly — held-out error
 *    more than `CV_MARGIN` times larger, and a paired difference over the rows beyond two standard errors
 *    (`clearlyBetter`) — is not chosen: description length decides among the laws that predict alike,
 *    and never picks a constant (or any law) that cross-validates clearly worse than such a law.
 * 4. Polish: constants snapped to simple values where that shortens the law without hurting the above.
 *
 * The chosen law's held-out error is reported, and its safety problems become warnings.
 */
import { defaultPrecision } from "../mdl/description-length.js";
import type { FitData } from "../mdl/fit-and-score.js";
import { clearlyBetter, crossValidate, type CrossValidation } from "./cross-validation.js";
import { fitData, paretoFront, type FinalData, type MeasuredLaw } from "./final-selection.js";
import { lawSafety, type SafetyFlag } from "./law-safety.js";
import { polishLaw } from "./polish.js";
import { sampleRows, takeRows } from "./subsample.js";

/** Tables with fewer counted rows than this have every candidate cross-validated before the choice. */
export const CROSS_VALIDATION_ROWS = 200;
/** A law cross-validates clearly better when its held-out error is below the other's divided by this. */
export const CV_MARGIN = 1.1;
/** Rows the chosen law of a larger table is cross-validated on (a seeded sample), in `LARGE_TABLE_FOLDS` folds. */
export const LARGE_TABLE_ROWS = 1000;
/** Folds for the chosen law of a table of `CROSS_VALIDATION_ROWS` rows or more. */
export const LARGE_TABLE_FOLDS = 5;

/**
 * Bits added to a law with safety problems: 10 plus ½ bit a row, so that a safe law wins unless the unsafe
 * one's residuals are about 30 % smaller (n·log2(ρ) = ½·n at ρ = √2, less the fixed part).
 */
export function unsafePenalty(rows: number): number {
  return 10 + 0.5 * rows;
}

/** The outcome of the final choice. */
export interface FinalChoice {
  best: MeasuredLaw;
  /** The Pareto front the choice was made on (the safe laws' front when the chosen law is safe). */
  front: MeasuredLaw[];
  /** The chosen law's held-out error (absent when it could not be computed, e.g. after an abort). */
  crossValidation?: CrossValidation;
  /** Problems of the chosen law, one sentence each. */
  warnings: string[];
}

/** Chooses among `laws` (measured on all rows of `data`, one per shape) by the checks of the module comment; null when there are none. */
export function chooseFinal(laws: readonly MeasuredLaw[], data: FinalData, seed: number, signal?: AbortSignal): FinalChoice | null {
  if (laws.length === 0) return null;
  const rows = countedRows(data.target);
  const safety = new SafetyBook(data, seed);
  const fullFront = paretoFront(laws);
  const safeFront = safety.safeFront(laws);
  const candidates = unique([...fullFront, ...safeFront]);
  const evidence = fitData(data);
  const small = rows < CROSS_VALIDATION_ROWS && !signal?.aborted;
  // Laws of a form fixed in advance that lie off the fronts still measure what held-out error is possible.
  const yardsticks = small ? laws.filter((l) => aprioriSource(l.source) && !candidates.includes(l)) : [];
  const judged = [...candidates, ...yardsticks];
  const cv = new Map<MeasuredLaw, CrossValidation>();
  if (small) for (const l of judged) cv.set(l, crossValidate(l.expr, l.params, evidence, { seed, signal }));
  const floor = exactError(evidence);
  const contenders: Contender[] = judged.map((l, i) => ({
    bits: l.bits.total,
    complexity: l.complexity,
    unsafe: i < candidates.length && safety.flags(l).length > 0,
    cv: cv.get(l),
    apriori: aprioriSource(l.source) && rows >= ROWS_PER_CONSTANT * l.params.length,
    choosable: i < candidates.length,
  }));
  let best = judged[pickLaw(contenders, unsafePenalty(rows), floor)];
  let front = safety.flags(best).length === 0 ? safeFront : fullFront;
  if (!signal?.aborted) {
    // Keep the polished law only when it also sits on the front (so the front stays monotone), is no less
    // safe, and (on a small table) does not cross-validate clearly worse than the law it polishes.
    const polished = polishLaw(best, data, seed);
    if (polished !== best && safety.flags(polished).length <= safety.flags(best).length) {
      const withPolished = paretoFront(unique([...front, polished]));
      let ok = withPolished.includes(polished);
      if (ok && small) {
        const c = crossValidate(polished.expr, polished.params, evidence, { seed, signal });
        cv.set(polished, c);
        const before = cv.get(best);
        ok = !before || !clearlyBetter(before, c, CV_MARGIN, floor);
      }
      if (ok) {
        best = polished;
        front = withPolished;
      }
    }
  }
  const held = signal?.aborted ? undefined : (cv.get(best) ?? largeTableCv(best, evidence, rows, seed, signal));
  const crossValidation = held && held.folds > 0 ? { folds: held.folds, rmse: held.rmse, error: held.error } : undefined;
  const warnings = safety.flags(best).map((f) => `the chosen law ${f.message}`);
  return { best, front, ...(crossValidation ? { crossValidation } : {}), warnings };
}

/** The safety flags of laws, computed once each. */
class SafetyBook {
  private readonly known = new Map<MeasuredLaw, SafetyFlag[]>();
  constructor(
    private readonly data: FinalData,
    private readonly seed: number,
  ) {}

  flags(l: MeasuredLaw): SafetyFlag[] {
    let f = this.known.get(l);
    if (!f) {
      f = lawSafety(l.expr, l.params, this.data, { seed: this.seed });
      this.known.set(l, f);
    }
    return f;
  }

  /** The Pareto front of the safe laws, checking only the laws that reach a front (a few rounds at most). */
  safeFront(laws: readonly MeasuredLaw[]): MeasuredLaw[] {
    let pool = [...laws];
    for (let round = 0; round < 8; round++) {
      const front = paretoFront(pool);
      const unsafe = new Set(front.filter((l) => this.flags(l).length > 0));
      if (unsafe.size === 0) return front;
      pool = pool.filter((l) => !unsafe.has(l));
    }
    return paretoFront(pool.filter((l) => this.flags(l).length === 0));
  }
}

/** A candidate law as the choice rule sees it. */
export interface Contender {
  /** Total description length in bits. */
  bits: number;
  complexity: number;
  /** Whether the law has safety problems near the data (it then pays the penalty). */
  unsafe: boolean;
  /** Held-out errors, when the table was cross-validated (all contenders on the same folds). */
  cv?: CrossValidation;
  /**
   * Whether the law's form was fixed before the data were seen (a constant, a fast-path family such as
   * Michaelis–Menten or a first-order rise, a template, a user's warm start) rather than picked out of many
   * forms by its fit to these rows (the search, the feature enumeration). Only such a law can overrule the
   * description length by cross-validation: a form selected on all rows keeps its advantage on held-out rows
   * when only its constants are refitted, so its held-out error is optimistic (on pure noise, the search's
   * best of six rows "predicts" them well).
   */
  apriori?: boolean;
  /** False for a law off the Pareto fronts, which only serves as a yardstick of held-out error (default true). */
  choosable?: boolean;
}

/**
 * A law may overrule the description length by cross-validation only with at least this many rows per
 * fitted constant: a three-constant law left to fit five rows of six predicts the sixth by luck as often as
 * by law.
 */
export const ROWS_PER_CONSTANT = 3;

/** Sources of laws whose form was selected among many by the fit to the data (see `Contender.apriori`). */
const DATA_SELECTED = /^(pi-)?(search|enumeration|linear-\d+)$/;

/** Whether a law from `source` has a form fixed before the data were seen (see `Contender.apriori`). */
export function aprioriSource(source: string): boolean {
  return !DATA_SELECTED.test(source);
}

/**
 * The index of the contender the rule of the module comment chooses: the least bits, plus `penalty` for an
 * unsafe law (ties to the simpler one), among the laws that the best cross-validating a-priori law (see
 * `Contender.apriori`) does not predict clearly better (`clearlyBetter` with `CV_MARGIN`; errors below
 * `floor` are all alike). -1 when there are no contenders.
 */
export function pickLaw(contenders: readonly Contender[], penalty: number, floor = 0): number {
  const cost = (c: Contender) => c.bits + (c.unsafe ? penalty : 0);
  const least = (ids: readonly number[]): number => {
    let best = -1;
    for (const i of ids) {
      const a = contenders[i];
      const b = contenders[best];
      if (best < 0 || cost(a) < cost(b) - 1e-9 || (Math.abs(cost(a) - cost(b)) <= 1e-9 && a.complexity < b.complexity)) best = i;
    }
    return best;
  };
  const all = contenders.flatMap((c, i) => (c.choosable === false ? [] : [i]));
  let top = -1;
  for (let i = 0; i < contenders.length; i++) {
    if (!contenders[i].apriori) continue;
    const e = contenders[i].cv?.error ?? Infinity;
    if (Number.isFinite(e) && (top < 0 || e < contenders[top].cv!.error)) top = i;
  }
  if (top < 0) return least(all);
  const leader = contenders[top].cv!;
  const never: CrossValidation = { folds: 0, rmse: Infinity, error: Infinity };
  const keep = (yardstick: CrossValidation) => all.filter((i) => !clearlyBetter(yardstick, contenders[i].cv ?? never, CV_MARGIN, floor));
  const kept = keep(leader);
  if (kept.length > 0) return least(kept);
  // The yardstick beats every law on the fronts: measure them against the best of themselves instead.
  const own = all.reduce((m, i) => ((contenders[i].cv?.error ?? Infinity) < (contenders[m].cv?.error ?? Infinity) ? i : m), all[0]);
  const ownCv = contenders[own].cv;
  return least(ownCv && Number.isFinite(ownCv.error) ? keep(ownCv) : all);
}

/** The held-out error below which a law counts as exact: the precision of the (standardised) target, as in `dataBits`. */
function exactError(evidence: FitData): number {
  const g = evidence.scales;
  return defaultPrecision(g ? evidence.target.map((y, i) => y / g[i]) : evidence.target);
}

function unique(laws: readonly MeasuredLaw[]): MeasuredLaw[] {
  return [...new Set(laws)];
}

function countedRows(target: Float64Array): number {
  let n = 0;
  for (const y of target) if (Number.isFinite(y)) n += 1;
  return n;
}

/** The chosen law of a larger table, cross-validated on a seeded sample of its rows. */
function largeTableCv(l: MeasuredLaw, evidence: FitData, rows: number, seed: number, signal?: AbortSignal): CrossValidation {
  const pick = sampleRows(evidence.target.length, LARGE_TABLE_ROWS, seed + 3);
  const columns: Record<string, Float64Array> = {};
  for (const v of evidence.variables) columns[v] = takeRows(evidence.columns[v], pick);
  const sample: FitData = { variables: evidence.variables, columns, target: takeRows(evidence.target, pick), ...(evidence.scales ? { scales: takeRows(evidence.scales, pick) } : {}) };
  return crossValidate(l.expr, l.params, sample, { folds: rows < LARGE_TABLE_FOLDS ? rows : LARGE_TABLE_FOLDS, seed, signal });
}
