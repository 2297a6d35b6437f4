import type { Evidence, ExplainOptions, ExplainResult } from "../explain/types.js";

/** The Explainer as the loop uses it: injectable, so tests and benchmarks can pass their own. */
export type ExplainFn = (evidence: Evidence, options: ExplainOptions) => Promise<ExplainResult>;

/** The product's Explainer (`src/explain/`), loaded on first use so that importing the loop stays cheap. */
export const defaultExplain: ExplainFn = async (evidence, options) => {
  const mod = await import("../explain/index.js");
  return mod.explain(evidence, options);
};
