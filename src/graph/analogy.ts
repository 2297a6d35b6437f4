/**
 * Structure-preserving maps between two concept graphs: an approximate maximum common subgraph that
 * respects relation classes and tolerates missing edges. Seed-and-extend: seeds are node pairs with
 * similar structural signatures; each seed grows greedily by the candidate pair that would preserve the
 * most typed edges with the pairs already mapped; pairs that end up preserving nothing are pruned.
 * Cost grows with the mapped region, not with the product of the graph sizes.
 */
import { MinHeap } from "./min-heap.js";
import { nodeSignatures, signatureSimilarity, similarCandidates, type Signature } from "./signatures.js";
import { ClassDictionary, hasArc, toTypedGraph, type TypedGraph } from "./typed-graph.js";
import type { ConceptGraph, EdgeKind } from "./types.js";

/** Options of the analogy search. */
export interface AnalogyOptions {
  /** Edge kinds that take part (co-occurrence carries no relation type, so it is off by default). */
  kinds: readonly EdgeKind[];
  /** Seeds to grow from. */
  seeds: number;
  /** Mappings to return. */
  top: number;
  /** Smallest mapping worth reporting. */
  minSize: number;
  /** Candidate partners per node considered when choosing seeds. */
  candidatesPerNode: number;
  /** Seed pairs tried in a short probe growth before the best `seeds` of them are grown fully. */
  probes: number;
  /** Pairs a probe grows to. */
  probeSize: number;
  /**
   * Edges a pair must preserve to stay in the final map. One preserved edge is weak evidence (on
   * planted benchmarks most such pairs are wrong), so the default is two.
   */
  minPreserved: number;
}

/** Defaults that work from corpus graphs of dozens of nodes to generated graphs of thousands. */
export const DEFAULT_ANALOGY_OPTIONS: AnalogyOptions = { kinds: ["relation", "hierarchy"], seeds: 16, top: 5, minSize: 2, candidatesPerNode: 4, probes: 256, probeSize: 12, minPreserved: 2 };

/** An edge of A and its image in B, both preserving `relationClass`. */
export interface PreservedEdge {
  relationClass: string;
  a: { source: string; target: string; edge: string };
  b: { source: string; target: string; edge: string };
}

/** One structure-preserving map. */
export interface AnalogyMapping {
  /** preserved × agreement: large maps whose relations agree rank first. */
  score: number;
  /** Dice agreement of the induced edge sets: 2·preserved / (edges among mapped A nodes + among mapped B nodes). */
  agreement: number;
  pairs: Array<{ a: string; b: string }>;
  preserved: number;
  edges: PreservedEdge[];
}

/** Internal growing state of one mapping. */
interface MapState {
  mapA: Int32Array;
  mapB: Int32Array;
  order: number[];
}

function cloneState(s: MapState): MapState {
  return { mapA: s.mapA.slice(), mapB: s.mapB.slice(), order: s.order.slice() };
}

/** The search over two graphs, prepared once and reusable for several seeds. */
class AnalogySearch {
  readonly ta: TypedGraph;
  readonly tb: TypedGraph;
  readonly sa: Signature[];
  readonly sb: Signature[];
  private readonly simCache = new Map<number, number>();

  constructor(
    a: ConceptGraph,
    b: ConceptGraph,
    readonly dict: ClassDictionary,
    readonly opts: AnalogyOptions,
  ) {
    this.ta = toTypedGraph(a, dict, opts);
    this.tb = toTypedGraph(b, dict, opts);
    this.sa = nodeSignatures(this.ta);
    this.sb = nodeSignatures(this.tb);
  }

  private sim(x: number, y: number): number {
    const key = x * this.tb.keys.length + y;
    let s = this.simCache.get(key);
    if (s === undefined) {
      s = signatureSimilarity(this.sa[x], this.sb[y]);
      this.simCache.set(key, s);
    }
    return s;
  }

  /** Seed pairs: structurally similar, well-connected nodes, at most one seed per node of A. */
  seeds(): Array<[number, number]> {
    const candidates = similarCandidates(this.sa, this.sb, this.opts.candidatesPerNode);
    const scored: Array<{ a: number; b: number; score: number }> = [];
    candidates.forEach((list, a) => {
      const degree = this.ta.out[a].length + this.ta.in[a].length;
      if (degree < 2) return;
      for (const c of list) scored.push({ a, b: c.node, score: c.sim * Math.log(1 + Math.min(degree, this.tb.out[c.node].length + this.tb.in[c.node].length)) });
    });
    scored.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    const out: Array<[number, number]> = [];
    for (const s of scored) {
      if (out.length >= this.opts.probes) break;
      if (usedA.has(s.a) || usedB.has(s.b)) continue;
      usedA.add(s.a);
      usedB.add(s.b);
      out.push([s.a, s.b]);
    }
    return out;
  }

