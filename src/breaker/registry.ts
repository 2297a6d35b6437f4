import { coverageStrategy } from "./coverage.js";
import { BreakerError } from "./errors.js";
import { disagreementStrategy } from "./disagreement.js";
import { frontierStrategy } from "./frontier.js";
import { randomStrategy } from "./random.js";
import { residualsStrategy } from "./residuals.js";
import { stagesStrategy } from "./stages.js";
import type { BreakerStrategy } from "./types.js";

/** Every built-in strategy by name. */
export const breakerStrategies: Record<string, BreakerStrategy> = {
  frontier: frontierStrategy,
  disagreement: disagreementStrategy,
  coverage: coverageStrategy,
  residuals: residualsStrategy,
  stages: stagesStrategy,
  random: randomStrategy,
};

/** The default mix, with the share of each batch it is offered (slots it leaves unused go to the next). */
export const DEFAULT_MIX: Array<{ name: string; weight: number }> = [
  { name: "frontier", weight: 1 },
  { name: "disagreement", weight: 3 },
  { name: "residuals", weight: 2 },
  { name: "coverage", weight: 3 },
  { name: "stages", weight: 1 },
];

/** Looks strategies up by name; an unknown one is a BreakerError listing the known ones. */
export function strategiesByName(names: readonly string[]): BreakerStrategy[] {
  return names.map((n) => {
    const s = Object.hasOwn(breakerStrategies, n) ? breakerStrategies[n] : undefined;
    if (!s) throw new BreakerError(`unknown Breaker strategy '${n}'; known: ${Object.keys(breakerStrategies).join(", ")}`);
    return s;
  });
}
