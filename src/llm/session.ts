/**
 * A language-model session: one profile, one run. `structured()` asks for a schema-shaped answer and
 * returns it validated, or null when the model could not give one. Around each call: a shared
 * concurrency limit per endpoint, retries with seeded backoff, a circuit breaker, a hard token budget,
 * and provenance of every exchange in a SessionStore whose answers double as a replay cache.
 */
import OpenAI from "openai";
import type { z } from "zod";
import { AgentStopError } from "../discover/agents.js";
import { seededRandom } from "../random/index.js";
import { attemptOnce } from "./attempt.js";
import { backoffDelay } from "./backoff.js";
import { cappedFetch } from "./capped-fetch.js";
import { TokenBudget, estimateTokens } from "./budget.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { MemoryExchangeStore, type Exchange, type SessionStore, type LlmRole, type TokenUsage } from "./exchange.js";
import { loadLlmProfile, roleSettings, type LlmProfile, type ProfileSource } from "./profiles.js";
import { requestKey } from "./request-key.js";
import { RoundClock } from "./round-clock.js";
import { endpointSemaphore, type Semaphore } from "./semaphore.js";
import { parseStructured, repairPrompt, responseFormatFor } from "./structured-output.js";
import { retryWithBackoff, type RetryPolicy, type TryOutcome } from "./retry.js";

/** A chat message as sent to the server. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** How a session behaves. */
export interface LlmSessionOptions {
  /** Where exchanges are recorded and answers looked up (default: a fresh in-memory store). */
  store?: SessionStore;
  /** `live` (default) answers from the store when it can and asks the server otherwise; `replay` never touches the network. */
  mode?: "live" | "replay";
  /** Seeds the backoff jitter, and is sent as the request's sampling `seed` (servers that ignore it are unaffected). */
  seed?: number;
  /** Stops waiting and retrying (calls then resolve to null). */
  signal?: AbortSignal;
  /** Receives one-line warnings and retry notices (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Round recorded with exchanges when a call does not name one. */
  round?: number | (() => number);
}

/** Per-call options of `structured`. */
export interface StructuredOptions<T> {
  /** Discovery round, for provenance. */
  round?: number;
  /** Schema name sent in `response_format` (default: the role). */
  name?: string;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  /** Extra semantic check of a schema-valid answer (e.g. laws must parse); a message triggers the repair. */
  check?: (value: T) => string | undefined;
  /** Send one repair request after an invalid answer (default true; `llm check` turns it off to test the model). */
  repair?: boolean;
}

/** Counters of one session, for reports and benchmarks. */
export interface LlmStats {
  /** structured() calls made. */
  calls: number;
  /** HTTP attempts sent to the server. */
  requests: number;
  /** Answers served from the store instead of the network. */
  cacheHits: number;
  /** Calls that returned a valid answer (first try or after repair). */
  answered: number;
  /** Calls whose first answer was invalid and that a repair rescued. */
  repaired: number;
  /** Calls that returned null (invalid twice, failed, refused by budget or circuit). */
  skipped: number;
  /** HTTP attempts that failed (status, timeout, unreadable body). */
  failures: number;
  /** HTTP attempts that timed out. */
  timeouts: number;
  /** Rounds whose waiting budget (the profile's roundTimeoutMs) ran out. */
  roundTimeouts: number;
  /** Times the circuit opened (repeated failures, a hung server, a Retry-After beyond the cap). */
  circuitOpens: number;
  tokens: { prompt: number; completion: number; total: number };
  /** Sum of the latency of answered HTTP attempts, in ms. */
  latencyMs: number;
  budget: { limit: number; used: number };
  /** Why the session stopped asking, if it did. */
  stopped?: string;
}

/** Thrown in replay mode when the journal holds no answer for a request: the run diverged. */
export class LlmReplayMissError extends AgentStopError {
  constructor(role: string, key: string, round: number) {
    super(`replay: the journal holds no answer for ${/^[aeiou]/i.test(role) ? "an" : "a"} ${role} request in round ${round} (key ${key.slice(0, 12)}); the replayed run asked something the original did not`);
    this.name = "LlmReplayMissError";
  }
}

