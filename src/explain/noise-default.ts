/**
 * The default noise model of `explain`: a positive target that spans more than two decades is almost
 * never measured with one absolute error (a creep rate of 1e-9 and one of 1e-4 do not share a ±1e-6),
 * and fitting absolute errors there lets the largest rows alone decide the law. Such a target is
 * fitted for relative errors unless the user chose otherwise.
 */
import type { NoiseKind } from "../core/noise.js";

/** Decades a positive target must span before relative errors become the default. */
export const RELATIVE_DEFAULT_DECADES = 2;

/** The noise model to fit, whether it was chosen automatically, and why. */
export interface NoiseDecision {
  kind: NoiseKind;
  /** True when the user gave no model and this rule chose it. */
  automatic: boolean;
  /** log10(max/min) of a positive target; null when some finite value is zero or negative. */
  decades: number | null;
  /** One line for the user when the rule chose relative errors. */
  message?: string;
}

/** Chooses the noise model of a target (see the module comment); `requested` always wins. */
export function chooseNoise(target: ArrayLike<number>, requested?: NoiseKind): NoiseDecision {
  const decades = positiveDecades(target);
  if (requested) return { kind: requested, automatic: false, decades };
  if (decades !== null && decades > RELATIVE_DEFAULT_DECADES) {
    return {
      kind: "relative",
      automatic: true,
      decades,
      message: `target spans ${decades.toFixed(1)} decades: fitting relative errors; pass --noise absolute to override`,
    };
  }
  return { kind: "absolute", automatic: true, decades };
}

/** log10(max/min) over the finite values when all are positive; null otherwise (or with no finite value). */
export function positiveDecades(target: ArrayLike<number>): number | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    if (!Number.isFinite(y)) continue;
    if (!(y > 0)) return null;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return max >= min ? Math.log10(max / min) : null;
}
