import { WorldError } from "./errors.js";
import { blackbody } from "./blackbody.js";
import { doubleSlit } from "./double-slit.js";
import { duffing } from "./duffing.js";
import { polymerStretching } from "./polymer-stretching.js";
import { proteinUnfolding } from "./protein-unfolding.js";
import { tensileCyclic } from "./tensile-cyclic.js";
import type { WorldDefinition } from "./world.js";

/**
 * The built-in worlds, in the order `worldbreaker worlds` lists them. Adding a simulator is one import
 * and one entry here; nothing else in the engine special-cases a world.
 */
export const builtinWorlds: WorldDefinition[] = [doubleSlit, blackbody, polymerStretching, proteinUnfolding, duffing, tensileCyclic];

/** The built-in world of that name (case-insensitive, `_` accepted for `-`), or undefined. */
export function findWorld(name: string): WorldDefinition | undefined {
  const key = name.trim().toLowerCase().replace(/_/g, "-");
  return builtinWorlds.find((w) => w.name === key);
}

/** The built-in world of that name, or a WorldError listing the known worlds. */
export function requireWorld(name: string): WorldDefinition {
  const found = findWorld(name);
  if (!found) {
    throw new WorldError(`unknown world '${name}'; built-in worlds: ${builtinWorlds.map((w) => w.name).join(", ")} (or give a .json staged dataset, a .csv file, or --external "<command>")`);
  }
  return found;
}