type Answer = { content: string; problem?: string; truncated?: boolean };

/** The longest a Retry-After keeps the circuit open (a server may ask for a day). */
const MAX_RETRY_AFTER_OPEN_MS = 3_600_000;

/** One language-model session over one profile. */
export class LlmSession {
  readonly store: SessionStore;
  readonly mode: "live" | "replay";
  private readonly client: OpenAI;
  private readonly semaphore: Semaphore;
  private readonly breaker: CircuitBreaker;
  private readonly budget: TokenBudget;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private stopReason: string | undefined;
  private circuitNoticeAt = -1;
  private readonly counters: Omit<LlmStats, "budget" | "stopped" | "circuitOpens"> = {
    calls: 0,
    requests: 0,
    cacheHits: 0,
    answered: 0,
    repaired: 0,
    skipped: 0,
    failures: 0,
    timeouts: 0,
    roundTimeouts: 0,
    tokens: { prompt: 0, completion: 0, total: 0 },
    latencyMs: 0,
  };
  private readonly clock: RoundClock;
  private readonly roundsSpent = new Set<number>();
  private cacheNoticed = false;

  /** Opens a session on a resolved profile. */
  constructor(
    readonly profile: LlmProfile,
    private readonly options: LlmSessionOptions = {},
  ) {
    this.store = options.store ?? new MemoryExchangeStore();
    this.mode = options.mode ?? "live";
    this.client = new OpenAI({
      baseURL: profile.baseUrl,
      // Local servers (mistral.rs, llama.cpp, Ollama) ignore the key, but the client insists on one.
      apiKey: profile.apiKey ?? "not-needed",
      maxRetries: 0,
      timeout: profile.timeoutMs,
      fetch: cappedFetch(profile.maxReplyBytes),
    });
    this.clock = new RoundClock(profile.roundTimeoutMs);
    this.semaphore = endpointSemaphore(profile.baseUrl, profile.concurrency);
    this.breaker = new CircuitBreaker(profile.circuitBreaker.failures, profile.circuitBreaker.cooldownMs);
    this.budget = new TokenBudget(profile.budgetTokens);
    this.random = seededRandom(options.seed ?? 0);
    this.log = options.log ?? (() => {});
  }

  /** The OpenAI client this session uses (for `llm check`'s model listing). */
  rawClient(): OpenAI {
    return this.client;
  }

  /** Why the session stopped asking (budget spent, key refused...), or undefined while it still asks. */
  stopped(): string | undefined {
    return this.stopReason;
  }

  /** A snapshot of the counters. */
  stats(): LlmStats {
    return {
      ...this.counters,
      circuitOpens: this.breaker.opened(),
      tokens: { ...this.counters.tokens },
      budget: { limit: this.budget.limit, used: this.budget.used() },
      ...(this.stopReason ? { stopped: this.stopReason } : {}),
    };
  }

