/**
 * Hierarchical communities: Louvain, then Louvain again inside every community larger than a size cap,
 * as GraphRAG does with Leiden, so that each community is small enough to summarise.
 */
import { louvain } from "./libs.js";
import type { SimpleGraph } from "./project.js";
import { Rng } from "../random/index.js";

/** One community of the hierarchy. */
export interface Community {
  /** Dotted path in the hierarchy: "3" at the top level, "3.1" inside it. */
  id: string;
  level: number;
  members: string[];
  /** Whether it is still over the cap because Louvain found no further split. */
  unsplittable: boolean;
}

/** The result of the recursive partition: leaf communities plus the top-level modularity. */
export interface CommunityHierarchy {
  leaves: Community[];
  levels: number;
  modularity: number;
}

/** Partitions the graph into communities of at most `maxSize` nodes where Louvain can split them. */
export function hierarchicalCommunities(s: SimpleGraph, maxSize: number, seed: number): CommunityHierarchy {
  const rng = new Rng(seed);
  const leaves: Community[] = [];
  let levels = 0;
  let modularity = 0;
  const split = (sub: SimpleGraph, id: string, level: number) => {
    levels = Math.max(levels, level + 1);
    if (sub.size === 0) {
      // No edges: every node is its own community (Louvain has nothing to optimise).
      let k = 0;
      sub.forEachNode((n) => leaves.push({ id: id === "" ? String(k++) : `${id}.${k++}`, level, members: [n], unsplittable: false }));
      return;
    }
    const detailed = louvain.detailed(sub, { getEdgeWeight: "weight", rng: () => rng.next() });
    if (level === 0) modularity = detailed.modularity;
    const groups = new Map<number, string[]>();
    sub.forEachNode((n) => {
      const c = detailed.communities[n];
      if (!groups.has(c)) groups.set(c, []);
      groups.get(c)!.push(n);
    });
    const ordered = [...groups.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
    for (const [i, members] of ordered.entries()) {
      const childId = id === "" ? String(i) : `${id}.${i}`;
      if (members.length > maxSize && groups.size > 1) {
        split(induced(sub, members), childId, level + 1);
      } else {
        leaves.push({ id: childId, level, members, unsplittable: members.length > maxSize });
      }
    }
  };
  split(s, "", 0);
  return { leaves, levels, modularity };
}

function induced(s: SimpleGraph, members: string[]): SimpleGraph {
  const keep = new Set(members);
  const sub = s.emptyCopy() as SimpleGraph;
  sub.clear();
  for (const m of members) sub.addNode(m, s.getNodeAttributes(m));
  s.forEachEdge((_e, a, u, v) => {
    if (keep.has(u) && keep.has(v)) sub.addEdge(u, v, a);
  });
  return sub;
}
