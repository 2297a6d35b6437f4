/** Projections of a concept graph onto the simple graphs most algorithms expect. */
import { UndirectedGraph } from "graphology";
import type { ConceptGraph, EdgeKind } from "./types.js";

/** Node attribute of a projection: the concept's label. Edge attribute: summed weight. */
export type SimpleGraph = UndirectedGraph<{ label: string }, { weight: number }>;

/**
 * The undirected simple graph on the same concepts: one edge per connected pair, weighted by the summed
 * weights of the kept edge kinds (all kinds by default).
 */
export function toSimpleGraph(g: ConceptGraph, kinds: readonly EdgeKind[] = ["relation", "cooccurrence", "hierarchy"]): SimpleGraph {
  const s: SimpleGraph = new UndirectedGraph();
  g.forEachNode((key, a) => {
    s.addNode(key, { label: a.label });
  });
  g.forEachEdge((_key, a, source, target) => {
    if (!kinds.includes(a.kind)) return;
    s.updateEdge(source, target, (e) => ({ weight: (e.weight ?? 0) + a.weight }));
  });
  return s;
}

/** Connected components of a simple graph, largest first (ties by first key). */
export function components(s: SimpleGraph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  s.forEachNode((start) => {
    if (seen.has(start)) return;
    const comp: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const n = stack.pop()!;
      comp.push(n);
      s.forEachNeighbor(n, (m) => {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      });
    }
    out.push(comp);
  });
  return out.sort((a, b) => b.length - a.length);
}
