/**
 * SciAgents-style path sampling between two concepts: random waypoints near the shortest route, and
 * Dijkstra on randomly perturbed edge costs between them, so each seed gives a different but relevant
 * chain of relations. Typed relations are cheaper to walk than bare co-occurrence.
 */
import { GraphError } from "./errors.js";
import { matchConcept } from "./match.js";
import { MinHeap } from "./min-heap.js";
import { toSimpleGraph, type SimpleGraph } from "./project.js";
import { Rng } from "../random/index.js";
import type { ConceptGraph, EdgeKind } from "./types.js";

/** Options of a path sample. */
export interface PathOptions {
  seed: number;
  /** Number of random waypoints (0: a randomised shortest path). */
  waypoints: number;
  /** Relative random perturbation of edge costs. */
  randomness: number;
}

/** One step of a path: the relation between consecutive concepts, in the direction it was read. */
export interface PathStep {
  from: string;
  to: string;
  relation: string;
  kind: EdgeKind;
  /** "forward" when the graph says from -[relation]-> to; "backward" when it says to -[relation]-> from. */
  direction: "forward" | "backward";
  /** The first sentence that supports the relation, when known. */
  evidence?: string;
}

/** A sampled path. */
export interface ConceptPath {
  from: string;
  to: string;
  seed: number;
  waypoints: string[];
  nodes: string[];
  steps: PathStep[];
}

// Typed relations are preferred, but only mildly: a strong preference buys readable verbs with long detours.
const KIND_COST: Record<EdgeKind, number> = { relation: 1, hierarchy: 1.1, cooccurrence: 1.4 };

function pairCosts(g: ConceptGraph): Map<string, number> {
  const best = new Map<string, number>();
  g.forEachEdge((_e, a, s, t) => {
    const k = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    const c = KIND_COST[a.kind] / (1 + 0.3 * Math.log(a.weight));
    if (!(best.get(k)! <= c)) best.set(k, c);
  });
  return best;
}

function dijkstra(s: SimpleGraph, costs: Map<string, number>, from: string, to: string, rng: Rng, randomness: number, banned: Set<string>): string[] | undefined {
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, string>();
  const jitter = new Map<string, number>();
  const heap = new MinHeap<string>();
  heap.push(0, from);
  const done = new Set<string>();
  while (heap.length > 0) {
    const { priority: d, value: u } = heap.pop()!;
    if (done.has(u)) continue;
    done.add(u);
    if (u === to) break;
    for (const v of s.neighbors(u).sort()) {
      if (done.has(v) || (banned.has(v) && v !== to)) continue;
      const k = u < v ? `${u}\u0000${v}` : `${v}\u0000${u}`;
      if (!jitter.has(k)) jitter.set(k, 1 + randomness * rng.next());
      const nd = d + costs.get(k)! * jitter.get(k)!;
      if (!(dist.get(v)! <= nd)) {
        dist.set(v, nd);
        prev.set(v, u);
        heap.push(nd, v);
      }
    }
  }
  if (!done.has(to)) return undefined;
  const path = [to];
  while (path[path.length - 1] !== from) path.push(prev.get(path[path.length - 1])!);
  return path.reverse();
}

function hopDistances(s: SimpleGraph, from: string): Map<string, number> {
  const dist = new Map<string, number>([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (const v of s.neighbors(u)) if (!dist.has(v)) {
      dist.set(v, dist.get(u)! + 1);
      queue.push(v);
    }
  }
  return dist;
}

/** The best edge between two adjacent concepts: typed relations first, then the heaviest. */
function describeStep(g: ConceptGraph, u: string, v: string): PathStep {
  const rank = (kind: EdgeKind) => (kind === "relation" ? 0 : kind === "hierarchy" ? 1 : 2);
  let best: PathStep | undefined;
  let bestScore = Infinity;
  const consider = (e: string, direction: "forward" | "backward") => {
    const a = g.getEdgeAttributes(e);
    const score = rank(a.kind) * 1e6 - a.weight;
    if (score < bestScore) {
      bestScore = score;
      best = { from: u, to: v, relation: a.relation, kind: a.kind, direction, evidence: a.provenance[0] ? `${a.provenance[0].file}#${a.provenance[0].sentence}: ${a.provenance[0].text}` : undefined };
    }
  };
  for (const e of g.outEdges(u, v)) consider(e, "forward");
  for (const e of g.outEdges(v, u)) consider(e, "backward");
  return best!;
}

/** Samples a path between the concepts matching `a` and `b`. */
export function samplePath(g: ConceptGraph, a: string, b: string, opts: PathOptions): ConceptPath {
  return samplePathBetween(g, matchConcept(g, a).key, matchConcept(g, b).key, opts, [a, b]);
}

/** Samples a path between two node keys already matched (`asked`: the names typed, for messages). */
export function samplePathBetween(g: ConceptGraph, from: string, to: string, opts: PathOptions, asked: [string, string] = [from, to]): ConceptPath {
  const [a, b] = asked;
  if (!g.hasNode(from) || !g.hasNode(to)) throw new GraphError(`no concept '${g.hasNode(from) ? to : from}' in graph '${g.getAttribute("name")}'`);
  if (from === to) throw new GraphError(`'${a}' and '${b}' both match the concept '${from}'`);
  const s = toSimpleGraph(g);
  const fromDist = hopDistances(s, from);
  if (!fromDist.has(to)) throw new GraphError(`no path between '${from}' and '${to}': they are in different components of the graph`);
  const toDist = hopDistances(s, to);
  const rng = new Rng(opts.seed);
  const shortest = fromDist.get(to)!;
  // Waypoints are drawn from concepts that lie at most a little off the shortest route.
  const candidates = [...fromDist.keys()].filter((n) => n !== from && n !== to && fromDist.get(n)! + toDist.get(n)! <= shortest + 2).sort();
  const waypoints: string[] = [];
  for (const n of rng.shuffle(candidates)) {
    if (waypoints.length >= opts.waypoints) break;
    waypoints.push(n);
  }
  waypoints.sort((x, y) => fromDist.get(x)! - fromDist.get(y)! || (x < y ? -1 : 1));
  const costs = pairCosts(g);
  const stops = [from, ...waypoints, to];
  let nodes: string[] = [from];
  for (let i = 1; i < stops.length; i++) {
    // Legs may not pass through the stops still ahead (that would skip them); they may revisit earlier
    // concepts, and the loop that makes is cut out below, which keeps the path simple and short.
    const leg = dijkstra(s, costs, nodes[nodes.length - 1], stops[i], rng, opts.randomness, new Set(stops.slice(i + 1))) ?? dijkstra(s, costs, nodes[nodes.length - 1], stops[i], rng, opts.randomness, new Set());
    if (!leg) continue;
    for (const n of leg.slice(1)) {
      const seen = nodes.indexOf(n);
      if (seen >= 0) nodes = nodes.slice(0, seen + 1);
      else nodes.push(n);
    }
  }
  const steps = nodes.slice(1).map((v, i) => describeStep(g, nodes[i], v));
  return { from, to, seed: opts.seed, waypoints: waypoints.filter((w) => nodes.includes(w)), nodes, steps };
}

/** The path as `a -[rel]-> b <-[rel]- c` (arrows show the direction the relation was read in). */
export function formatPath(p: ConceptPath): string {
  let out = p.nodes[0];
  for (const st of p.steps) out += st.direction === "forward" ? ` -[${st.relation}]-> ${st.to}` : ` <-[${st.relation}]- ${st.to}`;
  return out;
}
