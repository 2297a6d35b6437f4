/** The Explainer: symbolic regression to the law of least description length. Import from here. */
export { explain, defaultSearchConfig, EXACT_LOSS, SEARCH_ROWS, MAX_SEARCH_VARIABLES, DEFAULT_TIME_SECONDS } from "./explain.js";
export type { ParetoEntry, ExplainProgress, ExplainOptions, ExplainResult, WarmStart } from "./types.js";
export { piReduction, type PiReduction } from "./dimensional-analysis.js";
export { ExplainError } from "./errors.js";
export { inProcessExecutor } from "./in-process-executor.js";
export type { EpochReport, IslandExecutor, IslandExecutorFactory, IslandJob, IslandReport } from "./island-executor.js";
export { IslandHost, type IslandReply, type IslandTask } from "./island-host.js";
