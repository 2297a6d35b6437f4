import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RunClaim, RunJournal } from "../discover/run-journal.js";
import type { Experiment, Observation } from "../worlds/world.js";
import { JournalConsistencyError, JournalError } from "./errors.js";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";
import { acquireLease, leaseHolder, releaseLease, type LeaseHolder } from "./lease.js";
import { sqliteExchangeStore, type ExchangeStore, type LlmExchange } from "./exchanges.js";
import type { EventRow, ExperimentRow, ObservationRow, RunRow, RunStatus, WorldSpec } from "./types.js";

/** Name of the SQLite file inside a store directory. */
export const JOURNAL_FILE = "journal.sqlite";

/** The run store directory: `--store`, else `$WORLDBREAKER_HOME`, else `.wb-runs/` under cwd. */
export function resolveStoreDir(opts: { store?: string; env: NodeJS.ProcessEnv; cwd: string }): string {
  const dir = opts.store ?? opts.env.WORLDBREAKER_HOME ?? ".wb-runs";
  return resolve(opts.cwd, dir);
}

/** A fresh run id (named by the loop, which creates runs; re-exported here for the journal's callers). */
export { newRunId } from "../discover/run-id.js";

const now = () => new Date().toISOString();

/** The durable journal of runs (SQLite in WAL mode, synchronous writes): the RunJournal the loop writes to. */
export class RunStore implements RunJournal {
  readonly db: Database.Database;
  readonly path: string;

