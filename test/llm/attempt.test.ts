import { describe, expect, it } from "vitest";
import OpenAI from "openai";
import { attemptOnce, usageOf, type ChatCompletions } from "../../src/llm/attempt.js";
import { Semaphore } from "../../src/llm/semaphore.js";

const body = { model: "m", messages: [{ role: "user", content: "give me a value" }], max_tokens: 100 };

function completions(answer: () => unknown): ChatCompletions & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    create: async (b: never) => {
      sent.push(b);
      return answer();
    },
  };
}

describe("attemptOnce", () => {
  it("returns the answer, the server's token counts and whether it was cut off", async () => {
    let sends = 0;
    const c = completions(() => ({ choices: [{ message: { content: "{}" }, finish_reason: "length" }], usage: { prompt_tokens: 12, completion_tokens: 3 } }));
    const r = await attemptOnce(c, new Semaphore(1), body, undefined, () => sends++);
    expect(r).toMatchObject({ kind: "answer", content: "{}", truncated: true, usage: { prompt: 12, completion: 3, total: 15 } });
    expect(sends).toBe(1);
    expect(c.sent).toEqual([body]);
  });

  it("calls a reply without message content a retryable failure", async () => {
    const r = await attemptOnce(completions(() => ({ choices: [] })), new Semaphore(1), body, undefined, () => {});
    expect(r).toMatchObject({ kind: "failure", failure: { retryable: true, message: expect.stringContaining("not a chat completion") } });
  });

  it("classifies a thrown client error and releases the slot", async () => {
    const semaphore = new Semaphore(1);
    const c = completions(() => {
      throw new OpenAI.APIError(401, undefined, "no", new Headers());
    });
    const r = await attemptOnce(c, semaphore, body, undefined, () => {});
    expect(r).toMatchObject({ kind: "failure", failure: { fatal: true, retryable: false } });
    // The slot came back: a second attempt gets it at once.
    const again = await attemptOnce(completions(() => ({ choices: [{ message: { content: "x" } }] })), semaphore, body, undefined, () => {});
    expect(again.kind).toBe("answer");
  });

  it("reports a stopped call as aborted, not as a failure, and sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    let sends = 0;
    const c = completions(() => ({ choices: [{ message: { content: "x" } }] }));
    const r = await attemptOnce(c, new Semaphore(1), body, controller.signal, () => sends++);
    expect(r).toEqual({ kind: "aborted" });
    expect(sends).toBe(0);
  });
});

describe("usageOf", () => {
  it("estimates the tokens when the server does not report them", () => {
    const u = usageOf(undefined, body, "abcdefgh");
    expect(u.estimated).toBe(true);
    expect(u.total).toBe(u.prompt + u.completion);
    expect(u.completion).toBeGreaterThan(0);
  });
});
