/**
 * Planted-analogy instances for tests and benchmarks: a random typed graph B (preferential attachment,
 * so degrees are heavy-tailed like real concept graphs), a connected subgraph of it, and a graph A that
 * holds a relabelled, noisy copy of that subgraph (edges dropped, edges added, relation types changed)
 * embedded among unrelated nodes. The hidden correspondence is the ground truth.
 */
import { addRelation, emptyGraph } from "./concept-graph.js";
import { Rng } from "../random/index.js";
import type { ConceptGraph } from "./types.js";

/** Parameters of a planted instance. */
export interface PlantedSpec {
  /** Nodes of graph B. */
  nodesB: number;
  /** Nodes of the planted subgraph. */
  planted: number;
  /** Nodes of graph A that are not part of the copy. */
  extraA: number;
  /** Edges each new node attaches with (preferential attachment). */
  attach: number;
  /** Relation verbs to draw from (each its own class). */
  relations: readonly string[];
  /** Fraction of the copy's edges dropped, of extra edges added, and of relations retyped. */
  drop: number;
  add: number;
  retype: number;
  seed: number;
}

/** A planted instance with its hidden correspondence (A key → B key). */
export interface PlantedInstance {
  a: ConceptGraph;
  b: ConceptGraph;
  truth: Map<string, string>;
}

/** Verbs whose classes differ, so every relation is its own type. */
export const PLANTED_RELATIONS = ["increase", "reduce", "contain", "produce", "control", "connect", "stabilize", "depend on"] as const;

function provenance(file: string) {
  return [{ file, sentence: 0, text: "generated" }];
}

/** A random typed graph by preferential attachment; returns its edges as [source, relation, target]. */
function attachmentEdges(n: number, attach: number, relations: readonly string[], rng: Rng, prefix: string): Array<[string, string, string]> {
  const edges: Array<[string, string, string]> = [];
  const ends: number[] = [0];
  const seen = new Set<string>();
  for (let v = 1; v < n; v++) {
    const m = Math.min(attach, v);
    const targets = new Set<number>();
    while (targets.size < m) targets.add(rng.next() < 0.8 ? ends[rng.int(ends.length)] : rng.int(v));
    for (const t of [...targets].sort((x, y) => x - y)) {
      const [s, d] = rng.next() < 0.5 ? [v, t] : [t, v];
      const key = `${s},${d}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([`${prefix}${s}`, rng.pick(relations), `${prefix}${d}`]);
      ends.push(v, t);
    }
  }
  return edges;
}

/** Generates a planted instance. */
export function plantedInstance(spec: PlantedSpec): PlantedInstance {
  const rng = new Rng(spec.seed);
  const b = emptyGraph("planted-b");
  const bEdges = attachmentEdges(spec.nodesB, spec.attach, spec.relations, rng, "b");
  for (let i = 0; i < spec.nodesB; i++) b.addNode(`b${i}`, { label: `b${i}`, aliases: [], type: "concept", count: 1, provenance: [] });
  for (const [s, r, t] of bEdges) addRelation(b, s, t, r, "relation", 1, provenance("b"));

  // The planted region: a breadth-first ball around a random node of at least median degree.
  const start = rng.shuffle(b.nodes()).find((n) => b.degree(n) >= spec.attach * 2) ?? "b0";
  const region: string[] = [start];
  const inRegion = new Set(region);
  for (let i = 0; i < region.length && region.length < spec.planted; i++) {
    for (const nb of rng.shuffle(b.neighbors(region[i]).sort())) {
      if (region.length >= spec.planted) break;
      if (!inRegion.has(nb)) {
        inRegion.add(nb);
        region.push(nb);
      }
    }
  }

  // A: relabelled copy (node names shuffled so order reveals nothing) plus unrelated nodes around it.
  const a = emptyGraph("planted-a");
  const truth = new Map<string, string>();
  const copyIds = rng.shuffle(region.map((_r, i) => i));
  region.forEach((bKey, i) => truth.set(`a${copyIds[i]}`, bKey));
  const aKeyOf = new Map([...truth.entries()].map(([ak, bk]) => [bk, ak]));
  const total = region.length + spec.extraA;
  for (let i = 0; i < total; i++) a.addNode(`a${i}`, { label: `a${i}`, aliases: [], type: "concept", count: 1, provenance: [] });
  let copied = 0;
  b.forEachEdge((_e, attrs, s, t) => {
    if (!inRegion.has(s) || !inRegion.has(t)) return;
    copied += 1;
    if (rng.next() < spec.drop) return;
    const relation = rng.next() < spec.retype ? rng.pick(spec.relations) : attrs.relation;
    addRelation(a, aKeyOf.get(s)!, aKeyOf.get(t)!, relation, "relation", 1, provenance("a"));
  });
  const copyKeys = [...truth.keys()];
  for (let k = 0; k < Math.round(spec.add * copied); k++) {
    const s = rng.pick(copyKeys);
    const t = rng.pick(copyKeys);
    if (s !== t) addRelation(a, s, t, rng.pick(spec.relations), "relation", 1, provenance("a"));
  }
  // Unrelated nodes attach preferentially to everything already in A, copy included.
  const ends = a.mapEdges((_e, _x, s, t) => [s, t]).flat();
  for (let i = region.length; i < total; i++) {
    const v = `a${i}`;
    for (let m = 0; m < spec.attach; m++) {
      const t = ends.length > 0 && rng.next() < 0.8 ? rng.pick(ends) : `a${rng.int(i)}`;
      if (t === v) continue;
      const [s, d] = rng.next() < 0.5 ? [v, t] : [t, v];
      addRelation(a, s, d, rng.pick(spec.relations), "relation", 1, provenance("a"));
      ends.push(v, t);
    }
  }
  return { a, b, truth };
}

/** Precision and recall of a recovered mapping against the planted truth. */
export function mappingAccuracy(pairs: ReadonlyArray<{ a: string; b: string }>, truth: ReadonlyMap<string, string>): { precision: number; recall: number; correct: number } {
  const correct = pairs.filter((p) => truth.get(p.a) === p.b).length;
  return { precision: pairs.length > 0 ? correct / pairs.length : 0, recall: truth.size > 0 ? correct / truth.size : 0, correct };
}

/** The baseline: nodes of A and B paired by descending degree rank (ties by key), `k` pairs. */
export function degreeSortedMapping(a: ConceptGraph, b: ConceptGraph, k: number): Array<{ a: string; b: string }> {
  const byDegree = (g: ConceptGraph) => g.nodes().sort((x, y) => g.degree(y) - g.degree(x) || (x < y ? -1 : 1));
  const ra = byDegree(a);
  const rb = byDegree(b);
  return ra.slice(0, Math.min(k, rb.length)).map((x, i) => ({ a: x, b: rb[i] }));
}
