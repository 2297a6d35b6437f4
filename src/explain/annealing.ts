/**
 * Simulated annealing in regularised evolution (SymbolicRegression.jl's `annealing`): a child whose
 * selection score is worse than its parent's still replaces the oldest member with probability
 * exp(−Δ/(α·T)), where the temperature T falls from 1 to 0 over the search; otherwise a copy of the
 * parent does. Early on the population wanders; late in the search it only climbs.
 */

/** Temperature at `progress` ∈ [0, 1] of the search's budget: linear from 1 down to 0. */
export function temperature(progress: number): number {
  return 1 - Math.min(1, Math.max(0, progress));
}

/**
 * Whether a child of score `child` is accepted over its parent of score `parent` (lower is better) at
 * temperature `t` with scale `alpha`; `draw` ∈ [0, 1) is the uniform draw that decides a worse child.
 */
export function acceptChild(child: number, parent: number, t: number, alpha: number, draw: number): boolean {
  if (!(child > parent)) return Number.isFinite(child) || !Number.isFinite(parent);
  if (t <= 0 || alpha <= 0) return false;
  return draw < Math.exp(-(child - parent) / (alpha * t));
}
