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

/**
 * Which recorded answers a lookup may use. By default only the store's own run's: a resumed run repeats
 * nothing it already asked, and a fresh run asks the server. `anyRun` is the explicit replay of another
 * run's answers; `baseUrl` keeps a cache from answering for a different server (model and adapter are in
 * the request body, and so in the key).
 */
export interface ExchangeLookup {
  /** Only answers recorded from this endpoint (the exchange's `baseUrl`). */
  baseUrl?: string;
  /** Look across every run of the journal, not only this store's run. */
  anyRun?: boolean;
}

/** Where language-model exchanges are kept; `get` returns the latest answered exchange for a key that the lookup allows. */
export interface ExchangeStore<X extends LlmExchange = LlmExchange> {
  put(exchange: X): void;
  get(key: string, lookup?: ExchangeLookup): X | undefined;
  list(runId: string): X[];
}

/**
 * An ExchangeStore over the journal's `llm_exchanges` table. Exchanges put through it belong to `runId`
 * (null for exchanges outside a run); `get` looks in that run only unless the lookup asks for any run.
 */
export function sqliteExchangeStore<X extends LlmExchange = LlmExchange>(db: Database.Database, runId: string | null = null): ExchangeStore<X> {
  const put = db.prepare(
    `INSERT INTO llm_exchanges (key, run_id, round, role, answered, prompt_tokens, completion_tokens, latency_ms, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One statement per shape of lookup; `IS` matches a null run id too.
  const lookups = new Map<string, Database.Statement>();
  const lookup = (anyRun: boolean, byUrl: boolean): Database.Statement => {
    const shape = `${anyRun}:${byUrl}`;
    let st = lookups.get(shape);
    if (!st) {
      const where = ["key = ?", "answered = 1", ...(anyRun ? [] : ["run_id IS ?"]), ...(byUrl ? ["json_extract(payload, '$.baseUrl') = ?"] : [])];
      st = db.prepare(`SELECT payload FROM llm_exchanges WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT 1`);
      lookups.set(shape, st);
    }
    return st;
  };
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
    get(key, l = {}) {
      const anyRun = l.anyRun === true;
      const byUrl = l.baseUrl !== undefined;
      const args: unknown[] = [key, ...(anyRun ? [] : [runId]), ...(byUrl ? [l.baseUrl] : [])];
      const row = lookup(anyRun, byUrl).get(...args) as { payload: string } | undefined;
      return row ? (JSON.parse(row.payload) as X) : undefined;
    },
    list(run) {
      return (list.all(run) as { payload: string }[]).map((r) => JSON.parse(r.payload) as X);
    },
  };
}
