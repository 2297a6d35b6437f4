/**
 * How long a run has waited on its language model in each round. Calls of one round may overlap; the
 * clock counts the time during which at least one is waiting (their union), so the budget is the
 * time the round actually spent waiting, whatever the concurrency.
 */
export class RoundClock {
  private readonly rounds = new Map<number, { spentMs: number; since: number; inFlight: number }>();

  /** Creates a clock giving each round `budgetMs` of waiting; `now` is injectable for tests. */
  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds of waiting left to `round` (0 when spent). */
  remaining(round: number): number {
    const r = this.rounds.get(round);
    if (!r) return this.budgetMs;
    const running = r.inFlight > 0 ? this.now() - r.since : 0;
    return Math.max(0, this.budgetMs - r.spentMs - running);
  }

  /** Starts one wait in `round`; call the returned function when it ends. */
  begin(round: number): () => void {
    let r = this.rounds.get(round);
    if (!r) {
      r = { spentMs: 0, since: 0, inFlight: 0 };
      this.rounds.set(round, r);
    }
    if (r.inFlight === 0) r.since = this.now();
    r.inFlight += 1;
    const entry = r;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      entry.inFlight -= 1;
      if (entry.inFlight === 0) entry.spentMs += this.now() - entry.since;
    };
  }
}
