/** The run journal: durable SQLite storage of runs, experiments, observations, rounds, events and LLM exchanges. */
export { RunStore, resolveStoreDir, newRunId, JOURNAL_FILE } from "./store.js";
export { sqliteExchangeStore, type ExchangeStore, type LlmExchange } from "./exchanges.js";
export { JournalError, JournalConsistencyError } from "./errors.js";
export type { RunRow, RunStatus, ExperimentRow, ObservationRow, EventRow, WorldSpec } from "./types.js";
export { acquireLease, leaseHolder, releaseLease, busyMessage, LEASE_TTL_MS, type LeaseHolder, type LeaseOwner } from "./lease.js";
