import { describe, expect, it } from "vitest";
import { num } from "../../src/expr/ast.js";
import { HallOfFame } from "../../src/explain/hall-of-fame.js";
import type { IslandState } from "../../src/explain/island.js";
import { migrate } from "../../src/explain/migration.js";
import type { PopMember } from "../../src/explain/pop-member.js";
import { Rng } from "../../src/random/index.js";

const member = (hash: string, complexity: number, loss: number, birth = 0): PopMember => ({ expr: num(loss), hash, loss, complexity, birth });

function islands(): IslandState[] {
  return [0, 1, 2].map((i) => ({ members: Array.from({ length: 8 }, (_, k) => member(`i${i}m${k}`, 20 + k, 0.9, k)), step: 100 + i }));
}

function hallOfFame(): HallOfFame {
  const hof = new HallOfFame();
  hof.offer(member("front-a", 1, 0.5));
  hof.offer(member("front-b", 3, 0.2));
  hof.offer(member("dominated", 4, 0.6));
  return hof;
}

describe("migration", () => {
  it("brings only Pareto-front members, keeps population sizes and stamps migrants with the island's step", () => {
    const before = islands();
    const after = migrate(before, hallOfFame(), 3, new Rng(1));
    const frontHashes = new Set(["front-a", "front-b"]);
    after.forEach((s, i) => {
      expect(s.members).toHaveLength(8);
      expect(s.step).toBe(before[i].step);
      const arrived = s.members.filter((m) => !m.hash.startsWith(`i${i}m`));
      expect(arrived.length).toBeGreaterThan(0);
      expect(arrived.length).toBeLessThanOrEqual(3);
      for (const m of arrived) {
        expect(frontHashes.has(m.hash)).toBe(true);
        expect(m.birth).toBe(before[i].step);
      }
      // Members never move between islands directly: what is not a migrant is the island's own.
      expect(s.members.every((m) => frontHashes.has(m.hash) || m.hash.startsWith(`i${i}m`))).toBe(true);
    });
  });

  it("does not edit the islands it is given", () => {
    const before = islands();
    const copy = JSON.stringify(before);
    migrate(before, hallOfFame(), 3, new Rng(1));
    expect(JSON.stringify(before)).toBe(copy);
  });

  it("changes nothing with no migrants or an empty hall of fame", () => {
    const before = islands();
    expect(migrate(before, hallOfFame(), 0, new Rng(1))).toBe(before);
    expect(migrate(before, new HallOfFame(), 3, new Rng(1))).toBe(before);
  });

  it("is deterministic given the generator, and the generator decides", () => {
    const hashes = (s: IslandState[]) => s.map((i) => i.members.map((m) => m.hash));
    expect(hashes(migrate(islands(), hallOfFame(), 3, new Rng(5)))).toEqual(hashes(migrate(islands(), hallOfFame(), 3, new Rng(5))));
    const seeds = [1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(hashes(migrate(islands(), hallOfFame(), 3, new Rng(s)))));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});
