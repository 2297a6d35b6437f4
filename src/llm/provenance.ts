/**
 * Summaries of recorded exchanges for run reports: per role and round, how many requests went out,
 * how many answers were usable, what they cost. Pure: give it what a store's `list(runId)` returns.
 */

/** The fields a summary reads; journal rows and `Exchange` objects both have them. */
export interface ExchangeLike {
  role: string;
  round?: number;
  response?: unknown;
  verdict?: string;
  error?: string;
  cached?: boolean;
  tokens?: { prompt?: number; completion?: number; total?: number };
  latencyMs?: number;
}

/** Totals of one group of exchanges. */
export interface ExchangeTotals {
  /** Attempts sent to a server (cache hits excluded). */
  requests: number;
  /** Answers served from the journal. */
  cached: number;
  /** Answers that passed the schema and the role's checks. */
  ok: number;
  /** Answers that broke the schema or the checks (a repair or a skip followed). */
  invalid: number;
  /** Attempts that got no answer (HTTP errors, timeouts). */
  failed: number;
  tokens: number;
  /** Mean latency of answered network attempts, in ms (0 when none). */
  meanLatencyMs: number;
}

/** Per-role and per-round totals, plus the grand total. */
export interface ExchangeSummary {
  total: ExchangeTotals;
  byRole: Record<string, ExchangeTotals>;
  byRound: Record<number, ExchangeTotals>;
}

function empty(): ExchangeTotals & { latencySum: number; latencyCount: number } {
  return { requests: 0, cached: 0, ok: 0, invalid: 0, failed: 0, tokens: 0, meanLatencyMs: 0, latencySum: 0, latencyCount: 0 };
}

/** Summarises exchanges (in any order). */
export function summarizeExchanges(exchanges: readonly ExchangeLike[]): ExchangeSummary {
  const total = empty();
  const byRole = new Map<string, ReturnType<typeof empty>>();
  const byRound = new Map<number, ReturnType<typeof empty>>();
  for (const e of exchanges) {
    const groups = [total, getOr(byRole, e.role), getOr(byRound, e.round ?? 0)];
    const answered = typeof e.response === "string";
    const tokens = Number(e.tokens?.total) || (Number(e.tokens?.prompt) || 0) + (Number(e.tokens?.completion) || 0);
    for (const g of groups) {
      if (e.cached) g.cached += 1;
      else g.requests += 1;
      if (!answered) g.failed += 1;
      else if (e.verdict === "invalid") g.invalid += 1;
      else g.ok += 1;
      g.tokens += tokens;
      if (answered && !e.cached && Number.isFinite(e.latencyMs)) {
        g.latencySum += Number(e.latencyMs);
        g.latencyCount += 1;
      }
    }
  }
  const finish = (g: ReturnType<typeof empty>): ExchangeTotals => {
    const { latencySum, latencyCount, ...rest } = g;
    return { ...rest, meanLatencyMs: latencyCount > 0 ? latencySum / latencyCount : 0 };
  };
  return {
    total: finish(total),
    byRole: Object.fromEntries([...byRole].map(([k, g]) => [k, finish(g)])),
    byRound: Object.fromEntries([...byRound].map(([k, g]) => [k, finish(g)])),
  };
}

function getOr<K>(m: Map<K, ReturnType<typeof empty>>, k: K): ReturnType<typeof empty> {
  let g = m.get(k);
  if (!g) {
    g = empty();
    m.set(k, g);
  }
  return g;
}
