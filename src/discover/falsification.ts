import { evidenceRows, type Evidence } from "../core/evidence.js";
import { scaledSquaredError } from "../core/noise.js";
import { paramCount, type Expr } from "../expr/index.js";
import { lawSse } from "../mdl/fit-and-score.js";
import { fSurvival } from "../stats/f-distribution.js";
import { assessLaw } from "./laws.js";

/**
 * When is the received theory falsified? When the evidence contradicts it — not merely when some law is
 * shorter. On the initial evidence, where the received theory holds, the Explainer may already find a law
 * that codes those few rows in fewer bits (a theory with many constants costs more to state than a crude
 * fit saves); that law would "beat" the received theory with no evidence against it at all.
 *
 * The test is Chow's predictive-failure test (Chow, Econometrica 28, 591 (1960)): fit the received theory
 * on the initial rows (its home ground, n₀ rows, k constants, residual sum of squares S₀) and on all the
 * evidence (S); if the theory holds, the new rows' share of the misfit, (S − S₀)/m for m new rows, is
 * noise of the size S₀/(n₀ − k), so F = [(S − S₀)/m] / [S₀/(n₀ − k)] follows Fisher's F(m, n₀ − k). The
 * evidence against the theory is reported in bits, −log₂ P(F ≥ observed): 10 bits is a chance of
 * about 1 in 1000 that noise alone misfits this badly. Residuals are divided by the evidence's per-row
 * noise scales when it has them (relative or counting noise), so a theory is not falsified merely because
 * larger readings scatter more.
 */

/** A law as the falsification test needs it: its form and a starting point for its constants. */
export interface FittedForm {
  expr: Expr;
  params: readonly number[];
}

/** Bits of evidence against the received theory (Chow's test, see above), or undefined when the test cannot be made. */
export function predictiveFailureBits(
  received: FittedForm,
  evidence: Evidence,
  initialRows: readonly number[],
  derivedDefs: Record<string, string>,
  seed: number,
): number | undefined {
  const n = evidence.target.length;
  const n0 = initialRows.length;
  const m = n - n0;
  const k = paramCount(received.expr);
  // Fewer than two degrees of freedom on the home ground leave no noise estimate worth the name.
  if (m < 1 || n0 - k < 2) return undefined;
  const initial = evidenceRows(evidence, initialRows);
  const home = assessLaw(received.expr, received.params, initial, derivedDefs, { refit: true, restarts: 6, seed });
  if (!home) return undefined;
  const all = assessLaw(received.expr, home.params, evidence, derivedDefs, { refit: true, restarts: 6, seed });
  const s0 = lawSse(received.expr, home.params, initial);
  // assessLaw starts the refit from the home-ground constants and keeps them when it cannot improve on them.
  const s = lawSse(received.expr, all?.params ?? home.params, evidence);
  if (!Number.isFinite(s0)) return undefined;
  if (!Number.isFinite(s)) return MAX_BITS;
  const extra = Math.max(0, s - s0);
  // A theory that reproduces its home ground exactly (noise-free worlds) is judged against rounding error.
  const floor = 1e-24 * Math.max(1e-300, scaledSquaredError(new Float64Array(initial.target.length), initial.target, initial.scales));
  const f = extra / m / (Math.max(s0, floor) / (n0 - k));
  const p = fSurvival(f, m, n0 - k);
  return p > 0 ? Math.min(MAX_BITS, -Math.log2(p)) : MAX_BITS;
}

/** Cap on reported bits when the tail probability underflows. */
const MAX_BITS = 1000;

/**
 * Without a usable Chow test (too few initial rows for the theory's constants): bits by which the new evidence (beyond the initial rows) speaks against the received theory: the best
 * law's advantage on all evidence (`gainAll`, already computed by the caller) less its advantage on the
 * initial rows alone, when positive. Returns `gainAll` unchanged when there are no initial rows to
 * compare on or either law cannot be scored there.
 */
export function evidenceGain(
  gainAll: number,
  received: FittedForm,
  best: FittedForm,
  evidence: Evidence,
  initialRows: readonly number[],
  derivedDefs: Record<string, string>,
  seed: number,
): number {
  if (initialRows.length === 0 || initialRows.length >= evidence.target.length) return gainAll;
  const initial = evidenceRows(evidence, initialRows);
  const rec = assessLaw(received.expr, received.params, initial, derivedDefs, { refit: true, restarts: 6, seed });
  const alt = assessLaw(best.expr, best.params, initial, derivedDefs, { refit: true, restarts: 2, seed });
  if (!rec || !alt) return gainAll;
  return gainAll - Math.max(0, rec.bits.total - alt.bits.total);
}
