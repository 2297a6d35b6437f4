import { isNoiseKind, NOISE_KINDS } from "../core/noise.js";
import { DiscoverError } from "./errors.js";
import { strategyMix } from "./strategy-mix.js";
import type { DiscoverOptions } from "./types.js";

/** Options with every default filled in: exactly what is journaled with the run. */
export type ResolvedOptions = Required<Omit<DiscoverOptions, "explainEvaluations" | "llm" | "noise">> & Pick<DiscoverOptions, "explainEvaluations" | "llm" | "noise">;

/** Explainer evaluations per round when neither `explainSeconds` nor `explainEvaluations` is given. */
export const DEFAULT_EVALUATIONS = 4000;
/** Wall-time limit per round (seconds) when only an evaluation budget is given. */
export const SAFETY_SECONDS = 60;

/** Fills in defaults and checks ranges (DiscoverError on nonsense). */
export function resolveOptions(o: DiscoverOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    world: o.world,
    seed: o.seed ?? 1,
    rounds: o.rounds ?? 8,
    budget: o.budget ?? 400,
    batch: o.batch ?? 12,
    initialCount: o.initialCount ?? 24,
    patience: o.patience ?? 3,
    thresholdBits: o.thresholdBits ?? 10,
    strategies: o.strategies ?? ["frontier", "disagreement", "residuals", "coverage", "stages"],
    // By default the Explainer's budget is a count of evaluations, so a seed reproduces a run on any machine;
    // the wall-time limit then only guards against a machine far slower than expected.
    explainSeconds: o.explainSeconds ?? SAFETY_SECONDS,
    threads: o.threads ?? 1,
    derived: o.derived ?? "auto",
    stopOnFalsification: o.stopOnFalsification ?? false,
    ...(o.explainEvaluations !== undefined ? { explainEvaluations: o.explainEvaluations } : o.explainSeconds === undefined ? { explainEvaluations: DEFAULT_EVALUATIONS } : {}),
    ...(o.llm !== undefined ? { llm: o.llm } : {}),
    ...(o.noise !== undefined ? { noise: o.noise } : {}),
  };
  if (r.noise !== undefined && !isNoiseKind(r.noise)) throw new DiscoverError(`discover: noise must be one of ${NOISE_KINDS.join(", ")}, got '${String(r.noise)}'`);
  const positive = { rounds: r.rounds, budget: r.budget, batch: r.batch, initialCount: r.initialCount, patience: r.patience };
  for (const [k, v] of Object.entries(positive)) if (!Number.isInteger(v) || v < (k === "rounds" ? 0 : 1)) throw new DiscoverError(`discover: ${k} must be a positive integer, got ${v}`);
  if (!(r.thresholdBits >= 0)) throw new DiscoverError(`discover: the bits threshold must be at least 0, got ${r.thresholdBits}`);
  if (!(r.explainSeconds > 0)) throw new DiscoverError(`discover: explain seconds must be positive, got ${r.explainSeconds}`);
  if (r.explainEvaluations !== undefined && !(Number.isInteger(r.explainEvaluations) && r.explainEvaluations > 0)) throw new DiscoverError(`discover: explain evaluations must be a positive integer, got ${r.explainEvaluations}`);
  strategyMix(r.strategies);
  return r;
}
