import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { betweenness } from "../../src/graph/betweenness.js";
import type { SimpleGraph } from "../../src/graph/project.js";
import { Rng } from "../../src/random/index.js";

function randomGraph(n: number, m: number, seed: number): SimpleGraph {
  const rng = new Rng(seed);
  const g: SimpleGraph = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { label: `n${i}` });
  for (let i = 1; i < n; i++) g.mergeEdge(`n${i}`, `n${rng.int(i)}`, { weight: 1 });
  for (let k = 0; k < m; k++) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a !== b) g.mergeEdge(`n${a}`, `n${b}`, { weight: 1 });
  }
  return g;
}

describe("betweenness", () => {
  it("is exact on a path graph: the middle of five nodes lies on 4 of the 6 pairs of the others", () => {
    const g: SimpleGraph = new UndirectedGraph();
    for (const k of "abcde") g.addNode(k, { label: k });
    for (const [s, t] of ["ab", "bc", "cd", "de"]) g.addEdge(s, t, { weight: 1 });
    const { values, sampled } = betweenness(g, { exactUpTo: 100, samples: 10, seed: 1 });
    expect(sampled).toBe(false);
    expect(values.get("c")).toBeCloseTo(4 / 6, 12);
    expect(values.get("b")).toBeCloseTo(3 / 6, 12);
    expect(values.get("a")).toBe(0);
  });

  it("splits credit between equal shortest paths, and its sampled estimate tracks the exact ranking", () => {
    const sq: SimpleGraph = new UndirectedGraph();
    for (const k of "abcd") sq.addNode(k, { label: k });
    for (const [s, t] of ["ab", "bc", "cd", "da"]) sq.addEdge(s, t, { weight: 1 });
    // a–c has two shortest paths (via b and via d): b gets half of that one pair, out of 3 pairs
    expect(betweenness(sq, { exactUpTo: 10, samples: 2, seed: 1 }).values.get("b")).toBeCloseTo(0.5 / 3, 12);

    const g = randomGraph(600, 300, 4);
    const exact = betweenness(g, { exactUpTo: 1000, samples: 0, seed: 1 }).values;
    const est = betweenness(g, { exactUpTo: 100, samples: 300, seed: 1 });
    expect(est.sampled).toBe(true);
    const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([k]) => k);
    const shared = top(exact).filter((k) => top(est.values).includes(k)).length;
    expect(shared).toBeGreaterThanOrEqual(7);
    const best = top(exact)[0];
    expect(Math.abs(est.values.get(best)! - exact.get(best)!) / exact.get(best)!).toBeLessThan(0.2);
  });
});
