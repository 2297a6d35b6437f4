import { it } from "vitest";
import { plantedInstance, PLANTED_RELATIONS } from "../../src/graph/planted.js";
import { findAnalogies } from "../../src/graph/analogy.js";
it("x", () => {
  for (const [nodesB, planted, extraA] of [[1000, 150, 300], [3000, 400, 1000]]) {
    for (const seed of [1, 2]) {
      const inst = plantedInstance({ nodesB, planted, extraA, attach: 3, relations: PLANTED_RELATIONS, drop: 0.1, add: 0.05, retype: 0.05, seed });
      const best = findAnalogies(inst.a, inst.b, { top: 1 })[0];
      const per = new Map<string, number>();
      for (const e of best.edges) { per.set(e.a.source, (per.get(e.a.source) ?? 0) + 1); per.set(e.a.target, (per.get(e.a.target) ?? 0) + 1); }
      const hist: Record<string, [number, number]> = {};
      for (const p of best.pairs) { const k = String(Math.min(per.get(p.a) ?? 0, 5)); hist[k] ??= [0, 0]; hist[k][inst.truth.get(p.a) === p.b ? 0 : 1]++; }
      console.log(nodesB, seed, JSON.stringify(hist));
    }
  }
});
