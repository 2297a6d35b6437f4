import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { RunBusyError } from "../discover/errors.js";
import type { RunClaim } from "../discover/run-journal.js";

/**
 * One driver per run. A process that drives a run (CLI `discover`/`resume`, the server's run manager)
 * holds its lease: a row naming its pid, host and a heartbeat. A second driver is refused while the
 * lease is live. Drivers renew it every 10 s (src/discover/run-claim.ts). A lease dies when its holder does: on the same host at once (the pid is gone), on
 * another host when the heartbeat has not been renewed for `LEASE_TTL_MS`.
 */

/** How long a lease lives without a heartbeat. Long, because a search round may hold the event loop for a while. */
export const LEASE_TTL_MS = 120_000;

/** Who holds a run's lease. */
export interface LeaseHolder {
  runId: string;
  pid: number;
  host: string;
  /** When the holder took the run (ISO time). */
  since: string;
  /** Last heartbeat and expiry, in ms since the epoch. */
  heartbeatAt: number;
  expiresAt: number;
}

/** The identity a lease is taken under (this process by default; tests pass others). */
export interface LeaseOwner {
  pid: number;
  host: string;
}

interface DbLease {
  run_id: string;
  token: string;
  pid: number;
  host: string;
  acquired_at: string;
  heartbeat_at: number;
  expires_at: number;
}

/** This process as a lease owner. */
export function thisProcess(): LeaseOwner {
  return { pid: process.pid, host: hostname() };
}

/** The live holder of a run's lease, or undefined when nobody (alive) drives the run. */
export function leaseHolder(db: Database.Database, runId: string, now = Date.now(), here = hostname()): LeaseHolder | undefined {
  const row = db.prepare(`SELECT * FROM leases WHERE run_id = ?`).get(runId) as DbLease | undefined;
  if (!row || !isLive(row, now, here)) return undefined;
  return { runId, pid: row.pid, host: row.host, since: row.acquired_at, heartbeatAt: row.heartbeat_at, expiresAt: row.expires_at };
}

/** The one-line refusal a second driver gets. */
export function busyMessage(h: LeaseHolder): string {
  return `run ${h.runId} is being driven by pid ${h.pid} on host ${h.host} since ${h.since}; wait for it to finish or stop that process`;
}

/**
 * Takes the run's lease for `owner`, or throws RunBusyError naming the live holder. Read and write are one
 * IMMEDIATE transaction, so two processes racing for the same run cannot both win.
 */
export function acquireLease(db: Database.Database, runId: string, owner: LeaseOwner = thisProcess(), ttlMs = LEASE_TTL_MS): RunClaim {
  const token = randomUUID();
  db.transaction(() => {
    const now = Date.now();
    const holder = leaseHolder(db, runId, now);
    if (holder) throw new RunBusyError(busyMessage(holder));
    db.prepare(`INSERT OR REPLACE INTO leases (run_id, token, pid, host, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      runId,
      token,
      owner.pid,
      owner.host,
      new Date(now).toISOString(),
      now,
      now + ttlMs,
    );
  }).immediate();
  let released = false;
  return {
    renew() {
      if (released) return;
      const now = Date.now();
      const changed = db.prepare(`UPDATE leases SET heartbeat_at = ?, expires_at = ? WHERE run_id = ? AND token = ?`).run(now, now + ttlMs, runId, token).changes;
      if (changed === 1) return;
      released = true;
      const holder = leaseHolder(db, runId, now);
      throw new RunBusyError(holder ? `lost run ${runId}: ${busyMessage(holder)}` : `lost run ${runId}: its lease was taken over`);
    },
    release() {
      if (released) return;
      released = true;
      if (db.open) db.prepare(`DELETE FROM leases WHERE run_id = ? AND token = ?`).run(runId, token);
    },
  };
}

/** Removes whatever lease a run has (an operator's override; drivers use their claim's `release`). */
export function releaseLease(db: Database.Database, runId: string): void {
  db.prepare(`DELETE FROM leases WHERE run_id = ?`).run(runId);
}

/** Same host: the pid decides at once. Otherwise (or if the pid cannot be probed) the heartbeat's expiry does. */
function isLive(row: DbLease, now: number, here: string): boolean {
  if (row.host === here && !pidAlive(row.pid)) return false;
  return row.expires_at > now;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ESRCH") return false;
    if (code === "EPERM") return true;
    throw err;
  }
}
