import type Database from "better-sqlite3";

/**
 * The fields the journal reads from a language-model exchange. Callers (src/llm) may journal richer
 * objects: the whole object is stored as JSON and returned as it was put.
 */
export interface LlmExchange {
  /** Content hash of the request: the cache key for exact offline replay. Several attempts may share it. */
  key: string;
  role: string;
  round?: number;
  request: unknown;
  /** The answer; null (or absent) when the attempt failed. */
  response?: unknown;
  tokens?: { prompt?: number; completion?: number };
  latencyMs?: number;
}

/** Where language-model exchanges are kept; `get` returns the latest answered exchange for a key. */
export interface ExchangeStore<X extends LlmExchange = LlmExchange> {
  put(exchange: X): void;
  get(key: string): X | undefined;
  list(runId: string): X[];
}

/**
 * An ExchangeStore over the journal's `llm_exchanges` table. Exchanges put through it belong to `runId`
 * (null for exchanges outside a run); `get` looks across all runs so a replay finds any recorded answer.
 */
export function sqliteExchangeStore<X extends LlmExchange = LlmExchange>(db: Database.Database, runId: string | null = null): ExchangeStore<X> {
  const put = db.prepare(
    `INSERT INTO llm_exchanges (key, run_id, round, role, answered, prompt_tokens, completion_tokens, latency_ms, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare(`SELECT payload FROM llm_exchanges WHERE key = ? AND answered = 1 ORDER BY id DESC LIMIT 1`);
  const list = db.prepare(`SELECT payload FROM llm_exchanges WHERE run_id = ? ORDER BY id`);
  return {
    put(x) {
      const answered = x.response !== undefined && x.response !== null;
      put.run(
        x.key,
        runId,
        x.round ?? null,
        x.role,
        answered ? 1 : 0,
        x.tokens?.prompt ?? null,
        x.tokens?.completion ?? null,
        x.latencyMs ?? null,
        JSON.stringify(x),
        new Date().toISOString(),
      );
    },
    get(key) {
      const row = get.get(key) as { payload: string } | undefined;
      return row ? (JSON.parse(row.payload) as X) : undefined;
    },
    list(run) {
      return (list.all(run) as { payload: string }[]).map((r) => JSON.parse(r.payload) as X);
    },
  };
}
