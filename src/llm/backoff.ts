/** Exponential backoff with seeded jitter: retries spread out the same way on every run with a seed. */

/** Backoff policy: delay before retry number `retry` (1-based). */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Longest Retry-After honoured as the floor (default maxMs); a caller gives up on longer ones. */
  maxRetryAfterMs?: number;
}

/**
 * Delay before retry `retry`: base·2^(retry−1), capped, then "equal jitter" (half fixed, half random)
 * so synchronized clients drift apart while the wait never collapses to zero. A server's Retry-After
 * is honoured as a floor (capped at maxRetryAfterMs, else maxMs).
 */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const jittered = exp / 2 + (random() * exp) / 2;
  const floor = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? Math.min(policy.maxRetryAfterMs ?? policy.maxMs, retryAfterMs) : 0;
  return Math.max(jittered, floor);
}

/** Sleeps `ms`, waking early (rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
