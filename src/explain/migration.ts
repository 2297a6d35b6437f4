/**
 * Migration between islands: at each epoch boundary every island takes in a few of the best laws
 * found anywhere (from the hall of fame's Pareto front), replacing random members, so good building
 * blocks spread while the islands keep their own diversity.
 */
import type { HallOfFame } from "./hall-of-fame.js";
import type { IslandState } from "./island.js";
import type { Rng } from "../random/index.js";

/** Copies up to `count` Pareto-front members into each island (deterministic given `rng`). */
export function migrate(states: IslandState[], hof: HallOfFame, count: number, rng: Rng): IslandState[] {
  const front = hof.paretoFront();
  if (front.length === 0 || count <= 0) return states;
  return states.map((s) => {
    const members = s.members.slice();
    for (let k = 0; k < count && members.length > 0; k++) {
      const m = rng.pick(front);
      members[rng.int(members.length)] = { ...m, birth: s.step };
    }
    return { members, step: s.step };
  });
}
