/**
 * Adaptive parsimony (after SymbolicRegression.jl): complexities that crowd the population are
 * penalised in proportion to how often they occur, which keeps the search spread over the whole
 * complexity range instead of bloating toward large trees.
 */

/** A sliding count of how often each complexity was born recently. */
export class ComplexityFrequency {
  private readonly counts = new Map<number, number>();
  private total = 0;

  /** Records a birth at complexity `c`, decaying old counts so the window slides. */
  record(c: number): void {
    this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
    this.total++;
    if (this.total > 2000) {
      for (const [k, n] of this.counts) this.counts.set(k, n * 0.5);
      this.total *= 0.5;
    }
  }

  /** Fraction of recent births at complexity `c`. */
  frequency(c: number): number {
    return this.total === 0 ? 0 : (this.counts.get(c) ?? 0) / this.total;
  }
}

/** Selection score (lower is better): log-loss, a per-node price and the crowding penalty. */
export function selectionScore(loss: number, complexity: number, freq: number, parsimony: number, adaptiveWeight: number): number {
  return Math.log10(Math.max(loss, 1e-24)) + parsimony * complexity + adaptiveWeight * freq;
}
