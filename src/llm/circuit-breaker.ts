/**
 * A circuit breaker: after `failures` consecutive failed calls the circuit opens and calls are refused
 * at once for `cooldownMs`; then one trial call is let through (half-open), which closes the circuit on
 * success or reopens it on failure. It keeps a dead server from stalling a run with retries. `trip`
 * opens it at once, for longer when a server asked for that (a hung server, a far Retry-After).
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | undefined;
  private openFor: number;
  private trialInFlight = false;
  private openings = 0;

  /** Creates a closed breaker; `now` is injectable for tests. */
  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.openFor = cooldownMs;
  }

  /** Whether a call may proceed now (claims the half-open trial slot when it is the trial). */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.now() - this.openedAt < this.openFor || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Records a successful call. */
  success(): void {
    this.consecutive = 0;
    this.openedAt = undefined;
    this.openFor = this.cooldownMs;
    this.trialInFlight = false;
  }

  /** Records a failed call (after its retries); opens the circuit at the threshold. */
  failure(): void {
    this.consecutive += 1;
    this.trialInFlight = false;
    if (this.openedAt !== undefined || this.consecutive >= this.failures) this.open(this.cooldownMs);
  }

  /** Opens the circuit now, whatever the count, for at least `ms` (default the cooldown). */
  trip(ms = this.cooldownMs): void {
    this.consecutive = Math.max(this.consecutive, this.failures);
    this.trialInFlight = false;
    this.open(Math.max(ms, this.cooldownMs));
  }

  /** How often the circuit has opened (each opening from closed or half-open counts once). */
  opened(): number {
    return this.openings;
  }

  /** Milliseconds until a trial call is allowed (0 when the circuit is closed or half-open). */
  remainingMs(): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.openedAt + this.openFor - this.now());
  }

  /** `closed`, `open` (refusing) or `half-open` (cooldown over, trial allowed). */
  state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt < this.openFor ? "open" : "half-open";
  }

  private open(ms: number): void {
    const t = this.now();
    // A failure that lands while the circuit is already open (a call that was in flight) shortens nothing.
    if (this.openedAt !== undefined && t - this.openedAt < this.openFor) {
      if (t + ms > this.openedAt + this.openFor) {
        this.openedAt = t;
        this.openFor = ms;
      }
      return;
    }
    this.openings += 1;
    this.openedAt = t;
    this.openFor = ms;
  }
}
