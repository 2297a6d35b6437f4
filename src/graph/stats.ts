/**
 * `graph stats`: size, degree distribution, hierarchical communities, hubs, bridges and the scale-free fit
 * of a concept graph, as one plain object (printed as text or JSON by the command).
 */
import { hierarchicalCommunities } from "./communities.js";
import { betweenness } from "./betweenness.js";
import { fitPowerLaw, type PowerLawFit } from "./power-law.js";
import { components, toSimpleGraph } from "./project.js";
import type { ConceptGraph } from "./types.js";

/** Options of the statistics. */
export interface StatsOptions {
  /** Largest community size before it is split again. */
  maxCommunity: number;
  /** How many hubs and bridges to list. */
  top: number;
  seed: number;
}

/** A ranked concept. */
export interface RankedConcept {
  key: string;
  label: string;
  value: number;
}

/** Everything `graph stats` reports. */
export interface GraphStats {
  name: string;
  documents: number;
  nodes: number;
  edges: number;
  edgesByKind: Record<string, number>;
  /** Edges of the undirected simple projection (one per connected pair). */
  pairs: number;
  density: number;
  components: number;
  largestComponent: number;
  degree: { mean: number; median: number; max: number; distribution: Array<{ degree: number; count: number }> };
  relations: Array<{ relation: string; count: number }>;
  communities: { count: number; levels: number; modularity: number; maxSize: number; cap: number; list: Array<{ id: string; size: number; top: string[] }> };
  hubs: RankedConcept[];
  bridges: RankedConcept[];
  /** Whether betweenness was estimated from sampled sources (graphs over 2000 concepts). */
  bridgesSampled: boolean;
  scaleFree: PowerLawFit | null;
}

/** Computes the statistics of a concept graph (degrees on the undirected projection of all edges). */
export function graphStats(g: ConceptGraph, opts: StatsOptions): GraphStats {
  const s = toSimpleGraph(g);
  const n = s.order;
  const degrees = new Map<string, number>();
  s.forEachNode((k) => degrees.set(k, s.degree(k)));
  const degreeList = [...degrees.values()].sort((a, b) => a - b);
  const histogram = new Map<number, number>();
  for (const d of degreeList) histogram.set(d, (histogram.get(d) ?? 0) + 1);
  const edgesByKind: Record<string, number> = {};
  const relationCounts = new Map<string, number>();
  g.forEachEdge((_e, a) => {
    edgesByKind[a.kind] = (edgesByKind[a.kind] ?? 0) + 1;
    if (a.kind === "relation") relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
  });
  const comps = components(s);
  const hierarchy = hierarchicalCommunities(s, opts.maxCommunity, opts.seed);
  const label = (k: string) => g.getNodeAttribute(k, "label");
  const byDegree = (a: string, b: string) => degrees.get(b)! - degrees.get(a)! || (a < b ? -1 : 1);
  // Hop-count betweenness: edge weights count support, not distance.
  const between = betweenness(s, { exactUpTo: 2000, samples: 500, seed: opts.seed });
  const rank = (values: Map<string, number> | Record<string, number>): RankedConcept[] =>
    [...(values instanceof Map ? values.entries() : Object.entries(values))]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, opts.top)
      .map(([key, value]) => ({ key, label: label(key), value }));
  const leaves = hierarchy.leaves.slice().sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1));
  return {
    name: g.getAttribute("name"),
    documents: g.getAttribute("documents").length,
    nodes: g.order,
    edges: g.size,
    edgesByKind,
    pairs: s.size,
    density: n > 1 ? (2 * s.size) / (n * (n - 1)) : 0,
    components: comps.length,
    largestComponent: comps[0]?.length ?? 0,
    degree: {
      mean: n > 0 ? degreeList.reduce((x, y) => x + y, 0) / n : 0,
      median: n > 0 ? (n % 2 ? degreeList[(n - 1) / 2] : (degreeList[n / 2 - 1] + degreeList[n / 2]) / 2) : 0,
      max: degreeList[n - 1] ?? 0,
      distribution: [...histogram.entries()].map(([degree, count]) => ({ degree, count })),
    },
    relations: [...relationCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.top).map(([relation, count]) => ({ relation, count })),
    communities: {
      count: leaves.length,
      levels: hierarchy.levels,
      modularity: hierarchy.modularity,
      maxSize: leaves[0]?.members.length ?? 0,
      cap: opts.maxCommunity,
      list: leaves.map((c) => ({ id: c.id, size: c.members.length, top: c.members.slice().sort(byDegree).slice(0, 5).map(label) })),
    },
    hubs: rank(degrees),
    bridges: rank(between.values),
    bridgesSampled: between.sampled,
    scaleFree: fitPowerLaw(degreeList) ?? null,
  };
}

/** Human-readable report of the statistics. */
export function formatStats(st: GraphStats): string {
  const f = (x: number, d = 3) => (Number.isInteger(x) ? String(x) : x.toFixed(d));
  const lines = [
    `graph ${st.name}: ${st.nodes} concepts, ${st.edges} edges (${Object.entries(st.edgesByKind).map(([k, v]) => `${v} ${k}`).join(", ") || "none"}) from ${st.documents} documents`,
    `connected pairs ${st.pairs}, density ${f(st.density, 4)}, ${st.components} components (largest ${st.largestComponent})`,
    `degree: mean ${f(st.degree.mean, 2)}, median ${f(st.degree.median)}, max ${st.degree.max}`,
    `degree distribution: ${st.degree.distribution.map((d) => `${d.degree}:${d.count}`).join(" ") || "none"}`,
  ];
  if (st.scaleFree) {
    const sf = st.scaleFree;
    lines.push(
      `scale-free fit: alpha ${f(sf.alpha)} for degree >= ${sf.xmin} (${sf.tail} concepts, KS ${f(sf.ks)}); vs exponential: LLR ${f(sf.vsExponential.logLikelihoodRatio, 2)}, p ${f(sf.vsExponential.p)} → ${sf.vsExponential.favours === "neither" ? "inconclusive" : `favours ${sf.vsExponential.favours}`}`,
    );
  } else lines.push("scale-free fit: too few concepts with nonzero degree");
  lines.push(`relations: ${st.relations.map((r) => `${r.relation} (${r.count})`).join(", ") || "none"}`);
  lines.push(`communities: ${st.communities.count} (cap ${st.communities.cap}, ${st.communities.levels} levels, top-level modularity ${f(st.communities.modularity)})`);
  for (const c of st.communities.list.slice(0, 10)) lines.push(`  ${c.id.padEnd(8)} ${String(c.size).padStart(4)}  ${c.top.join(", ")}`);
  if (st.communities.list.length > 10) lines.push(`  … ${st.communities.list.length - 10} more`);
  lines.push(`hubs (degree): ${st.hubs.map((h) => `${h.label} ${h.value}`).join(", ") || "none"}`);
  lines.push(`bridges (betweenness${st.bridgesSampled ? ", estimated from 500 sampled sources" : ""}): ${st.bridges.map((h) => `${h.label} ${f(h.value)}`).join(", ") || "none"}`);
  return lines.join("\n") + "\n";
}
