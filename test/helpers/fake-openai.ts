/**
 * A real HTTP server that speaks enough of the OpenAI chat-completions protocol for tests: scripted
 * answers per request, plus the failures real servers produce (429, 5xx, hangs, garbage bodies,
 * answers that break the JSON schema). Tests point the real `openai` client at `server.url`.
 *
 * Usage:
 *   const server = await startFakeOpenAI();
 *   server.enqueue(reply.status(429), reply.json({ candidates: [...] }));
 *   // ... profile with baseUrl: server.url ...
 *   expect(server.requests).toHaveLength(2);
 *   await server.close();
 *
 * Replies are consumed in order from the queue; when the queue is empty the handler (if any) answers;
 * otherwise the server answers 500 with a message naming the request, so a test fails loudly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer to one request. */
export type FakeReply =
  /** A chat completion whose message content is `content` (any text, valid JSON or not). */
  | { kind: "content"; content: string; usage?: FakeUsage; delayMs?: number; finishReason?: string }
  /** An HTTP error status with an OpenAI-style error body (or `body` verbatim). */
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  /** Never answers (until the client gives up or the server closes): a timeout. */
  | { kind: "hang" }
  /** A 200 response whose body is `body` verbatim (not a chat completion; may not even be JSON). */
  | { kind: "raw"; body: string; contentType?: string };

/** Token counts to report; defaults are computed from text length (about 4 characters per token). */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** A request the server received, in arrival order. */
export interface RecordedRequest {
  /** 0-based arrival index. */
  index: number;
  method: string;
  /** Path below the server root, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for GET or an unparsable body). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** `response_format.json_schema.name` of a chat request, when present: tells roles apart. */
  schemaName?: string;
  /** Text of the last message of a chat request. */
  lastMessage?: string;
}

/** Answers requests the queue does not cover; may be async. Return undefined to fall through to the 500. */
export type FakeHandler = (req: RecordedRequest) => FakeReply | undefined | Promise<FakeReply | undefined>;

/** A running fake server. */
export interface FakeOpenAI {
  /** Base URL including `/v1`, ready for a profile's `baseUrl` or `new OpenAI({ baseURL })`. */
  url: string;
  /** Every request received, in order (GET /v1/models included). */
  requests: RecordedRequest[];
  /** Chat-completion requests only. */
  chatRequests(): RecordedRequest[];
  /** Embeddings requests only. */
  embeddingRequests(): RecordedRequest[];
  /**
   * Scripted replies (failures, garbage) for the next embeddings requests; once they are used up the
   * server answers with deterministic character-trigram vectors (see `trigramEmbedding`).
   */
  enqueueEmbeddings(...replies: FakeReply[]): void;
  /** Appends scripted replies for the next chat requests. */
  enqueue(...replies: FakeReply[]): void;
  /** Replaces the fallback handler used once the queue is empty. */
  setHandler(handler: FakeHandler | undefined): void;
  /** Replies still queued. */
  pending(): number;
  /** Stops the server, dropping hanging connections. */
  close(): Promise<void>;
}

/** Options of `startFakeOpenAI`. */
export interface FakeOpenAIOptions {
  /** Model ids listed by GET /v1/models (default `["fake-model"]`). */
  models?: string[];
  /** Initial queue. */
  replies?: FakeReply[];
  /** Fallback once the queue is empty. */
  handler?: FakeHandler;
  /** Length of the vectors POST /v1/embeddings answers with (default 256). */
  embeddingDim?: number;
}

/** Builders for scripted replies. */
export const reply = {
  /** A chat completion whose content is `value` serialised as JSON. */
  json(value: unknown, opts: { usage?: FakeUsage; delayMs?: number } = {}): FakeReply {
    return { kind: "content", content: JSON.stringify(value), ...opts };
  },
  /** A chat completion with arbitrary text content (garbage, prose, fenced JSON...). */
  text(content: string, opts: { usage?: FakeUsage; delayMs?: number } = {}): FakeReply {
    return { kind: "content", content, ...opts };
  },
  /** An HTTP error; `retryAfterSeconds` adds a Retry-After header. */
  status(status: number, opts: { retryAfterSeconds?: number; body?: string; delayMs?: number } = {}): FakeReply {
    const headers: Record<string, string> = {};
    if (opts.retryAfterSeconds !== undefined) headers["retry-after"] = String(opts.retryAfterSeconds);
    return { kind: "status", status, headers, body: opts.body, delayMs: opts.delayMs };
  },
  /** No answer at all. */
  hang(): FakeReply {
    return { kind: "hang" };
  },
  /** A 200 whose body is not a chat completion (by default not even JSON). */
  garbage(body = "<html>502 proxy says hello</html>", contentType = "text/html"): FakeReply {
    return { kind: "raw", body, contentType };
  },
};

const approxTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/**
 * A deterministic embedding of `text`: counts of its character trigrams (lower case, words padded with
 * spaces) hashed into `dim` buckets, unit length. Spellings that share most trigrams ('silk fibre',
 * 'silk fiber') land close; unrelated words land near orthogonal.
 */
export function trigramEmbedding(text: string, dim = 256): number[] {
  const v = new Array<number>(dim).fill(0);
  const s = ` ${text.toLowerCase().replace(/\s+/g, " ").trim()} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    // FNV-1a over the trigram: a fixed hash, so vectors are equal across runs and machines.
    let h = 0x811c9dc5;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193) >>> 0;
    v[h % dim] += 1;
  }
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / n);
}

function answerEmbeddings(res: ServerResponse, body: unknown, dim: number): void {
  const b = body as { input?: unknown; model?: unknown } | undefined;
  const input = typeof b?.input === "string" ? [b.input] : b?.input;
  if (!Array.isArray(input) || input.length === 0 || !input.every((x) => typeof x === "string")) {
    sendJson(res, 400, { error: { message: "fake-openai: embeddings input must be a string or a non-empty array of strings", type: "invalid_request_error" } });
    return;
  }
  const tokens = input.reduce((n: number, t: string) => n + approxTokens(t), 0);
  sendJson(res, 200, {
    object: "list",
    model: typeof b?.model === "string" ? b.model : "fake-embedding",
    data: input.map((t: string, index) => ({ object: "embedding", index, embedding: trigramEmbedding(t, dim) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a fake OpenAI-compatible server on 127.0.0.1 at a free port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ["fake-model"];
  const queue: FakeReply[] = [...(options.replies ?? [])];
  let handler = options.handler;
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const embeddingQueue: FakeReply[] = [];
  const embeddingDim = options.embeddingDim ?? 256;

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const path = (req.url ?? "/").split("?")[0];
      const b = body as { response_format?: { json_schema?: { name?: string } }; messages?: { content?: unknown }[] } | undefined;
      const last = b?.messages?.[b.messages.length - 1]?.content;
      const recorded: RecordedRequest = {
        index: requests.length,
        method: req.method ?? "GET",
        path,
        headers: req.headers,
        body,
        schemaName: b?.response_format?.json_schema?.name,
        lastMessage: typeof last === "string" ? last : undefined,
      };
      requests.push(recorded);

      if (req.method === "GET" && path.endsWith("/models")) {
        sendJson(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) });
        return;
      }
      if (req.method === "POST" && path.endsWith("/embeddings")) {
        const scriptedEmbedding = embeddingQueue.shift();
        if (scriptedEmbedding) await answer(res, scriptedEmbedding, recorded);
        else answerEmbeddings(res, body, embeddingDim);
        return;
      }
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
        sendJson(res, 404, { error: { message: `fake-openai: no route ${req.method} ${path}`, type: "not_found" } });
        return;
      }
      const scripted = queue.shift() ?? (handler ? await handler(recorded) : undefined);
      if (!scripted) {
        sendJson(res, 500, { error: { message: `fake-openai: no scripted reply left for request #${recorded.index}`, type: "server_error" } });
        return;
      }
      await answer(res, scripted, recorded);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-openai: ${String(err)}` } });
    });
  });

  async function answer(res: ServerResponse, r: FakeReply, recorded: RecordedRequest): Promise<void> {
    switch (r.kind) {
      case "hang":
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      case "raw":
        res.writeHead(200, { "content-type": r.contentType ?? "text/plain" });
        res.end(r.body);
        return;
      case "status":
        if (r.delayMs) await sleep(r.delayMs);
        if (r.body !== undefined) {
          res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
          res.end(r.body);
        } else {
          sendJson(res, r.status, { error: { message: `fake-openai: scripted status ${r.status}`, type: "scripted" } }, r.headers);
        }
        return;
      case "content": {
        if (r.delayMs) await sleep(r.delayMs);
        const promptText = JSON.stringify(recorded.body?.messages ?? []);
        const usage = r.usage ?? { prompt_tokens: approxTokens(promptText), completion_tokens: approxTokens(r.content) };
        sendJson(res, 200, {
          id: `chatcmpl-fake-${recorded.index}`,
          object: "chat.completion",
          created: 0,
          model: recorded.body?.model ?? models[0],
          choices: [{ index: 0, message: { role: "assistant", content: r.content }, finish_reason: r.finishReason ?? "stop" }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        });
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith("/chat/completions")),
    embeddingRequests: () => requests.filter((r) => r.path.endsWith("/embeddings")),
    enqueueEmbeddings: (...replies) => void embeddingQueue.push(...replies),
    enqueue: (...replies) => void queue.push(...replies),
    setHandler: (h) => void (handler = h),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