  /**
   * Edges of x (in A) and y (in B) to already-mapped nodes: how many agree (same neighbour under the map,
   * same direction and class) and how many have no counterpart on the other side.
   */
  private consistency(state: MapState, x: number, y: number): { agree: number; conflict: number } {
    let agree = 0;
    let conflict = 0;
    for (const p of this.ta.out[x]) {
      const y2 = state.mapA[p.node];
      if (y2 < 0) continue;
      if (hasArc(this.tb, y, y2, p.cls)) agree++;
      else conflict++;
    }
    for (const p of this.ta.in[x]) {
      const y2 = state.mapA[p.node];
      if (y2 < 0) continue;
      if (hasArc(this.tb, y2, y, p.cls)) agree++;
      else conflict++;
    }
    for (const q of this.tb.out[y]) {
      const x2 = state.mapB[q.node];
      if (x2 >= 0 && !hasArc(this.ta, x, x2, q.cls)) conflict++;
    }
    for (const q of this.tb.in[y]) {
      const x2 = state.mapB[q.node];
      if (x2 >= 0 && !hasArc(this.ta, x2, x, q.cls)) conflict++;
    }
    return { agree, conflict };
  }

  /**
   * Grows a mapping from one seed pair, up to `limit` pairs. A candidate is admitted when its edges to the
   * mapped region agree at least as often as they conflict: missing edges are tolerated, contradictions
   * are not.
   */
  grow(seedA: number, seedB: number, limit = Infinity): MapState {
    const state: MapState = { mapA: new Int32Array(this.ta.keys.length).fill(-1), mapB: new Int32Array(this.tb.keys.length).fill(-1), order: [] };
    return this.extend(state, [[seedA, seedB]], 1, limit);
  }

  /** Adds `initial` pairs to `state`, then grows it by candidates agreeing on at least `minAgree` edges. */
  extend(state: MapState, initial: Array<[number, number]>, minAgree: number, limit = Infinity): MapState {
    const nB = this.tb.keys.length;
    const support = new Map<number, number>();
    const heap = new MinHeap<number>();
    const bump = (x: number, y: number) => {
      const key = x * nB + y;
      const s = (support.get(key) ?? 0) + 1;
      support.set(key, s);
      heap.push(-(s + 0.5 * this.sim(x, y)), key);
    };
    const add = (x: number, y: number) => {
      state.mapA[x] = y;
      state.mapB[y] = x;
      state.order.push(x);
      for (const [arcsA, arcsB] of [
        [this.ta.out[x], this.tb.out[y]],
        [this.ta.in[x], this.tb.in[y]],
      ] as const) {
        let budget = 4000;
        for (const p of arcsA) {
          if (state.mapA[p.node] >= 0) continue;
          for (const q of arcsB) {
            if (q.cls !== p.cls || state.mapB[q.node] >= 0) continue;
            bump(p.node, q.node);
            if (--budget <= 0) break;
          }
          if (budget <= 0) break;
        }
      }
    };
    for (const [x, y] of initial) add(x, y);
    while (heap.length > 0) {
      const { priority, value: key } = heap.pop()!;
      const x = Math.floor(key / nB);
      const y = key % nB;
      if (state.mapA[x] >= 0 || state.mapB[y] >= 0) continue;
      const s = support.get(key)!;
      if (Math.abs(-(s + 0.5 * this.sim(x, y)) - priority) > 1e-12) continue; // stale entry
      const { agree, conflict } = this.consistency(state, x, y);
      if (agree < minAgree || agree < conflict) continue;
      add(x, y);
      if (state.order.length >= limit) break;
    }
    return state;
  }

  /** Number of preserved edges touching each mapped node of A. */
  preservedPerNode(state: MapState): Map<number, number> {
    const per = new Map<number, number>();
    for (const x of state.order) {
      const y = state.mapA[x];
      for (const p of this.ta.out[x]) {
        const y2 = state.mapA[p.node];
        if (y2 >= 0 && hasArc(this.tb, y, y2, p.cls)) {
          per.set(x, (per.get(x) ?? 0) + 1);
          per.set(p.node, (per.get(p.node) ?? 0) + 1);
        }
      }
    }
    return per;
  }

  /**
   * Drops pairs preserving fewer than `minPreserved` edges, repeatedly (a drop can weaken a neighbour);
   * they were admitted on support that later pairs did not confirm.
   */
  prune(state: MapState, minPreserved: number): MapState {
    for (;;) {
      const per = this.preservedPerNode(state);
      const weak = state.order.filter((x) => (per.get(x) ?? 0) < minPreserved);
      if (weak.length === 0) return state;
      for (const x of weak) {
        state.mapB[state.mapA[x]] = -1;
        state.mapA[x] = -1;
      }
      state.order = state.order.filter((x) => state.mapA[x] >= 0);
    }
  }

