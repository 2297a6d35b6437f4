/**
 * The hall of fame: the best member seen at each complexity. Its Pareto front (each entry strictly
 * better than every simpler one) is what the final description-length choice is made from.
 */
import type { PopMember } from "./pop-member.js";

/** Best member per complexity, across all islands. */
export class HallOfFame {
  private readonly best = new Map<number, PopMember>();

  /** Offers a member; keeps it if it beats the current holder of its complexity. */
  offer(m: PopMember): boolean {
    const cur = this.best.get(m.complexity);
    // Ties broken by hash so the outcome does not depend on arrival order between islands.
    if (!cur || m.loss < cur.loss || (m.loss === cur.loss && m.hash < cur.hash)) {
      this.best.set(m.complexity, m);
      return true;
    }
    return false;
  }

  /** All members, by increasing complexity. */
  members(): PopMember[] {
    return [...this.best.values()].sort((a, b) => a.complexity - b.complexity);
  }

  /** Members strictly better than all simpler ones, by increasing complexity. */
  paretoFront(): PopMember[] {
    const out: PopMember[] = [];
    let bestLoss = Infinity;
    for (const m of this.members()) {
      if (m.loss < bestLoss) {
        out.push(m);
        bestLoss = m.loss;
      }
    }
    return out;
  }

  /** Lowest loss held. */
  bestLoss(): number {
    let l = Infinity;
    for (const m of this.best.values()) if (m.loss < l) l = m.loss;
    return l;
  }
}
