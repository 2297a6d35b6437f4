/**
 * A hard token budget per run. Before each request the session reserves the prompt estimate plus the
 * completion limit; a request that could overshoot is not sent. Recorded (replayed) exchanges are
 * charged too, so a replay stops at exactly the point the original run did.
 */
export class TokenBudget {
  private spent = 0;
  private held = 0;

  /** Creates a budget of `limit` tokens. */
  constructor(readonly limit: number) {}

  /** Whether a request needing up to `tokens` more still fits (counting requests in flight). */
  fits(tokens: number): boolean {
    return this.spent + this.held + tokens <= this.limit;
  }

  /**
   * Holds `tokens` for a request about to be sent, so concurrent requests cannot overshoot together;
   * returns false (holding nothing) when they do not fit. Release with `release` once the answer is in.
   */
  reserve(tokens: number): boolean {
    if (!this.fits(tokens)) return false;
    this.held += tokens;
    return true;
  }

  /** Gives back a reservation (the actual use is charged separately). */
  release(tokens: number): void {
    this.held = Math.max(0, this.held - tokens);
  }

  /** Charges tokens actually used. */
  charge(tokens: number): void {
    this.spent += tokens;
  }

  /** Tokens charged so far. */
  used(): number {
    return this.spent;
  }

  /** Tokens left (never negative). */
  remaining(): number {
    return Math.max(0, this.limit - this.spent);
  }
}

/** Rough token count of text (about four characters per token for English and JSON). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
