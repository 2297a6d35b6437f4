import type { Evidence } from "../core/evidence.js";
import type { ExplainOptions, ExplainResult } from "../explain/types.js";
import { islandExecutor } from "../parallel/index.js";

/** The Explainer as the loop uses it: injectable, so tests and benchmarks can pass their own; `threads` (default 1) places its islands. */
export type ExplainFn = (evidence: Evidence, options: ExplainOptions & { threads?: number }) => Promise<ExplainResult>;

/** The product's Explainer (`src/explain/`), loaded on first use so that importing the loop stays cheap. */
export const defaultExplain: ExplainFn = async (evidence, { threads, ...options }) => {
  const mod = await import("../explain/index.js");
  return mod.explain(evidence, { ...options, executor: islandExecutor(threads ?? 1) });
};
