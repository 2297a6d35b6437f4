/**
 * The fast paths for the laws of measurement science, gathered: products of powers and exponentials
 * over every input (`power-exp-law.ts`; cheap, so `fast-paths.ts` also runs it alone, early, with
 * `productLawCandidates`), and for tables of up to three inputs the one-input families —
 * saturating (`saturating-law.ts`), rise, decay, logistic and two exponentials (`rise-decay-law.ts`),
 * two lines with a fitted breakpoint (`piecewise-linear-law.ts`). Each proposes constants from a grid
 * scan with exact linear solves; the final choice refits them under the noise model and prices them in
 * bits, so a family's law is chosen only where the data pay for it.
 */
import type { Candidate } from "./final-selection.js";
import { rowWeights, type FamilyLaw } from "./law-family-fit.js";
import { piecewiseLinearLaws } from "./piecewise-linear-law.js";
import { powerExpFit } from "./power-exp-law.js";
import { riseDecayLaws } from "./rise-decay-law.js";
import { saturatingLaws } from "./saturating-law.js";

/** Inputs beyond this many get only the power–exponential path (one-input laws rarely explain such tables). */
export const MAX_ONE_INPUT_VARIABLES = 3;
/** Share of the target's weighted variation below which a one-input law counts as exact. */
const EXACT = 1e-12;

/** Options of `measurementLawCandidates`. */
export interface MeasurementLawOptions {
  scales?: Float64Array;
  signal?: AbortSignal;
  deadline?: number;
}

/** Candidates of every measurement-law family, and whether one already fits exactly. */
export function measurementLawCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: MeasurementLawOptions = {},
): { candidates: Candidate[]; exact: boolean; evaluations: number } {
  const products = productLawCandidates(variables, columns, target, opts);
  const oneInput = oneInputLawCandidates(variables, columns, target, opts);
  return { candidates: [...products.candidates, ...oneInput.candidates], exact: products.exact || oneInput.exact, evaluations: products.evaluations + oneInput.evaluations };
}

/** The power–exponential products (milliseconds for any number of inputs). */
export function productLawCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: MeasurementLawOptions = {},
): { candidates: Candidate[]; exact: boolean; evaluations: number } {
  const power = powerExpFit(variables, columns, target, opts.scales ? { scales: opts.scales } : {});
  return { candidates: power.candidates, exact: power.sse <= EXACT * plainTotal(target), evaluations: power.candidates.length };
}

/** The one-input families (saturating, rise and decay, two lines) for tables of up to `MAX_ONE_INPUT_VARIABLES` inputs. */
export function oneInputLawCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  opts: MeasurementLawOptions = {},
): { candidates: Candidate[]; exact: boolean; evaluations: number } {
  const candidates: Candidate[] = [];
  let exact = false;
  let evaluations = 0;
  if (variables.length > MAX_ONE_INPUT_VARIABLES) return { candidates, exact, evaluations };
  const w = rowWeights(opts.scales);
  const total = weightedTotal(target, w);
  for (let j = 0; j < variables.length; j++) {
    if (opts.signal?.aborted || Date.now() > (opts.deadline ?? Infinity)) break;
    const x = columns[j];
    if (!x.every(Number.isFinite)) continue;
    const laws: FamilyLaw[] = [...saturatingLaws(variables[j], x, target, w), ...riseDecayLaws(variables[j], x, target, w), ...piecewiseLinearLaws(variables[j], x, target, w)];
    evaluations += laws.length;
    for (const law of laws) {
      // A law that explains less than half of the variation is not worth a final refit.
      if (!(law.sse < 0.5 * total) || !law.params.every(Number.isFinite)) continue;
      candidates.push({ expr: law.expr, params: law.params, source: law.source, literalsFixed: true });
      if (law.sse <= EXACT * total) exact = true;
    }
  }
  return { candidates, exact, evaluations };
}

function plainTotal(y: Float64Array): number {
  return weightedTotal(y, null);
}

/** Σ (w·(y − ȳ_w))² about the weighted mean (the plain total without weights). */
function weightedTotal(y: Float64Array, w: Float64Array | null): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] * w[i] : 1;
    sw += wi;
    swy += wi * y[i];
  }
  const mean = swy / sw;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (w ? w[i] * w[i] : 1) * (y[i] - mean) ** 2;
  return s;
}
