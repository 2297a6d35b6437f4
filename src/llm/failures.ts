/** Classifies what went wrong with one HTTP attempt: retry it, give up on it, or stop asking altogether. */
import OpenAI from "openai";
import { WorldbreakerError } from "../errors.js";

/** A failed attempt. */
export interface Failure {
  /** Worth another attempt after a backoff (429, 5xx, timeouts, dropped connections, unreadable bodies). */
  retryable: boolean;
  /** A configuration problem no retry or later call can fix (bad key, unknown model or URL). */
  fatal?: boolean;
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
  /** The attempt timed out: the server may be hung (the session opens its circuit sooner). */
  timeout?: boolean;
  /** One line for logs and the exchange record. */
  message: string;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === "string" ? v : undefined;
}

/** Parses Retry-After (seconds or an HTTP date) into ms. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Maps an error thrown by the OpenAI client (or anything else) to a Failure. */
export function classifyFailure(err: unknown): Failure {
  // A reply over the size limit (cut off by capped-fetch.ts, maybe wrapped by the client): the same server will send it again.
  const tooLarge = [err, (err as { cause?: unknown } | undefined)?.cause].find((e) => e instanceof Error && e.name === "ReplyTooLargeError") as Error | undefined;
  if (tooLarge) return { retryable: false, message: tooLarge.message };
  if (err instanceof OpenAI.APIConnectionTimeoutError) return { retryable: true, timeout: true, message: "request timed out" };
  if (err instanceof OpenAI.APIConnectionError) return { retryable: true, message: `connection failed (${err.cause instanceof Error ? err.cause.message : err.message})` };
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    const s = err.status;
    const detail = (err.message || "").replace(/\s+/g, " ").slice(0, 200);
    if (s === 429) return { retryable: true, retryAfterMs: retryAfterMs(header(err.headers, "retry-after")), message: `rate limited (429)` };
    if (s >= 500 || s === 408 || s === 409) return { retryable: true, retryAfterMs: retryAfterMs(header(err.headers, "retry-after")), message: `server error ${s}: ${detail}` };
    if (s === 401 || s === 403) return { retryable: false, fatal: true, message: `the API key was refused (${s}); check the profile's apiKeyEnv variable` };
    if (s === 404) return { retryable: false, fatal: true, message: `not found (404): wrong base URL or model? ${detail}` };
    return { retryable: false, message: `request rejected (${s}): ${detail}` };
  }
  // The client throws SyntaxError-like errors when a 200 body is not JSON: a proxy page, a truncated reply.
  const message = err instanceof Error ? err.message : String(err);
  return { retryable: true, message: `unreadable reply (${message.replace(/\s+/g, " ").slice(0, 160)})` };
}

/**
 * A language-model failure the user sees as one line: a profile or config file that is wrong, an
 * embeddings request that failed past its retries or ran out of budget, a journal of exchanges that is
 * not one.
 */
export class LlmError extends WorldbreakerError {}
