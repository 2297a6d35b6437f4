/**
 * Provenance of language-model traffic: every exchange (one HTTP attempt or one cache hit) becomes an
 * `Exchange` handed to an `SessionStore`. The run journal implements the store in SQLite; this module
 * ships the interface and an in-memory store, `jsonl-store.ts` a file-backed one.
 */

/** The agent role an exchange served (free text is allowed for other callers, e.g. `graph`). */
export type LlmRole = "explainer" | "breaker" | "critic" | "check" | (string & {});

/** Token counts of one exchange, as reported by the server (or estimated when it reports none). */
export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
  /** True when the server sent no usage and the counts were estimated from text length. */
  estimated?: boolean;
}

/** One request/response pair (or one failed attempt) with everything needed to audit or replay it. */
export interface Exchange {
  /** Content hash of the request body: the cache key. Identical requests share it. */
  key: string;
  role: LlmRole;
  /** Discovery round the request belongs to (0 outside a loop). */
  round: number;
  /** Profile and endpoint used. */
  profile: string;
  baseUrl: string;
  model: string;
  /** 1-based attempt number for this key within this call (retries and repairs raise it). */
  attempt: number;
  /** The request body exactly as sent (model, messages, response_format, sampling, adapters). */
  request: unknown;
  /** The assistant message text; null when the attempt failed before an answer arrived. */
  response: string | null;
  /** Why the attempt failed, when it did (HTTP status, timeout, unparsable body). */
  error?: string;
  /** Verdict on `response`: `ok` (valid), `invalid` (broke the schema; repair or skip followed). */
  verdict?: "ok" | "invalid";
  /** The server stopped at max_tokens (finish_reason "length"). */
  truncated?: boolean;
  tokens: TokenUsage;
  latencyMs: number;
  /** Whether the answer came from the store instead of the network. */
  cached: boolean;
  /** For a cached answer: when the answer it repeats was recorded (ISO time). */
  cachedFrom?: string;
  /** ISO time the exchange finished. */
  at: string;
}

/**
 * Which recorded answers a session may reuse. A live session passes its `baseUrl` (an answer from another
 * server is no answer for this one); a replay passes `anyRun` (replaying another run's answers is what
 * replay means). A store that keeps one run's exchanges, or none's, may ignore `anyRun`.
 */
export interface ExchangeLookup {
  baseUrl?: string;
  anyRun?: boolean;
}

/**
 * Where exchanges are recorded and looked up. `put` receives every exchange (failures included);
 * `get(key, lookup)` must return the most recent exchange for that key whose `response` is not null and
 * that the lookup allows (same `baseUrl` when one is given; the store's own run unless `anyRun`), or
 * undefined. Implementations may be synchronous or asynchronous.
 */
export interface SessionStore {
  put(exchange: Exchange): void | Promise<void>;
  get(key: string, lookup?: ExchangeLookup): StoredExchange | undefined | Promise<StoredExchange | undefined>;
}

/**
 * What the session needs back from a store: the answer text and its token counts. Stores may return
 * richer records (or ones written by older versions); a record whose `response` is not text is a miss.
 */
export interface StoredExchange {
  key: string;
  response?: unknown;
  tokens?: { prompt?: number; completion?: number; total?: number };
  /** When it was recorded (ISO time), if the store knows. */
  at?: unknown;
}

/** Whether a recorded exchange may answer a lookup: answered, and from the lookup's endpoint when it names one. */
export function lookupAllows(e: { response?: unknown; baseUrl?: unknown }, lookup: ExchangeLookup | undefined): boolean {
  if (e.response === null || e.response === undefined) return false;
  return lookup?.baseUrl === undefined || e.baseUrl === lookup.baseUrl;
}

/** A SessionStore in memory (tests, one-shot commands); `all()` lists what was put, in order. */
export class MemoryExchangeStore implements SessionStore {
  private readonly log: Exchange[] = [];
  private readonly answered = new Map<string, Exchange[]>();

  /** Creates a store, optionally pre-filled (e.g. from a journal) for replay. */
  constructor(initial: Iterable<Exchange> = []) {
    for (const e of initial) this.put(e);
  }

  /** Records an exchange. */
  put(exchange: Exchange): void {
    this.log.push(exchange);
    if (exchange.response !== null) {
      const list = this.answered.get(exchange.key);
      if (list) list.push(exchange);
      else this.answered.set(exchange.key, [exchange]);
    }
  }

  /** Latest answered exchange for `key` that the lookup allows. */
  get(key: string, lookup?: ExchangeLookup): Exchange | undefined {
    return latestAllowed(this.answered.get(key), lookup);
  }

  /** Every exchange put, in order. */
  all(): Exchange[] {
    return [...this.log];
  }
}

/** The last of `list` that `lookup` allows. */
export function latestAllowed<E extends { response?: unknown; baseUrl?: unknown }>(list: readonly E[] | undefined, lookup: ExchangeLookup | undefined): E | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (lookupAllows(list[i], lookup)) return list[i];
  return undefined;
}
