import { DEFAULT_MIX, strategiesByName, type WeightedStrategy } from "../breaker/index.js";

/** The strategy mix of a run, from names (weights from the default mix; unknown names are a BreakerError). */
export function strategyMix(names: readonly string[] | undefined): WeightedStrategy[] {
  if (!names) return DEFAULT_MIX.map((m) => ({ strategy: strategiesByName([m.name])[0], weight: m.weight }));
  return strategiesByName(names).map((s) => ({ strategy: s, weight: DEFAULT_MIX.find((m) => m.name === s.name)?.weight ?? 1 }));
}
