/**
 * A compact, index-based view of a concept graph for structural matching: nodes are integers, relation
 * classes are interned integers shared by both graphs being compared, and edges are adjacency lists.
 */
import type { ConceptGraph, EdgeKind } from "./types.js";

/** Interns relation-class names so two graphs agree on their integer ids. */
export class ClassDictionary {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of `name`, allocated on first sight. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** One directed, typed edge from the point of view of one endpoint. */
export interface Arc {
  node: number;
  cls: number;
  /** The original edge key (for reports). */
  edge: string;
}

/** The index-based graph. */
export interface TypedGraph {
  keys: string[];
  index: Map<string, number>;
  out: Arc[][];
  in: Arc[][];
  /** (source * n + target) → relation classes present on that ordered pair. */
  pairs: Map<number, number[]>;
  edgeCount: number;
}

/** Options deciding which edges take part in matching. */
export interface TypedGraphOptions {
  kinds: readonly EdgeKind[];
}

/** Builds the index-based view, keeping one arc per (ordered pair, relation class). */
export function toTypedGraph(g: ConceptGraph, dict: ClassDictionary, opts: TypedGraphOptions): TypedGraph {
  const keys = g.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const out: Arc[][] = keys.map(() => []);
  const inn: Arc[][] = keys.map(() => []);
  const pairs = new Map<number, number[]>();
  let edgeCount = 0;
  g.forEachEdge((edge, a, source, target) => {
    if (!opts.kinds.includes(a.kind)) return;
    const s = index.get(source)!;
    const t = index.get(target)!;
    const cls = dict.id(a.relationClass);
    const pk = s * n + t;
    const list = pairs.get(pk);
    if (list?.includes(cls)) return;
    if (list) list.push(cls);
    else pairs.set(pk, [cls]);
    out[s].push({ node: t, cls, edge });
    inn[t].push({ node: s, cls, edge });
    edgeCount += 1;
  });
  return { keys, index, out, in: inn, pairs, edgeCount };
}

/** Whether the typed graph has the edge s -[cls]-> t. */
export function hasArc(g: TypedGraph, s: number, t: number, cls: number): boolean {
  return g.pairs.get(s * g.keys.length + t)?.includes(cls) ?? false;
}