  /**
   * Asks `role` for an answer shaped by `schema`. Returns the validated value, or null when the model
   * failed to give one (after one repair attempt), the server failed past its retries, the circuit is
   * open or the token budget is spent. Throws only LlmReplayMissError (replay mode, unknown request).
   */
  async structured<T>(role: LlmRole, schema: z.ZodType<T>, messages: ChatMessage[], opts: StructuredOptions<T> = {}): Promise<T | null> {
    this.counters.calls += 1;
    const round = opts.round ?? this.defaultRound();
    const settings = roleSettings(this.profile, role);
    const body: Record<string, unknown> = {
      model: settings.model,
      messages,
      response_format: responseFormatFor(opts.name ?? role, schema),
      temperature: opts.temperature ?? settings.temperature,
      max_tokens: opts.maxTokens ?? settings.maxTokens,
    };
    // mistral.rs activates LoRA adapters per request through this extension field.
    if (settings.adapter) body.adapters = [settings.adapter];
    // Servers that honour a sampling seed (vLLM, llama.cpp, OpenAI) then answer a rerun alike.
    if (this.options.seed !== undefined) body.seed = this.options.seed;

    let value: T | undefined;
    const validate = (content: string): string | undefined => {
      const parsed = parseStructured(content, schema);
      if (!parsed.ok) return parsed.problem;
      const problem = opts.check?.(parsed.value);
      if (problem === undefined) value = parsed.value;
      return problem;
    };

    const signal = opts.signal ?? this.options.signal;
    const first = await this.ask(role, round, body, validate, signal);
    if (!first) return this.skip();
    if (first.problem === undefined) return this.answered(value as T);
    if (opts.repair === false) return this.skip();

    // A reply cut off at max_tokens is usually not a misunderstanding: ask for a shorter answer.
    const cutOff = first.truncated ? ` (your answer was cut off at the limit of ${String(body.max_tokens)} tokens: answer more briefly)` : "";
    const repairBody = {
      ...body,
      messages: [...messages, { role: "assistant", content: first.content }, { role: "user", content: repairPrompt(first.problem + cutOff) }],
    };
    const second = await this.ask(role, round, repairBody, validate, signal);
    if (second && second.problem === undefined) {
      this.counters.repaired += 1;
      return this.answered(value as T);
    }
    if (second) this.log(`llm: ${role} answer skipped (invalid after one repair): ${firstLine(second.problem ?? "")}`);
    return this.skip();
  }

  private answered<T>(value: T): T {
    this.counters.answered += 1;
    return value;
  }

  private skip(): null {
    this.counters.skipped += 1;
    return null;
  }

  private defaultRound(): number {
    const r = this.options.round;
    return typeof r === "function" ? r() : (r ?? 0);
  }

