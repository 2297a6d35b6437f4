/**
 * Noise models: how the spread of a measurement depends on its level. A law is fitted and priced on
 * residuals standardised by a per-row scale g_i (weighted least squares; see `dataBits`), and the scales
 * come from the *observations*, never from a law's predictions, so every law scored on the same evidence
 * sees the same weights and their description lengths compare.
 *
 *   absolute  g_i = 1                          constant spread (a ruler, a load cell)
 *   relative  g_i = max(|y_i|, 10⁻³·median|y|)  spread proportional to the level (2 % radiometer noise)
 *   poisson   g_i = sqrt(max(y_i, 1))           counts: variance equals the mean
 */
import { NoiseKindError } from "./errors.js";

/** The noise models a world may declare or a user may choose. */
export const NOISE_KINDS = ["absolute", "relative", "poisson"] as const;

/** One of `NOISE_KINDS`. */
export type NoiseKind = (typeof NOISE_KINDS)[number];

/** A world's declared noise model (structured, for fitting; the plain `noise` string is for reports). */
export interface NoiseModel {
  kind: NoiseKind;
}

/** Share of the median |y| below which a relative scale is floored, so zeros do not get infinite weight. */
export const RELATIVE_FLOOR = 1e-3;

/** Whether `text` names a noise model. */
export function isNoiseKind(text: unknown): text is NoiseKind {
  return typeof text === "string" && (NOISE_KINDS as readonly string[]).includes(text);
}

/** Reads a noise model's name (any case, surrounding spaces ignored); a `NoiseKindError` naming the allowed ones otherwise. */
export function parseNoiseKind(value: string): NoiseKind {
  const v = value.trim().toLowerCase();
  if (isNoiseKind(v)) return v;
  throw new NoiseKindError(`noise must be one of ${NOISE_KINDS.join(", ")}, got '${value}'`, value);
}

/**
 * Per-row scales g_i of the target under `kind` (see the module comment), or undefined for the absolute
 * model (no weights: every computation then stays exactly the unweighted one). Rows whose target is not
 * finite get scale 1; they are ignored by every fit and code anyway.
 */
export function noiseScales(target: ArrayLike<number>, kind: NoiseKind | undefined): Float64Array | undefined {
  if (kind === undefined || kind === "absolute") return undefined;
  const n = target.length;
  const g = new Float64Array(n);
  if (kind === "poisson") {
    for (let i = 0; i < n; i++) {
      const y = target[i];
      g[i] = Number.isFinite(y) ? Math.sqrt(Math.max(y, 1)) : 1;
    }
    return g;
  }
  const floor = relativeFloor(target);
  for (let i = 0; i < n; i++) {
    const y = target[i];
    g[i] = Number.isFinite(y) ? Math.max(Math.abs(y), floor) : 1;
  }
  return g;
}

/**
 * The smallest relative scale: 10⁻³ of the median |y|; when more than half the targets are zero, 10⁻³ of
 * the largest |y| instead; 1 for an all-zero target (the model then reduces to absolute).
 */
function relativeFloor(target: ArrayLike<number>): number {
  const mags: number[] = [];
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) mags.push(Math.abs(target[i]));
  if (mags.length === 0) return 1;
  mags.sort((a, b) => a - b);
  const mid = mags.length >> 1;
  const median = mags.length % 2 === 1 ? mags[mid] : 0.5 * (mags[mid - 1] + mags[mid]);
  if (median > 0) return RELATIVE_FLOOR * median;
  const max = mags[mags.length - 1];
  return max > 0 ? RELATIVE_FLOOR * max : 1;
}

/** Σ log2 g_i over the rows with a finite target: the part of the residual code every law on the evidence shares. */
export function scaleBits(target: ArrayLike<number>, scales: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) s += Math.log2(scales[i]);
  return s;
}

/** Σ(f_i − y_i)², or Σ((f_i − y_i)/g_i)² with noise scales: the least-squares criterion every fit and gate shares. */
export function scaledSquaredError(pred: Float64Array, target: Float64Array, scales?: Float64Array): number {
  let s = 0;
  if (scales) for (let i = 0; i < target.length; i++) s += ((pred[i] - target[i]) / scales[i]) ** 2;
  else for (let i = 0; i < target.length; i++) s += (pred[i] - target[i]) ** 2;
  return s;
}
