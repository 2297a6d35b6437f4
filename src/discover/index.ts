/** The discovery loop as a library: `discover`, `resumeRun`, typed events, classification. */
export { discover, resumeRun, resolveOptions, type ResolvedOptions } from "./loop.js";
export type { RunEvent, RunEventType } from "./events.js";
export { RUN_EVENT_TYPES } from "./events.js";
export type { DiscoverOptions, RunResult, RoundRecord, LoopState, BreakType, BreakWitness } from "./types.js";
export type { DiscoverDeps, OpenWorldFn } from "./deps.js";
export type { RunJournal, RunRow, RunStatus, ExperimentRow, ObservationRow, EventRow } from "./run-journal.js";
export { newRunId } from "./run-id.js";
export { DiscoverError, ProposalError, RunJournalError, WorldAnswerError } from "./errors.js";
export { classifyRevision, piecewiseCount } from "./classify.js";
export { defaultExplain, type ExplainFn } from "./explainer.js";
export { breakSentence, fmt } from "./sentence.js";
export type { Agents } from "./agents.js";
