/**
 * Structural signatures of nodes, comparable across graphs: the histogram of (direction, relation class)
 * of a node's edges, and one Weisfeiler–Lehman refinement of it (each edge also labelled with the
 * neighbour's histogram hash). Noise changes a few features, not the whole signature, so similarity is a
 * weighted Jaccard over features rather than hash equality.
 */
import type { TypedGraph } from "./typed-graph.js";

/** Feature → count, for one node. */
export type Signature = Map<string, number>;

function hashString(s: string): string {
  // FNV-1a, 32 bits: labels only need to be equal when the histograms are.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function histogramLabel(g: TypedGraph, v: number): string {
  const parts: string[] = [];
  for (const a of g.out[v]) parts.push(`o${a.cls}`);
  for (const a of g.in[v]) parts.push(`i${a.cls}`);
  return hashString(parts.sort().join(","));
}

/** Degree on a log scale: survives a few added or dropped edges, unlike the exact histogram. */
function degreeBucket(g: TypedGraph, v: number): number {
  return Math.floor(Math.log2(1 + g.out[v].length + g.in[v].length));
}

/**
 * Signatures of every node: direction:class counts, WL-1 features (direction:class:neighbour histogram
 * hash, exact) and their noise-tolerant variant (direction:class:neighbour degree bucket).
 */
export function nodeSignatures(g: TypedGraph): Signature[] {
  const labels = g.keys.map((_k, v) => histogramLabel(g, v));
  return g.keys.map((_k, v) => {
    const sig: Signature = new Map();
    const add = (f: string) => sig.set(f, (sig.get(f) ?? 0) + 1);
    for (const a of g.out[v]) {
      add(`o${a.cls}`);
      add(`o${a.cls}:${labels[a.node]}`);
      add(`o${a.cls}:d${degreeBucket(g, a.node)}`);
    }
    for (const a of g.in[v]) {
      add(`i${a.cls}`);
      add(`i${a.cls}:${labels[a.node]}`);
      add(`i${a.cls}:d${degreeBucket(g, a.node)}`);
    }
    return sig;
  });
}

/** Weighted Jaccard similarity of two signatures, in [0, 1]. */
export function signatureSimilarity(x: Signature, y: Signature): number {
  let inter = 0;
  let union = 0;
  for (const [f, cx] of x) {
    const cy = y.get(f) ?? 0;
    inter += Math.min(cx, cy);
    union += Math.max(cx, cy);
  }
  for (const [f, cy] of y) if (!x.has(f)) union += cy;
  return union > 0 ? inter / union : 0;
}

/**
 * For each node of `a`, its `k` most similar nodes of `b` (similarity > 0), found through an inverted
 * index: shared features accumulate the Jaccard intersection (Σ min) directly, so only nodes sharing a
 * feature are touched; the best few by that estimate are then scored exactly.
 */
export function similarCandidates(sa: Signature[], sb: Signature[], k: number): Array<Array<{ node: number; sim: number }>> {
  const inverted = new Map<string, Array<[number, number]>>();
  const totalB = sb.map((sig, v) => {
    let total = 0;
    for (const [f, c] of sig) {
      total += c;
      const list = inverted.get(f);
      if (list) list.push([v, c]);
      else inverted.set(f, [[v, c]]);
    }
    return total;
  });
  // Features shared by a large share of the graph say little and cost much: they are left out of the estimate.
  const maxPosting = Math.max(50, Math.ceil(sb.length / 10));
  const inter = new Float64Array(sb.length);
  return sa.map((sig) => {
    const touched: number[] = [];
    let totalA = 0;
    for (const [f, ca] of sig) {
      totalA += ca;
      const list = inverted.get(f);
      if (!list || list.length > maxPosting) continue;
      for (const [v, cb] of list) {
        if (inter[v] === 0) touched.push(v);
        inter[v] += Math.min(ca, cb);
      }
    }
    const estimates = touched.map((v) => ({ node: v, est: inter[v] / (totalA + totalB[v] - inter[v]) }));
    for (const v of touched) inter[v] = 0;
    return estimates
      .sort((p, q) => q.est - p.est || p.node - q.node)
      .slice(0, 3 * k)
      .map((c) => ({ node: c.node, sim: signatureSimilarity(sig, sb[c.node]) }))
      .filter((c) => c.sim > 0)
      .sort((p, q) => q.sim - p.sim || p.node - q.node)
      .slice(0, k);
  });
}
