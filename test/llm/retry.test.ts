import { describe, expect, it } from "vitest";
import type { Failure } from "../../src/llm/failures.js";
import { retryWithBackoff, type RetryPolicy, type TryOutcome } from "../../src/llm/retry.js";

const busy: Failure = { retryable: true, message: "rate limited (429)" };
const rejected: Failure = { retryable: false, message: "request rejected (400)" };

function policy(over: Partial<RetryPolicy<string>> = {}): RetryPolicy<string> & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    attempts: 3,
    delayMs: (attempt) => attempt,
    onRetry: (f, attempt, delay) => log.push(`retry ${attempt} in ${delay}: ${f.message}`),
    giveUp: (f, attempt) => {
      log.push(`gave up after ${attempt}: ${f.message}`);
      return null;
    },
    ...over,
  };
}

function script(...outcomes: TryOutcome<string | null>[]): (attempt: number) => Promise<TryOutcome<string | null>> {
  return async (attempt) => outcomes[attempt - 1];
}

describe("retryWithBackoff", () => {
  it("retries retryable failures and returns the first result", async () => {
    const p = policy();
    expect(await retryWithBackoff(p, script({ failed: busy }, { failed: busy }, { done: "answer" }))).toBe("answer");
    expect(p.log).toEqual(["retry 1 in 1: rate limited (429)", "retry 2 in 2: rate limited (429)"]);
  });

  it("gives up at once on a failure that is not retryable", async () => {
    const p = policy();
    let tries = 0;
    const r = await retryWithBackoff(p, async () => (tries++, { failed: rejected }));
    expect(r).toBeNull();
    expect(tries).toBe(1);
    expect(p.log).toEqual(["gave up after 1: request rejected (400)"]);
  });

  it("gives up when the last attempt fails, with what giveUp returns", async () => {
    const p = policy({ attempts: 2, giveUp: () => "fallback" });
    expect(await retryWithBackoff(p, script({ failed: busy }, { failed: busy }))).toBe("fallback");
  });

  it("returns a done null without retrying", async () => {
    let tries = 0;
    expect(await retryWithBackoff(policy(), async () => (tries++, { done: null }))).toBeNull();
    expect(tries).toBe(1);
  });

  it("resolves to null when stopped during a wait", async () => {
    const controller = new AbortController();
    const p = policy({ delayMs: () => 60_000, signal: controller.signal });
    let tries = 0;
    const pending = retryWithBackoff(p, async () => (tries++, { failed: busy }));
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toBeNull();
    expect(tries).toBe(1);
  });
});
