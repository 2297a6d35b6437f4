/**
 * A circuit breaker: after `failures` consecutive failed calls the circuit opens and calls are refused
 * at once for `cooldownMs`; then one trial call is let through (half-open), which closes the circuit on
 * success or reopens it on failure. It keeps a dead server from stalling a run with retries.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  /** Creates a closed breaker; `now` is injectable for tests. */
  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may proceed now (claims the half-open trial slot when it is the trial). */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.now() - this.openedAt < this.cooldownMs || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Records a successful call. */
  success(): void {
    this.consecutive = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  /** Records a failed call (after its retries); opens the circuit at the threshold. */
  failure(): void {
    this.consecutive += 1;
    this.trialInFlight = false;
    if (this.openedAt !== undefined || this.consecutive >= this.failures) this.openedAt = this.now();
  }

  /** `closed`, `open` (refusing) or `half-open` (cooldown over, trial allowed). */
  state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt < this.cooldownMs ? "open" : "half-open";
  }
}
