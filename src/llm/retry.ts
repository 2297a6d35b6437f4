/** Retrying an attempt with backoff: how often, how long to wait, and when to give up. */
import { sleep } from "./backoff.js";
import type { Failure } from "./failures.js";

/** The outcome of one try: done (with a result, null included), or failed. */
export type TryOutcome<T> = { done: T } | { failed: Failure };

/** How a retry loop behaves around its tries. */
export interface RetryPolicy<T> {
  /** Tries in all (the first one and its retries). */
  attempts: number;
  /** Milliseconds to wait before the try after `attempt` (1-based) failed with `failure`. */
  delayMs(attempt: number, failure: Failure): number;
  /** Hears each retry before its wait. */
  onRetry?(failure: Failure, attempt: number, delayMs: number): void;
  /** The result when a failure is not worth another try, or the last try failed. */
  giveUp(failure: Failure, attempt: number): T | null;
  /** Stops waiting: the loop then resolves to null. */
  signal?: AbortSignal;
}

/**
 * Runs `once` until it is done, a failure is not retryable, or the attempts are spent; between tries
 * it sleeps the policy's delay. A stop through the policy's signal during a wait resolves to null.
 */
export async function retryWithBackoff<T>(policy: RetryPolicy<T>, once: (attempt: number) => Promise<TryOutcome<T | null>>): Promise<T | null> {
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const outcome = await once(attempt);
    if ("done" in outcome) return outcome.done;
    const failure = outcome.failed;
    if (!failure.retryable || attempt === policy.attempts) return policy.giveUp(failure, attempt);
    const delay = policy.delayMs(attempt, failure);
    policy.onRetry?.(failure, attempt, delay);
    try {
      await sleep(delay, policy.signal);
    } catch (err) {
      // sleep rejects only when the signal aborts; anything else is a bug to surface.
      if (!policy.signal?.aborted) throw err;
      return null;
    }
  }
  return null;
}
