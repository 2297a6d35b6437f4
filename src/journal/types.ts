/**
 * The rows the journal stores. They are declared with the `RunJournal` interface the discovery loop
 * depends on (src/discover/run-journal.ts); the journal implements that interface and re-exports them.
 */
export type { RunRow, RunStatus, ExperimentRow, ObservationRow, EventRow } from "../discover/run-journal.js";
export type { WorldSpec } from "../worlds/open.js";
