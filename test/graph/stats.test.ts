import { describe, expect, it } from "vitest";
import { addRelation, emptyGraph } from "../../src/graph/concept-graph.js";
import { fitPowerLaw, hurwitzZeta } from "../../src/graph/power-law.js";
import { Rng } from "../../src/random/index.js";
import { graphStats } from "../../src/graph/stats.js";
import type { ConceptGraph } from "../../src/graph/types.js";

/** Two triangles a-b-c and x-y-z joined by the bridge c-x. */
function bowtie(): ConceptGraph {
  const g = emptyGraph("bowtie");
  for (const k of ["a", "b", "c", "x", "y", "z"]) g.addNode(k, { label: k.toUpperCase(), aliases: [], type: "concept", count: 1, provenance: [] });
  const p = [{ file: "t", sentence: 0, text: "t" }];
  for (const [s, t] of [["a", "b"], ["b", "c"], ["c", "a"], ["x", "y"], ["y", "z"], ["z", "x"], ["c", "x"]]) addRelation(g, s, t, "link", "relation", 1, p);
  addRelation(g, "a", "b", "co-occurs with", "cooccurrence", 2, p); // a second edge on an existing pair
  return g;
}

describe("graph stats", () => {
  it("computes size, degrees, components, communities, hubs and bridges of a known graph", () => {
    const st = graphStats(bowtie(), { maxCommunity: 10, top: 3, seed: 1 });
    expect(st).toMatchObject({ nodes: 6, edges: 8, pairs: 7, components: 1, largestComponent: 6, edgesByKind: { relation: 7, cooccurrence: 1 } });
    expect(st.density).toBeCloseTo(7 / 15, 10);
    expect(st.degree.distribution).toEqual([{ degree: 2, count: 4 }, { degree: 3, count: 2 }]);
    expect(st.degree).toMatchObject({ mean: 14 / 6, median: 2, max: 3 });
    expect(st.communities.count).toBe(2);
    expect(st.communities.list.map((c) => c.size)).toEqual([3, 3]);
    expect(st.communities.modularity).toBeGreaterThan(0.3);
    expect(st.hubs.map((h) => h.key)).toEqual(["c", "x", "a"]);
    // the bridge endpoints carry all shortest paths between the triangles: 9 pairs through each of them
    expect(st.bridges.slice(0, 2).map((b) => b.key)).toEqual(["c", "x"]);
    expect(st.bridges[0].value).toBeCloseTo(0.6, 10);
    expect(st.scaleFree).toBeNull();
  });

  it("splits communities recursively down to the size cap", () => {
    // 8 cliques of 5 joined in a ring: Louvain's top level may merge neighbours; the cap forces splits.
    const g = emptyGraph("ring");
    const p = [{ file: "t", sentence: 0, text: "t" }];
    for (let c = 0; c < 8; c++) for (let i = 0; i < 5; i++) g.addNode(`n${c}_${i}`, { label: `n${c}_${i}`, aliases: [], type: "concept", count: 1, provenance: [] });
    for (let c = 0; c < 8; c++) {
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) addRelation(g, `n${c}_${i}`, `n${c}_${j}`, "link", "relation", 1, p);
      addRelation(g, `n${c}_0`, `n${(c + 1) % 8}_1`, "link", "relation", 1, p);
    }
    const st = graphStats(g, { maxCommunity: 5, top: 3, seed: 7 });
    expect(st.communities.maxSize).toBeLessThanOrEqual(5);
    expect(st.communities.count).toBe(8);
  });

  it("fits the power-law exponent by maximum likelihood and tells power laws from exponentials", () => {
    expect(hurwitzZeta(2, 1)).toBeCloseTo(Math.PI ** 2 / 6, 8);
    const rng = new Rng(3);
    // discrete power law with alpha 2.5 for k >= 1 by inversion of the exact CDF
    const z = hurwitzZeta(2.5, 1);
    const cdf: number[] = [];
    let acc = 0;
    for (let k = 1; k <= 100000; k++) cdf.push((acc += k ** -2.5 / z));
    const sample = Array.from({ length: 3000 }, () => {
      const u = rng.next();
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return lo + 1;
    });
    const fit = fitPowerLaw(sample)!;
    expect(fit.alpha).toBeGreaterThan(2.35);
    expect(fit.alpha).toBeLessThan(2.65);
    expect(fit.vsExponential.favours).toBe("power law");
    const geometric = Array.from({ length: 3000 }, () => 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(0.7)));
    expect(fitPowerLaw(geometric)!.vsExponential.favours).not.toBe("power law");
  });
});
