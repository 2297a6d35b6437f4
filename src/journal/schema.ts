/**
 * The journal's SQLite schema. One database file holds every run of a store directory.
 * Experiments are written before they are sent and observations as soon as they are answered,
 * so a run killed at any instant can be resumed from these tables alone. `leases` names the one
 * process that drives a run (see lease.ts).
 */
export const SCHEMA_VERSION = 1;

/** DDL applied (idempotently) when a store is opened. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  world TEXT NOT NULL,
  world_spec TEXT NOT NULL,
  seed INTEGER NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  result TEXT
);
CREATE TABLE IF NOT EXISTS experiments (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  round INTEGER NOT NULL,
  inputs TEXT NOT NULL,
  stage TEXT,
  strategy TEXT NOT NULL,
  created_at TEXT NOT NULL,
  answered_at TEXT,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE IF NOT EXISTS observations (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  experiment_seq INTEGER NOT NULL,
  inputs TEXT NOT NULL,
  output REAL,
  stage TEXT,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE IF NOT EXISTS rounds (
  run_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  record TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, round)
);
CREATE TABLE IF NOT EXISTS events (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE IF NOT EXISTS llm_exchanges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  run_id TEXT,
  round INTEGER,
  role TEXT NOT NULL,
  answered INTEGER NOT NULL,
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  latency_ms REAL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS leases (
  run_id TEXT PRIMARY KEY,
  token TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  heartbeat_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS llm_exchanges_key ON llm_exchanges (key, answered);
CREATE INDEX IF NOT EXISTS llm_exchanges_run ON llm_exchanges (run_id, round);
`;
