/**
 * Structural signatures of nodes, comparable across graphs: the histogram of (direction, relation class)
 * of a node's edges, and one Weisfeiler–Lehman refinement of it (each edge also labelled with the
 * neighbour's histogram hash). Noise changes a few features, not the whole signature, so similarity is a
 * weighted Jaccard over features rather than hash equality.
 */
import type { TypedGraph } from "./typedGraph.js";

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
 * index on the WL features so that only nodes sharing a feature are compared.
 */
export function similarCandidates(sa: Signature[], sb: Signature[], k: number): Array<Array<{ node: number; sim: number }>> {
  const inverted = new Map<string, number[]>();
  sb.forEach((sig, v) => {
    for (const f of sig.keys()) if (f.includes(":")) {
      const list = inverted.get(f);
      if (list) list.push(v);
      else inverted.set(f, [v]);
    }
  });
  // Features shared by a large share of the graph say little and cost much: skip them in the lookup.
  const maxPosting = Math.max(50, Math.ceil(sb.length / 10));
  return sa.map((sig) => {
    const seen = new Set<number>();
    for (const f of sig.keys()) {
      const list = inverted.get(f);
      if (list && list.length <= maxPosting) for (const v of list) seen.add(v);
    }
    return [...seen]
      .map((v) => ({ node: v, sim: signatureSimilarity(sig, sb[v]) }))
      .filter((c) => c.sim > 0)
      .sort((p, q) => q.sim - p.sim || p.node - q.node)
      .slice(0, k);
  });
}
