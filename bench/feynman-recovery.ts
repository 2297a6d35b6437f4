/**
 * The recovery check of the Feynman benchmark. Noise 0: the found law, on fresh points in range and
 * in the range widened by half its width each side (where the true law is defined), has normalised
 * RMSE below 1e-6 against the true law. Noise 1%: the found law's structure is the true one — its
 * constants, refitted on clean fresh points, pass the same 1e-6 test (exact up to fitted constants) —
 * and the noisy fit itself is within 1% normalised RMSE; a law more than 1.5× + 3 the true law's
 * complexity is not counted (spare terms would refit to zero and pass).
 */
import { WorldbreakerError } from "../src/errors.js";
import type { Expr } from "../src/expr/ast.js";
import { compile, complexity, fitParams, simplify } from "../src/expr/index.js";
import { paramize } from "../src/explain/tree-ops.js";
import { generateData, type ParsedFeynmanProblem } from "./feynman-problems.js";

/**
 * Normalised RMSE of `pred` against `truth` over rows where the truth is finite. Strict (in range):
 * Infinity if `pred` is not finite on such a row. Lenient (widened range): rows where `pred` is not
 * finite are skipped — sqrt(a)·sqrt(b) and sqrt(a·b) are the same law where both are defined — and
 * NaN is returned when fewer than a quarter of the rows can be compared.
 */
export function normalisedRmse(pred: Float64Array, truth: Float64Array, lenient = false): number {
  let se = 0;
  let ss = 0;
  let mean = 0;
  let n = 0;
  for (let i = 0; i < truth.length; i++) if (Number.isFinite(truth[i])) {
    mean += truth[i];
    n++;
  }
  if (n === 0) return 0;
  mean /= n;
  let compared = 0;
  for (let i = 0; i < truth.length; i++) {
    if (!Number.isFinite(truth[i])) continue;
    const d = pred[i] - truth[i];
    if (!Number.isFinite(d)) {
      if (lenient) continue;
      return Infinity;
    }
    compared++;
    se += d * d;
    ss += (truth[i] - mean) ** 2;
  }
  if (lenient && compared < truth.length / 4) return NaN;
  const scale = ss > 0 ? ss : truth.reduce((a, b) => a + (Number.isFinite(b) ? b * b : 0), 0) || 1;
  return Math.sqrt(se / scale);
}

/** Outcome of the check. */
export interface RecoveryCheck {
  recovered: boolean;
  /** Normalised RMSE of the found law on in-range fresh points. */
  nrmseIn: number;
  /** The same on the widened range (NaN when the true law is undefined there everywhere). */
  nrmseOut: number;
}

/** Checks a found law (tree with params) against the problem's true law. */
export function checkRecovery(p: ParsedFeynmanProblem, law: Expr, params: number[], noise: number, seed: number): RecoveryCheck {
  const names = p.variables.map((v) => v.name);
  const inside = generateData(p, 1000, seed + 7001, 0, 0);
  const outside = generateData(p, 1000, seed + 7002, 0, 0.5);
  const colsIn = names.map((n) => inside.columns[n]);
  const colsOut = names.map((n) => outside.columns[n]);
  const f = compile(law, names);
  const nrmseIn = normalisedRmse(f.evaluate(colsIn, params), inside.clean);
  const nrmseOut = normalisedRmse(f.evaluate(colsOut, params), outside.clean, true);
  if (noise === 0) return { recovered: nrmseIn < 1e-6 && !(nrmseOut >= 1e-6), nrmseIn, nrmseOut };
  // Structure test: refit the same shape on clean points and require exactness. A law with spare
  // terms would pass it too (they refit to zero), so the shape may not be much larger than the truth.
  if (complexity(simplify(law)) > 1.5 * complexity(simplify(p.expr)) + 3) return { recovered: false, nrmseIn, nrmseOut };
  const shape = paramize(law);
  let ok: boolean;
  try {
    const fit = fitParams(shape.expr, names, colsIn, inside.clean, { init: params.length ? params : shape.init, restarts: 2, maxIterations: 300, seed });
    const g = compile(shape.expr, names);
    ok = normalisedRmse(g.evaluate(colsIn, fit.params), inside.clean) < 1e-6 && !(normalisedRmse(g.evaluate(colsOut, fit.params), outside.clean, true) >= 1e-6);
  } catch (err) {
    // A shape the fitter or compiler refuses (one of our own failures) is not a recovery.
    if (!(err instanceof WorldbreakerError)) throw err;
    ok = false;
  }
  return { recovered: ok && nrmseIn < 0.01, nrmseIn, nrmseOut };
}
