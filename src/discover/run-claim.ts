import type { RunEvent } from "./events.js";
import type { RunClaim, RunJournal } from "./run-journal.js";

/** How often a driving process renews its lease on a run. */
const HEARTBEAT_MS = 10_000;

/** A claim kept alive while the loop runs: `check` throws (RunBusyError) once the run was taken over. */
export interface HeldRun {
  check(): void;
  stop(): void;
}

/** Renews `claim` on a timer (and at each `check`) until `stop`, which releases it. Without a claim, does nothing. */
export function holdRun(claim: RunClaim | undefined): HeldRun {
  if (!claim) return { check() {}, stop() {} };
  let lost: unknown = null;
  const renew = () => {
    if (lost !== null) return;
    try {
      claim.renew();
    } catch (err) {
      lost = err;
    }
  };
  const timer = setInterval(renew, HEARTBEAT_MS);
  // The heartbeat alone must not keep a finished process alive.
  timer.unref();
  return {
    check() {
      renew();
      if (lost !== null) throw lost;
    },
    stop() {
      clearInterval(timer);
      if (lost === null) claim.release();
    },
  };
}

/**
 * Emits an `observations` event for every journaled observation that no event reported yet (a kill landed
 * between the answers' transaction and their event), so the event replay matches the observation rows.
 */
export function repairObservationEvents(journal: RunJournal, runId: string, emit: (e: RunEvent) => void): void {
  if (!journal.events) return;
  const reported = new Set<number>();
  for (const e of journal.events(runId)) {
    if (e.type !== "observations") continue;
    for (const o of (e.payload as { observations?: { experimentSeq: number }[] }).observations ?? []) reported.add(o.experimentSeq);
  }
  const roundOf = new Map(journal.experiments(runId).map((e) => [e.seq, e.round]));
  const missing = new Map<number, Extract<RunEvent, { type: "observations" }>["observations"]>();
  for (const o of journal.observations(runId)) {
    if (reported.has(o.experimentSeq)) continue;
    const round = roundOf.get(o.experimentSeq) ?? 0;
    const list = missing.get(round) ?? [];
    list.push({ experimentSeq: o.experimentSeq, inputs: o.inputs, output: o.output, ...(o.stage ? { stage: o.stage } : {}) });
    missing.set(round, list);
  }
  for (const [round, observations] of [...missing].sort((a, b) => a[0] - b[0])) emit({ type: "observations", runId, round, observations });
}
