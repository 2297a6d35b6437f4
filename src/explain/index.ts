/** The Explainer: symbolic regression to the law of least description length. Import from here. */
export { explain, defaultSearchConfig, EXACT_LOSS, SEARCH_ROWS, MAX_SEARCH_VARIABLES, DEFAULT_TIME_SECONDS } from "./explain.js";
export type { Evidence, Bits, ParetoEntry, ExplainProgress, ExplainOptions, ExplainResult, WarmStart } from "./types.js";
export { piReduction, type PiReduction } from "./dimensional-analysis.js";
