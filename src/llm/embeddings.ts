/**
 * Text embeddings through an OpenAI-compatible `/embeddings` endpoint, in batches, with the layer's
 * conventions: the endpoint's shared concurrency limit, retries with seeded backoff on 429/5xx/timeouts,
 * the profile's token budget, and a stop on fatal answers (bad key, unknown model).
 */
import OpenAI from "openai";
import { LlmError } from "./failures.js";
import { seededRandom } from "../random/index.js";
import { backoffDelay, sleep } from "./backoff.js";
import { TokenBudget, estimateTokens } from "./budget.js";
import { classifyFailure, type Failure } from "./failures.js";
import { PROFILE_DEFAULTS, type LlmProfile } from "./profiles.js";
import { endpointSemaphore } from "./semaphore.js";

/** How an embedder behaves. */
export interface EmbedderOptions {
  signal?: AbortSignal;
  /** One-line retry notices (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Seeds the backoff jitter. */
  seed?: number;
}

/** Counters of one embedder. */
export interface EmbedderStats {
  /** HTTP attempts sent. */
  requests: number;
  /** Texts embedded. */
  texts: number;
  /** Tokens charged (the server's count, else an estimate). */
  tokens: number;
}

/** Embeds texts with one profile's embeddings model; one instance per run (it owns the token budget). */
export class Embedder {
  /** The embeddings model id. */
  readonly model: string;
  private readonly client: OpenAI;
  private readonly budget: TokenBudget;
  private readonly random: () => number;
  private readonly counters: EmbedderStats = { requests: 0, texts: 0, tokens: 0 };

  /** Opens an embedder; a LlmError when the profile names no embeddings model. */
  constructor(
    readonly profile: LlmProfile,
    private readonly options: EmbedderOptions = {},
  ) {
    if (!profile.embeddingModel) {
      throw new LlmError(`LLM profile '${profile.name}' has no embeddings model: set embeddingModel in its ${profile.source || "config"} entry (or WORLDBREAKER_EMBEDDINGS_MODEL for the default profile)`);
    }
    this.model = profile.embeddingModel;
    this.client = new OpenAI({ baseURL: profile.baseUrl, apiKey: profile.apiKey ?? "not-needed", maxRetries: 0, timeout: profile.timeoutMs });
    this.budget = new TokenBudget(profile.budgetTokens);
    this.random = seededRandom(options.seed ?? 0);
  }

  /** A snapshot of the counters. */
  stats(): EmbedderStats {
    return { ...this.counters };
  }

  /**
   * One unit-length vector per text, in order. Batches run concurrently within the endpoint's limit.
   * Throws a LlmError (one line, naming the endpoint) when the server fails past its retries, refuses
   * the request, answers something that is not embeddings, or the token budget would be overspent.
   */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const size = this.profile.embeddingBatch ?? PROFILE_DEFAULTS.embeddingBatch;
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += size) batches.push(texts.slice(i, i + size));
    const results = await Promise.all(batches.map((b) => this.embedBatch(b)));
    return results.flat();
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    const estimate = texts.reduce((n, t) => n + estimateTokens(t) + 1, 0);
    if (!this.budget.reserve(estimate)) {
      throw new LlmError(`embeddings: token budget of ${this.budget.limit} tokens is spent (${this.budget.used()} used, next batch needs about ${estimate}); raise budgetTokens in profile '${this.profile.name}'`);
    }
    try {
      return await this.attempt(texts);
    } finally {
      this.budget.release(estimate);
    }
  }

  private async attempt(texts: string[]): Promise<Float32Array[]> {
    const { signal } = this.options;
    const attempts = this.profile.retries + 1;
    const semaphore = endpointSemaphore(this.profile.baseUrl, this.profile.concurrency);
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      let release: (() => void) | undefined;
      try {
        release = await semaphore.acquire(signal);
        this.counters.requests += 1;
        const res = (await this.client.embeddings.create({ model: this.model, input: texts, encoding_format: "float" }, { signal })) as unknown;
        const vectors = readVectors(res, texts.length);
        if (typeof vectors === "string") failure = { retryable: true, message: vectors };
        else {
          const usage = (res as { usage?: { prompt_tokens?: unknown } }).usage?.prompt_tokens;
          const tokens = typeof usage === "number" && usage >= 0 ? usage : texts.reduce((n, t) => n + estimateTokens(t), 0);
          this.budget.charge(tokens);
          this.counters.tokens += tokens;
          this.counters.texts += texts.length;
          return vectors;
        }
      } catch (err) {
        if (signal?.aborted) throw new LlmError("embeddings: interrupted");
        failure = classifyFailure(err);
      } finally {
        release?.();
      }
      if (failure.fatal || !failure.retryable || attempt >= attempts) {
        throw new LlmError(`embeddings request to ${this.profile.baseUrl} (model ${this.model}) failed${attempt > 1 ? ` after ${attempt} attempts` : ""}: ${failure.message}`);
      }
      const delay = backoffDelay({ baseMs: this.profile.backoffMs, maxMs: this.profile.maxBackoffMs }, attempt, this.random, failure.retryAfterMs);
      this.options.log?.(`embeddings: ${failure.message}; retry ${attempt}/${attempts - 1} in ${(delay / 1000).toFixed(1)} s`);
      try {
        await sleep(delay, signal);
      } catch (err) {
        if (!signal?.aborted) throw err;
        throw new LlmError("embeddings: interrupted");
      }
    }
  }
}

/** The vectors of an embeddings response, normalised to unit length, or a one-line problem. */
function readVectors(res: unknown, expected: number): Float32Array[] | string {
  const data = (res as { data?: unknown })?.data;
  if (!Array.isArray(data) || data.length !== expected) return `the server's reply is not ${expected} embeddings (no data array of that length)`;
  const out: Float32Array[] = new Array<Float32Array>(expected);
  let dim = -1;
  for (const [i, item] of data.entries()) {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    const at = typeof index === "number" && Number.isInteger(index) && index >= 0 && index < expected ? index : i;
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((x) => typeof x === "number" && Number.isFinite(x))) return `embedding ${i} in the server's reply is not an array of numbers`;
    if (dim >= 0 && embedding.length !== dim) return `embeddings in the server's reply differ in length (${dim} and ${embedding.length})`;
    dim = embedding.length;
    out[at] = unit(embedding as number[]);
  }
  if (out.some((v) => v === undefined)) return "the server's reply repeats an embedding index";
  return out;
}

/** `v` scaled to unit length (a zero vector stays zero). */
export function unit(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * s;
  return out;
}

/** Cosine similarity of two unit vectors (their dot product). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new LlmError(`embeddings differ in length (${a.length} and ${b.length}); was the embeddings model changed?`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] * b[i];
  return d;
}
