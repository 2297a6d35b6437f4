/** The discovery loop as a library: `discover`, `resumeRun`, typed events, derived variables, classification. */
export { discover, resumeRun, resolveOptions, type ResolvedOptions } from "./loop.js";
export type { RunEvent, RunEventType } from "./events.js";
export { RUN_EVENT_TYPES } from "./events.js";
export type { DiscoverOptions, DiscoverDeps, RunResult, RoundRecord, LoopState, LawState, BreakType, BreakWitness } from "./types.js";
export { classifyRevision, piecewiseCount } from "./classify.js";
export { parseDerived, parseDerivedList, computeDerived, derivedName, formatDerived, autoDerived, DERIVED_OPS } from "./derived.js";
export { defaultExplain, type ExplainFn } from "./explainer.js";
export { breakSentence, fmt } from "./sentence.js";
export type { Agents } from "./agents.js";
