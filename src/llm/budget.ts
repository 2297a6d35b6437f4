/**
 * A hard token budget per run. Before each request the session reserves the prompt estimate plus the
 * completion limit; a request that could overshoot is not sent. Recorded (replayed) exchanges are
 * charged too, so a replay stops at exactly the point the original run did.
 */
export class TokenBudget {
  private spent = 0;

  /** Creates a budget of `limit` tokens. */
  constructor(readonly limit: number) {}

  /** Whether a request needing up to `tokens` more still fits. */
  fits(tokens: number): boolean {
    return this.spent + tokens <= this.limit;
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
