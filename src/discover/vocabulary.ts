import { autoDerived } from "../core/derived.js";
import type { WorldInfo } from "../worlds/world.js";
import type { RunObservation } from "./evidence.js";

/** How a run chooses its derived variables: automatically (staged worlds), none, or the user's `name=definition` items. */
export type DerivedMode = "auto" | "off" | string[];

/**
 * The derived vocabulary of this moment: the user's definitions, or the automatic ones for staged worlds,
 * plus those adopted laws brought in (journaled with the loop state, so a resume rebuilds them).
 */
export function derivedVocabulary(
  mode: DerivedMode,
  info: Pick<WorldInfo, "shape" | "inputs">,
  user: Record<string, string>,
  obs: readonly RunObservation[],
  adopted: Record<string, string> = {},
): Record<string, string> {
  if (mode === "off") return {};
  if (mode !== "auto") return { ...user, ...adopted };
  if (info.shape !== "staged") return { ...adopted };
  const names = info.inputs.map((s) => s.name);
  const cols: Record<string, Float64Array> = {};
  for (const n of names) cols[n] = Float64Array.from(obs, (o) => o.inputs[n] ?? NaN);
  return { ...autoDerived(names, cols, obs.length), ...adopted };
}