  /** Permissive growth, strict pruning, then strict regrowth into what the pruning freed, pruned again. */
  refine(state: MapState): MapState {
    const m = this.opts.minPreserved;
    this.prune(state, m);
    const pairs = state.order.map((x) => [x, state.mapA[x]] as [number, number]);
    const fresh: MapState = { mapA: new Int32Array(this.ta.keys.length).fill(-1), mapB: new Int32Array(this.tb.keys.length).fill(-1), order: [] };
    return this.prune(this.extend(fresh, pairs, m), m);
  }

  /** The report form of a mapping. */
  describe(state: MapState): AnalogyMapping {
    const edges: PreservedEdge[] = [];
    let inducedA = 0;
    let inducedB = 0;
    for (const x of state.order) {
      const y = state.mapA[x];
      for (const p of this.ta.out[x]) {
        const y2 = state.mapA[p.node];
        if (y2 < 0) continue;
        inducedA += 1;
        if (!hasArc(this.tb, y, y2, p.cls)) continue;
        const q = this.tb.out[y].find((arc) => arc.node === y2 && arc.cls === p.cls)!;
        edges.push({
          relationClass: this.dict.names[p.cls],
          a: { source: this.ta.keys[x], target: this.ta.keys[p.node], edge: p.edge },
          b: { source: this.tb.keys[y], target: this.tb.keys[y2], edge: q.edge },
        });
      }
      for (const q of this.tb.out[y]) if (state.mapB[q.node] >= 0) inducedB += 1;
    }
    const preserved = edges.length;
    const agreement = inducedA + inducedB > 0 ? (2 * preserved) / (inducedA + inducedB) : 0;
    return {
      score: preserved * agreement,
      agreement,
      pairs: state.order.map((x) => ({ a: this.ta.keys[x], b: this.tb.keys[state.mapA[x]] })),
      preserved,
      edges,
    };
  }
}

/** The best structure-preserving maps from `a` to `b`, best first, overlapping maps reduced to the best one. */
export function findAnalogies(a: ConceptGraph, b: ConceptGraph, options: Partial<AnalogyOptions> = {}): AnalogyMapping[] {
  const opts = { ...DEFAULT_ANALOGY_OPTIONS, ...options };
  const search = new AnalogySearch(a, b, new ClassDictionary(), opts);
  // Probe many seeds cheaply, then grow the most promising ones fully. Probes are scored after pruning:
  // a tree of single-edge matches grows from any seed, closed cycles of matches only from a right one.
  const probed = search
    .seeds()
    .map(([x, y]) => {
      const state = search.refine(search.grow(x, y, opts.probeSize));
      return { x, y, pairs: state.order.map((a) => [a, state.mapA[a]] as const), preserved: search.describe(state).preserved };
    })
    .sort((p, q) => q.preserved - p.preserved || p.x - q.x || p.y - q.y);
  // A probe that agrees with a map grown earlier extends that map (two seeds in one region give one,
  // larger map); a probe that contradicts every earlier map grows a map of its own.
  const grown: MapState[] = [];
  for (const probe of probed) {
    if (grown.length >= opts.seeds && probe.preserved === 0) break;
    const pairs = [[probe.x, probe.y] as const, ...probe.pairs];
    const host = grown.find((g) => pairs.some(([a, b]) => g.mapA[a] === b) && pairs.every(([a, b]) => g.mapA[a] === b || (g.mapA[a] < 0 && g.mapB[b] < 0)));
    if (host) {
      const fresh = pairs.filter(([a]) => host.mapA[a] < 0);
      if (fresh.length === 0) continue;
      const before = search.describe(host).score;
      const merged = search.refine(search.extend(cloneState(host), fresh.map(([a, b]) => [a, b]), 1));
      if (search.describe(merged).score >= before) grown[grown.indexOf(host)] = merged;
    } else if (grown.length < opts.seeds) {
      grown.push(search.refine(search.grow(probe.x, probe.y)));
    }
  }
  const found = grown
    .map((state) => search.describe(state))
    .filter((m) => m.pairs.length >= opts.minSize && m.preserved > 0)
    .sort((p, q) => q.score - p.score || q.pairs.length - p.pairs.length);
  const kept: AnalogyMapping[] = [];
  for (const m of found) {
    if (kept.length >= opts.top) break;
    const pairs = new Set(m.pairs.map((p) => `${p.a}\u0000${p.b}`));
    const overlaps = kept.some((k) => k.pairs.filter((p) => pairs.has(`${p.a}\u0000${p.b}`)).length > 0.5 * Math.min(k.pairs.length, m.pairs.length));
    if (!overlaps) kept.push(m);
  }
  return kept;
}