  private stop(reason: string): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.log(`llm: ${reason}`);
  }

  /** One request: from the store if answered before, otherwise from the server with retries, within the round's waiting budget. */
  private async ask(role: LlmRole, round: number, body: Record<string, unknown>, validate: (content: string) => string | undefined, signal?: AbortSignal): Promise<Answer | null> {
    if (this.stopReason || signal?.aborted) return null;
    const left = this.clock.remaining(round);
    if (left <= 0) {
      this.roundSpent(round);
      return null;
    }
    // The round's budget ends this call (its attempts, its backoff sleeps) like a stop would, but only this round's calls.
    const roundStop = new AbortController();
    const timer = setTimeout(() => roundStop.abort(new Error("the round's waiting budget is spent")), left);
    const end = this.clock.begin(round);
    try {
      return await this.askBudgeted(role, round, body, validate, signal ? AbortSignal.any([signal, roundStop.signal]) : roundStop.signal);
    } finally {
      clearTimeout(timer);
      end();
      if (roundStop.signal.aborted && !signal?.aborted) this.roundSpent(round);
    }
  }

  /** Says once per round that its waiting budget is spent, and opens the circuit: a model that slow is not answering. */
  private roundSpent(round: number): void {
    if (this.roundsSpent.has(round)) return;
    this.roundsSpent.add(round);
    this.counters.roundTimeouts += 1;
    this.breaker.trip();
    this.log(
      `llm: round ${round}: waited ${seconds(this.profile.roundTimeoutMs)} s on ${this.profile.baseUrl} (the profile's roundTimeoutMs); going on without the language model for the rest of this round, circuit open for ${seconds(this.breaker.remainingMs())} s`,
    );
  }

  /** `ask` once the round's budget is armed: reserves tokens, then asks the store or the server. */
  private async askBudgeted(role: LlmRole, round: number, body: Record<string, unknown>, validate: (content: string) => string | undefined, signal: AbortSignal): Promise<Answer | null> {
    const reserve = estimateTokens(JSON.stringify(body.messages)) + Number(body.max_tokens);
    if (!this.budget.reserve(reserve)) {
      this.stop(
        `token budget of ${this.budget.limit} tokens for this run is spent (${this.budget.used()} used; the next request could need ${reserve}); continuing without the language model — raise budgetTokens in the profile to allow more`,
      );
      return null;
    }

    try {
      return await this.askWithin(role, round, body, validate, signal);
    } finally {
      this.budget.release(reserve);
    }
  }

  /** `ask` once its tokens are reserved: the store's answer when it has one, else the server's. */
  private async askWithin(role: LlmRole, round: number, body: Record<string, unknown>, validate: (content: string) => string | undefined, signal?: AbortSignal): Promise<Answer | null> {
    const key = requestKey(body);
    const replayed = await this.replay(key, role, round, body, validate);
    if (replayed) return replayed;
    if (this.mode === "replay") throw new LlmReplayMissError(role, key, round);
    return this.askServer(key, role, round, body, validate, signal);
  }

  /** The answer recorded for `key`, validated and journaled again as a cached exchange; undefined when there is none. */
  private async replay(key: string, role: LlmRole, round: number, body: Record<string, unknown>, validate: (content: string) => string | undefined): Promise<Answer | undefined> {
    // A replay may repeat any recorded run; otherwise only this run's own answers (a resume) from this very server count.
    const recorded = await this.store.get(key, this.mode === "replay" ? { anyRun: true } : { baseUrl: this.profile.baseUrl });
    // Stores may hold records written by other versions; only a text answer can be replayed.
    if (!recorded || typeof recorded.response !== "string") return undefined;
    this.counters.cacheHits += 1;
    const recordedAt = typeof recorded.at === "string" ? recorded.at : undefined;
    if (!this.cacheNoticed) {
      this.cacheNoticed = true;
      this.log(`llm: ${role} request of round ${round} answered from the journal (recorded ${recordedAt ?? "earlier"}), not by ${this.profile.baseUrl}; recorded answers are reused for the rest of this session`);
    }
    const tokens = normalizeTokens(recorded.tokens);
    this.chargeTokens(tokens);
    const problem = validate(recorded.response);
    const truncated = (recorded as { truncated?: unknown }).truncated === true;
    await this.record({
      key,
      role,
      round,
      profile: this.profile.name,
      baseUrl: this.profile.baseUrl,
      model: String(body.model),
      attempt: 1,
      request: body,
      response: recorded.response,
      verdict: problem ? "invalid" : "ok",
      tokens,
      latencyMs: 0,
      cached: true,
      ...(recordedAt ? { cachedFrom: recordedAt } : {}),
      ...(truncated ? { truncated } : {}),
      at: new Date().toISOString(),
    });
    return { content: recorded.response, problem, truncated };
  }

  /** Asks the server, retrying with seeded backoff; null when the circuit is open, the server refused or failed past its retries, or the call was stopped. */
  private askServer(key: string, role: LlmRole, round: number, body: Record<string, unknown>, validate: (content: string) => string | undefined, signal?: AbortSignal): Promise<Answer | null> {
    const base = { key, role, round, profile: this.profile.name, baseUrl: this.profile.baseUrl, model: String(body.model), request: body, cached: false };
    const attempts = this.profile.retries + 1;
    const policy: RetryPolicy<Answer> = {
      attempts,
      signal,
      delayMs: (attempt, f) => backoffDelay({ baseMs: this.profile.backoffMs, maxMs: this.profile.maxBackoffMs, maxRetryAfterMs: this.profile.maxRetryAfterMs }, attempt, this.random, f.retryAfterMs),
      onRetry: (f, attempt, delay) => this.log(`llm: ${role}: ${f.message}; retry ${attempt}/${attempts - 1} in ${seconds(delay)} s`),
      giveUp: (f, attempt) => {
        // A timed-out attempt was counted against the circuit when it happened.
        if (!f.timeout) this.breaker.failure();
        this.log(`llm: ${role} request failed${attempt > 1 ? ` after ${attempt} attempts` : ""}: ${f.message}`);
        return null;
      },
    };
    return retryWithBackoff(policy, async (attempt): Promise<TryOutcome<Answer | null>> => {
      if (!this.breaker.allow()) {
        if (this.circuitNoticeAt !== this.counters.calls) {
          this.circuitNoticeAt = this.counters.calls;
          this.log(`llm: circuit open at ${this.profile.baseUrl} (repeated failures or no answer; ${seconds(this.breaker.remainingMs())} s before the next try); ${role} request skipped`);
        }
        return { done: null };
      }
      const result = await attemptOnce(this.client.chat.completions, this.semaphore, body, signal, () => (this.counters.requests += 1));
      if (result.kind === "aborted") return { done: null };
      if (result.kind === "answer") {
        const { content, usage, truncated, latencyMs } = result;
        this.breaker.success();
        this.chargeTokens(usage);
        this.counters.latencyMs += latencyMs;
        const problem = validate(content);
        await this.record({ ...base, attempt, response: content, tokens: usage, latencyMs, verdict: problem ? "invalid" : "ok", ...(truncated ? { truncated } : {}), at: new Date().toISOString() });
        return { done: { content, problem, truncated } };
      }
      const f = result.failure;
      this.counters.failures += 1;
      await this.record({ ...base, attempt, response: null, error: f.message, tokens: { prompt: 0, completion: 0, total: 0 }, latencyMs: result.latencyMs, at: new Date().toISOString() });
      if (f.timeout) {
        // Each timeout counts towards opening the circuit at once: a hung server must not cost every call its full retries.
        this.counters.timeouts += 1;
        this.breaker.failure();
      }
      if (f.retryAfterMs !== undefined && f.retryAfterMs > this.profile.maxRetryAfterMs) {
        // Honour the server's wish by not asking again for that long, but never by sleeping through it.
        this.breaker.trip(Math.min(f.retryAfterMs, MAX_RETRY_AFTER_OPEN_MS));
        this.log(
          `llm: ${role}: ${f.message}; the server asks to wait ${seconds(f.retryAfterMs)} s (Retry-After), longer than the ${seconds(this.profile.maxRetryAfterMs)} s this profile waits (maxRetryAfterMs): call given up, circuit open for ${seconds(this.breaker.remainingMs())} s, going on without the language model`,
        );
        return { done: null };
      }
      if (f.fatal) {
        this.breaker.failure();
        this.stop(`${this.profile.baseUrl} refused ${role} requests: ${f.message}; continuing without the language model`);
        return { done: null };
      }
      return { failed: f };
    });
  }

  private chargeTokens(t: TokenUsage): void {
    this.budget.charge(t.total);
    this.counters.tokens.prompt += t.prompt;
    this.counters.tokens.completion += t.completion;
    this.counters.tokens.total += t.total;
  }

  private async record(e: Exchange): Promise<void> {
    try {
      await this.store.put(e);
    } catch (err) {
      // Losing provenance silently would break replay; say so once per failure but keep the run going.
      this.log(`llm: could not record exchange: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function normalizeTokens(t: Partial<TokenUsage> | undefined): TokenUsage {
  const prompt = Number(t?.prompt) || 0;
  const completion = Number(t?.completion) || 0;
  return { prompt, completion, total: Number(t?.total) || prompt + completion };
}

/** Milliseconds as seconds for a log line (at most 3 significant figures). */
function seconds(ms: number): string {
  return String(Number((ms / 1000).toPrecision(3)));
}

function firstLine(s: string): string {
  const lines = s.split("\n").filter((l) => l.trim() !== "");
  return lines.slice(0, 3).join(" ").slice(0, 300);
}

/** Opens a session on profile `profile` (a name resolved from config and environment, or a resolved profile). */
export function openLlm(profile: string | LlmProfile, opts: LlmSessionOptions & Partial<ProfileSource> = {}): LlmSession {
  const resolved = typeof profile === "string" ? loadLlmProfile(profile, { env: opts.env ?? process.env, cwd: opts.cwd ?? process.cwd(), configPath: opts.configPath }) : profile;
  return new LlmSession(resolved, opts);
}
