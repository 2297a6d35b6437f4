/** A counting semaphore: at most `limit` holders at once, waiters served first come, first served. */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  /** Creates a semaphore admitting `limit` concurrent holders. */
  constructor(public limit: number) {}

  /** Waits for a slot; rejects if `signal` aborts while waiting. Call the returned function to release. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason ?? new Error("aborted");
    if (this.active < this.limit) {
      this.active += 1;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason ?? new Error("aborted"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(grant);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next) next();
      else this.active -= 1;
    };
  }

  /** Holders right now. */
  inUse(): number {
    return this.active;
  }
}

const endpointSemaphores = new Map<string, Semaphore>();

/**
 * The process-wide semaphore of one endpoint (base URL), so that every session and role talking to
 * the same server shares one concurrency limit. A larger limit from a later profile raises it.
 */
export function endpointSemaphore(baseUrl: string, limit: number): Semaphore {
  let s = endpointSemaphores.get(baseUrl);
  if (!s) {
    s = new Semaphore(limit);
    endpointSemaphores.set(baseUrl, s);
  } else if (limit > s.limit) {
    s.limit = limit;
  }
  return s;
}