  private constructor(path: string) {
    this.path = path;
    try {
      this.db = new Database(path);
    } catch (err) {
      // better-sqlite3 throws SqliteError when SQLite cannot open the file, TypeError when its directory is gone.
      if (!(err instanceof Database.SqliteError || err instanceof TypeError)) throw err;
      throw new JournalError(`cannot open the run journal ${path}: ${(err as Error).message}`);
    }
    try {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = FULL");
      this.db.pragma("busy_timeout = 5000");
      this.db.exec(SCHEMA_SQL);
      this.db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)`).run(String(SCHEMA_VERSION));
    } catch (err) {
      // SQLite opens any file lazily: a corrupt or foreign file fails on the first statement.
      if (!(err instanceof Database.SqliteError)) throw err;
      this.db.close();
      throw new JournalError(`the run journal ${path} cannot be read (${err.message}); move it aside or point --store elsewhere`);
    }
  }

  /** Opens (creating if needed) the journal in a store directory. */
  static open(dir: string): RunStore {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      // A system error (permissions, a file in the way) has a code; anything else is not ours to explain.
      if (!(err instanceof Error && "code" in err)) throw err;
      throw new JournalError(`cannot create the run store ${dir}: ${(err as Error).message}`);
    }
    return new RunStore(join(dir, JOURNAL_FILE));
  }

  /** Opens an in-memory journal (tests, benchmarks). */
  static memory(): RunStore {
    return new RunStore(":memory:");
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The language-model exchange table as an ExchangeStore whose new exchanges belong to `runId`. */
  exchanges<X extends LlmExchange = LlmExchange>(runId: string | null = null): ExchangeStore<X> {
    return sqliteExchangeStore<X>(this.db, runId);
  }

  /** Takes the run's lease for this process (one driver per run; see lease.ts), or throws RunBusyError naming the holder. */
  claimRun(runId: string): RunClaim {
    return acquireLease(this.db, runId);
  }

  /** The live process driving a run, if any (a `running` run without one was interrupted). */
  leaseHolder(runId: string): LeaseHolder | undefined {
    return leaseHolder(this.db, runId);
  }

  /** Drops a run's lease whoever holds it (an operator's override). */
  releaseLease(runId: string): void {
    releaseLease(this.db, runId);
  }

  /** Journals a new run as running; a JournalError when SQLite refuses it (an id already taken, a full disk). */
  createRun(run: { id: string; world: string; worldSpec: WorldSpec; seed: number; options: Record<string, unknown> }): void {
    const t = now();
    try {
      this.db
        .prepare(
          `INSERT INTO runs (id, created_at, updated_at, world, world_spec, seed, options, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')`,
        )
        .run(run.id, t, t, run.world, JSON.stringify(run.worldSpec), run.seed, JSON.stringify(run.options));
    } catch (err) {
      if (!(err instanceof Database.SqliteError)) throw err;
      throw new JournalError(err.message);
    }
  }

  getRun(id: string): RunRow | undefined {
    const r = this.db.prepare(`SELECT * FROM runs WHERE id = ?`).get(id) as DbRun | undefined;
    return r ? runFromDb(r) : undefined;
  }

  /** Every run, newest first. */
  listRuns(): RunRow[] {
    return (this.db.prepare(`SELECT * FROM runs ORDER BY created_at DESC, id`).all() as DbRun[]).map(runFromDb);
  }

  setStatus(id: string, status: RunStatus, extra: { error?: string; result?: unknown } = {}): void {
    this.db
      .prepare(`UPDATE runs SET status = ?, updated_at = ?, error = ?, result = COALESCE(?, result) WHERE id = ?`)
      .run(status, now(), extra.error ?? null, extra.result === undefined ? null : JSON.stringify(extra.result), id);
  }

  /** Journals experiments before they are sent; returns their sequence numbers. */
  addExperiments(runId: string, round: number, items: { inputs: Experiment; stage?: string; strategy: string }[]): number[] {
    const next = (this.db.prepare(`SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM experiments WHERE run_id = ?`).get(runId) as { n: number }).n;
    const ins = this.db.prepare(
      `INSERT INTO experiments (run_id, seq, round, inputs, stage, strategy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const seqs: number[] = [];
    this.db.transaction(() => {
      items.forEach((it, i) => {
        ins.run(runId, next + i, round, JSON.stringify(it.inputs), it.stage ?? null, it.strategy, now());
        seqs.push(next + i);
      });
    })();
    return seqs;
  }

  /** Journals the world's answers to some experiments in one transaction and marks them answered. */
  recordAnswers(runId: string, answers: { experimentSeq: number; observations: Observation[] }[]): void {
    const next = (this.db.prepare(`SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM observations WHERE run_id = ?`).get(runId) as { n: number }).n;
    const ins = this.db.prepare(
      `INSERT INTO observations (run_id, seq, experiment_seq, inputs, output, stage) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const mark = this.db.prepare(`UPDATE experiments SET answered_at = ? WHERE run_id = ? AND seq = ? AND answered_at IS NULL`);
    this.db.transaction(() => {
      let seq = next;
      for (const a of answers) {
        const changed = mark.run(now(), runId, a.experimentSeq).changes;
        if (changed !== 1) throw new JournalConsistencyError(`experiment ${a.experimentSeq} of run ${runId} is unknown or already answered`);
        for (const o of a.observations) {
          const out = o.output !== null && Number.isFinite(o.output) ? o.output : null;
          ins.run(runId, seq++, a.experimentSeq, JSON.stringify(o.inputs), out, o.stage ?? null);
        }
      }
    })();
  }

  experiments(runId: string): ExperimentRow[] {
    const rows = this.db.prepare(`SELECT * FROM experiments WHERE run_id = ? ORDER BY seq`).all(runId) as DbExperiment[];
    return rows.map((r) => ({
      seq: r.seq,
      round: r.round,
      inputs: JSON.parse(r.inputs) as Experiment,
      stage: r.stage ?? undefined,
      strategy: r.strategy,
      answered: r.answered_at !== null,
    }));
  }

  observations(runId: string): ObservationRow[] {
    const rows = this.db.prepare(`SELECT * FROM observations WHERE run_id = ? ORDER BY seq`).all(runId) as DbObservation[];
    return rows.map((r) => ({
      seq: r.seq,
      experimentSeq: r.experiment_seq,
      inputs: JSON.parse(r.inputs) as Experiment,
      output: r.output,
      stage: r.stage ?? undefined,
    }));
  }

  /** Stores a finished round: its public record and the loop state needed to continue after it. */
  putRound(runId: string, round: number, record: unknown, state: unknown): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO rounds (run_id, round, record, state, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(runId, round, JSON.stringify(record), JSON.stringify(state), now());
  }

  rounds<R = unknown, S = unknown>(runId: string): { round: number; record: R; state: S }[] {
    const rows = this.db.prepare(`SELECT round, record, state FROM rounds WHERE run_id = ? ORDER BY round`).all(runId) as {
      round: number;
      record: string;
      state: string;
    }[];
    return rows.map((r) => ({ round: r.round, record: JSON.parse(r.record) as R, state: JSON.parse(r.state) as S }));
  }

  addEvent(runId: string, type: string, payload: Record<string, unknown>): number {
    const next = (this.db.prepare(`SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM events WHERE run_id = ?`).get(runId) as { n: number }).n;
    this.db.prepare(`INSERT INTO events (run_id, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)`).run(runId, next, type, now(), JSON.stringify(payload));
    return next;
  }

  /** Events of a run after sequence number `afterSeq` (all by default), in order. */
  events(runId: string, afterSeq = -1): EventRow[] {
    const rows = this.db.prepare(`SELECT * FROM events WHERE run_id = ? AND seq > ? ORDER BY seq`).all(runId, afterSeq) as {
      seq: number;
      type: string;
      at: string;
      payload: string;
    }[];
    return rows.map((r) => ({ seq: r.seq, type: r.type, at: r.at, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }
}

interface DbRun {
  id: string;
  created_at: string;
  updated_at: string;
  world: string;
  world_spec: string;
  seed: number;
  options: string;
  status: RunStatus;
  error: string | null;
  result: string | null;
}
interface DbExperiment {
  seq: number;
  round: number;
  inputs: string;
  stage: string | null;
  strategy: string;
  answered_at: string | null;
}
interface DbObservation {
  seq: number;
  experiment_seq: number;
  inputs: string;
  output: number | null;
  stage: string | null;
}

function runFromDb(r: DbRun): RunRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    world: r.world,
    worldSpec: JSON.parse(r.world_spec) as WorldSpec,
    seed: r.seed,
    options: JSON.parse(r.options) as Record<string, unknown>,
    status: r.status,
    error: r.error ?? undefined,
    result: r.result === null ? undefined : JSON.parse(r.result),
  };
}
