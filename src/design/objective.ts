/**
 * How far a prediction is from a target (lower is better; 0 is a perfect match).
 *   force, whole curve:  ‖h − h*‖₂ / ‖h*‖₂ over the 25 binned forces (pN), extension normalised to each curve's end;
 *   force, scalars:      |fmax − fmax*| / fmax* (+ |E − E*| / E* when an energy is given);
 *   modes:               mean over the three modes of (1 − R²), R² clipped below at −1 so one wild mode cannot
 *                        swamp the others, predicted modes matched to target modes by the best permutation; R² = 1 − Σ(a − a*)² / Σ(a* − ā*)².
 */
import { rSquared } from "../mdl/index.js";
import type { ForceResult, ModesResult } from "./predictor.js";
import type { ForceTarget, ModesTarget } from "./targets.js";

/** Normalised L2 error between two force histories. */
export function curveError(history: number[], target: number[]): number {
  let num = 0, den = 0;
  for (let k = 0; k < target.length; k++) {
    const d = (history[k] ?? 0) - target[k];
    num += d * d;
    den += target[k] * target[k];
  }
  return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
}

/** The force error of a prediction against a target. */
export function forceError(p: ForceResult, t: ForceTarget): number {
  if (t.historyForce) return curveError(p.history.map((h) => h * p.fmax), t.historyForce);
  let e = Math.abs(p.fmax - t.fmax) / t.fmax;
  if (t.energy !== undefined) e += Math.abs(p.energy - t.energy) / t.energy;
  return e;
}

/** R² of a predicted mode against a target mode; residues the prediction lacks count as amplitude 0. */
function modeR2(predicted: readonly number[], target: readonly number[]): number {
  return rSquared(target, target.map((_, i) => predicted[i] ?? 0));
}

const PERMUTATIONS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

/**
 * R² of each target mode against the predicted mode assigned to it. The three lowest modes are often nearly
 * degenerate and swap order under small changes, so predicted modes are matched to target modes by the
 * permutation with the highest mean (clipped) R².
 */
export function modesR2(p: ModesResult, t: ModesTarget): number[] {
  const r = t.modes.map((m) => [0, 1, 2].map((k) => modeR2(p.modes[k] ?? [], m)));
  let best: number[] = [];
  let bestScore = -Infinity;
  for (const perm of PERMUTATIONS) {
    if (perm.some((k) => k >= t.modes.length && k < 3) && t.modes.length < 3) continue;
    const vals = t.modes.map((_, j) => r[j][perm[j]]);
    const score = vals.reduce((s, v) => s + Math.max(-1, v), 0);
    if (score > bestScore) { bestScore = score; best = vals; }
  }
  return best;
}

/** The modes error of a prediction against a target. */
export function modesError(p: ModesResult, t: ModesTarget): number {
  const r2 = modesR2(p, t);
  return r2.reduce((s, r) => s + (1 - Math.max(-1, r)), 0) / r2.length;
}
