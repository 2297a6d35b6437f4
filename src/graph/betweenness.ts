/**
 * Hop-count betweenness centrality (Brandes) on an undirected simple graph, exact up to `exactUpTo`
 * nodes and estimated from a seeded sample of source nodes above that (Brandes & Pich 2007), so that
 * `graph stats` stays in seconds on graphs of tens of thousands of concepts.
 */
import type { SimpleGraph } from "./project.js";
import { Rng } from "../random/index.js";

/** Options of the computation. */
export interface BetweennessOptions {
  /** Largest graph computed exactly. */
  exactUpTo: number;
  /** Source nodes sampled on larger graphs. */
  samples: number;
  seed: number;
}

/** Result: node → normalised betweenness (share of the pairs of other nodes whose shortest paths pass through it). */
export interface BetweennessResult {
  values: Map<string, number>;
  /** Whether the values are estimates from sampled sources. */
  sampled: boolean;
}

/** Computes normalised betweenness; pairs are unordered, as for an undirected graph. */
export function betweenness(s: SimpleGraph, opts: BetweennessOptions): BetweennessResult {
  const keys = s.nodes();
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const offsets = new Int32Array(n + 1);
  keys.forEach((k, i) => (offsets[i + 1] = offsets[i] + s.degree(k)));
  const adjacency = new Int32Array(offsets[n]);
  keys.forEach((k, i) => {
    let o = offsets[i];
    s.forEachNeighbor(k, (m) => (adjacency[o++] = index.get(m)!));
  });
  const sampled = n > opts.exactUpTo;
  const sources = sampled ? new Rng(opts.seed).shuffle(keys.map((_k, i) => i)).slice(0, opts.samples) : keys.map((_k, i) => i);
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const src of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[src] = 1;
    dist[src] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = src;
    while (head < tail) {
      const v = order[head++];
      for (let o = offsets[v]; o < offsets[v + 1]; o++) {
        const w = adjacency[o];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      for (let o = offsets[w]; o < offsets[w + 1]; o++) {
        const v = adjacency[o];
        if (dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      score[w] += delta[w];
    }
  }
  // Every unordered pair is counted from both ends when all sources are used: halve, scale samples up.
  const scale = (sampled ? n / sources.length : 1) / 2;
  const pairs = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
  const values = new Map<string, number>();
  keys.forEach((k, i) => values.set(k, (score[i] * scale) / pairs));
  return { values, sampled };
}
