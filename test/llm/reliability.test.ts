import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/random/index.js";
import { backoffDelay } from "../../src/llm/backoff.js";
import { CircuitBreaker } from "../../src/llm/circuit-breaker.js";
import { retryAfterMs } from "../../src/llm/failures.js";
import { Semaphore } from "../../src/llm/semaphore.js";
import { extractJson } from "../../src/llm/structured-output.js";

describe("backoff", () => {
  it("grows exponentially within [half, full] of the step, capped, and is reproducible from the seed", () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    const a = seededRandom(42);
    const delays = [1, 2, 3, 4, 5, 6].map((r) => backoffDelay(policy, r, a));
    const steps = [100, 200, 400, 800, 1000, 1000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(steps[i] / 2);
      expect(d).toBeLessThanOrEqual(steps[i]);
    });
    const b = seededRandom(42);
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelay(policy, r, b))).toEqual(delays);
    expect(backoffDelay(policy, 1, seededRandom(1), 700)).toBe(700);
    expect(backoffDelay(policy, 1, seededRandom(1), 5000)).toBe(1000);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});

describe("circuit breaker", () => {
  it("opens at the threshold, refuses during cooldown, then allows one trial", () => {
    let now = 0;
    const cb = new CircuitBreaker(2, 1000, () => now);
    cb.failure();
    expect(cb.allow()).toBe(true);
    cb.failure();
    expect(cb.state()).toBe("open");
    expect(cb.allow()).toBe(false);
    now = 1500;
    expect(cb.state()).toBe("half-open");
    expect(cb.allow()).toBe(true);
    expect(cb.allow()).toBe(false);
    cb.failure();
    expect(cb.state()).toBe("open");
    now = 3000;
    expect(cb.allow()).toBe(true);
    cb.success();
    expect(cb.state()).toBe("closed");
    expect(cb.allow()).toBe(true);
  });
});

describe("semaphore", () => {
  it("admits at most `limit` holders, first come first served, and drops aborted waiters", async () => {
    const s = new Semaphore(2);
    const r1 = await s.acquire();
    const r2 = await s.acquire();
    const order: number[] = [];
    const w3 = s.acquire().then((r) => (order.push(3), r));
    const ac = new AbortController();
    const w4 = s.acquire(ac.signal);
    const w5 = s.acquire().then((r) => (order.push(5), r));
    ac.abort();
    await expect(w4).rejects.toBeDefined();
    r1();
    r1();
    const r3 = await w3;
    expect(s.inUse()).toBe(2);
    r2();
    const r5 = await w5;
    expect(order).toEqual([3, 5]);
    r3();
    r5();
    expect(s.inUse()).toBe(0);
  });
});

describe("extractJson", () => {
  it("reads fenced JSON, drops <think> blocks and prose around the object", () => {
    expect(extractJson('```json\n{"a":1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('<think>hmm {"no":1}</think>\n{"a":2}')).toEqual({ ok: true, value: { a: 2 } });
    expect(extractJson('Here you go: {"a":3}. Hope it helps!')).toEqual({ ok: true, value: { a: 3 } });
    expect(extractJson("")).toEqual({ ok: false, problem: "the answer was empty" });
    expect(extractJson("no json here")).toMatchObject({ ok: false, problem: expect.stringMatching(/not valid JSON/) });
  });
});
