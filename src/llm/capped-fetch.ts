/**
 * A fetch that reads at most `maxBytes` of a reply. The OpenAI client would otherwise read whatever a
 * server sends — a 50 MB reply was stored whole in the journal and charged as 13 M tokens. A longer
 * reply is cut off as it streams in (never held whole) and fails its attempt with ReplyTooLargeError.
 */
import { LlmError } from "./failures.js";

/** A reply longer than the profile's `maxReplyBytes`. */
export class ReplyTooLargeError extends LlmError {
  constructor(readonly limit: number, readonly declared?: number) {
    super(`the server's reply is larger than ${limit} bytes (maxReplyBytes)${declared !== undefined ? `: it announced ${declared} bytes` : ""}; discarded unread`);
  }
}

/** Wraps `base` (the global fetch by default) so that no reply body beyond `maxBytes` is read. */
export function cappedFetch(maxBytes: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new ReplyTooLargeError(maxBytes, declared);
    }
    if (!res.body) return res;
    const reader = res.body.getReader();
    let seen = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen > maxBytes) {
          await reader.cancel().catch(() => {});
          controller.error(new ReplyTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
