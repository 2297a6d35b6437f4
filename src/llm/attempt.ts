/** One HTTP attempt at a chat completion: wait for a slot, send, read the answer or classify the failure. */
import { estimateTokens } from "./budget.js";
import type { TokenUsage } from "./exchange.js";
import { classifyFailure, type Failure } from "./failures.js";
import type { Semaphore } from "./semaphore.js";

/** The part of the OpenAI client an attempt uses (`client.chat.completions`). */
export interface ChatCompletions {
  create(body: never, options: { signal?: AbortSignal }): PromiseLike<unknown>;
}

/** What one attempt came to; `latencyMs` is the server's time, not the wait for a slot. */
export type AttemptResult =
  | { kind: "answer"; content: string; usage: TokenUsage; truncated: boolean; latencyMs: number }
  | { kind: "failure"; failure: Failure; latencyMs: number }
  | { kind: "aborted" };

/**
 * Sends `body` once through `completions`, holding a slot of `semaphore` while the request is in
 * flight. `onSend` is called when the request leaves (after the slot is granted). Never throws: a
 * stop through `signal` comes back as `aborted`, anything else as a classified failure.
 */
export async function attemptOnce(completions: ChatCompletions, semaphore: Semaphore, body: Record<string, unknown>, signal: AbortSignal | undefined, onSend: () => void): Promise<AttemptResult> {
  let release: (() => void) | undefined;
  let t0 = performance.now();
  try {
    release = await semaphore.acquire(signal);
    t0 = performance.now();
    onSend();
    const completion = (await completions.create(body as never, { signal })) as {
      choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
      usage?: { prompt_tokens?: number; completion_tokens?: number };
    };
    const latencyMs = performance.now() - t0;
    const text = completion?.choices?.[0]?.message?.content;
    if (typeof text !== "string") return { kind: "failure", failure: { retryable: true, message: "the server's reply is not a chat completion (no choices[0].message.content)" }, latencyMs };
    return { kind: "answer", content: text, usage: usageOf(completion.usage, body, text), truncated: completion.choices?.[0]?.finish_reason === "length", latencyMs };
  } catch (err) {
    if (signal?.aborted) return { kind: "aborted" };
    return { kind: "failure", failure: classifyFailure(err), latencyMs: performance.now() - t0 };
  } finally {
    release?.();
  }
}

/** Token usage as the server reported it, or estimated from the text when it did not. */
export function usageOf(u: { prompt_tokens?: number; completion_tokens?: number } | undefined, body: Record<string, unknown>, text: string): TokenUsage {
  if (u && Number.isFinite(u.prompt_tokens) && Number.isFinite(u.completion_tokens)) {
    const prompt = Number(u.prompt_tokens);
    const completion = Number(u.completion_tokens);
    return { prompt, completion, total: prompt + completion };
  }
  const prompt = estimateTokens(JSON.stringify(body.messages));
  const completion = estimateTokens(text);
  return { prompt, completion, total: prompt + completion, estimated: true };
}
