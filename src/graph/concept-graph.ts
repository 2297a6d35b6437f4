/**
 * Assembles extractions into a concept graph, one document at a time. Adding a document only touches the
 * nodes and edges it mentions, so a saved graph grows without being rebuilt; a full build is the same fold
 * over the documents, which is what makes incremental and full builds equal.
 */
import { MultiDirectedGraph } from "graphology";
import { GraphError } from "./errors.js";
import { relationClass } from "./relation-classes.js";
import { PROVENANCE_CAP, type ConceptAttributes, type ConceptGraph, type Extraction, type GraphAttributes, type Provenance, type RelationAttributes } from "./types.js";

const ALIAS_CAP = 8;

/** A new, empty concept graph. */
export function emptyGraph(name: string): ConceptGraph {
  const g: ConceptGraph = new MultiDirectedGraph<ConceptAttributes, RelationAttributes, GraphAttributes>({ allowSelfLoops: false });
  g.replaceAttributes({ name, documents: [], abbreviations: {} });
  return g;
}

/** The key of the edge `source -[relation]-> target` (one edge per distinct triple). */
export function edgeKey(source: string, relation: string, target: string): string {
  return `${source} -[${relation}]-> ${target}`;
}

/**
 * Adds one document's extraction. Returns false (and changes nothing) when the same file with the same
 * content is already in the graph; a file whose content changed is refused, since its old mentions cannot
 * be told apart once merged.
 */
export function addExtraction(g: ConceptGraph, ex: Extraction): boolean {
  const documents = g.getAttribute("documents");
  const known = documents.find((d) => d.file === ex.document.file);
  if (known) {
    if (known.sha256 === ex.document.sha256) return false;
    throw new GraphError(`graph build: ${ex.document.file} is already in graph '${g.getAttribute("name")}' with different content; build a new graph to replace it`);
  }
  const abbreviations = { ...g.getAttribute("abbreviations") };
  for (const [abbr, key] of Object.entries(ex.abbreviations)) {
    if (abbreviations[abbr] || abbr === key) continue;
    abbreviations[abbr] = key;
    if (g.hasNode(abbr)) mergeNode(g, abbr, key);
  }
  g.setAttribute("abbreviations", abbreviations);
  const resolve = (key: string) => abbreviations[key] ?? key;

  for (const c of ex.concepts) {
    addConcept(g, resolve(c.key), c.surface, c.provenance, { type: c.type, description: c.description });
  }
  for (const r of ex.relations) {
    const source = resolve(r.source);
    const target = resolve(r.target);
    if (source === target) continue;
    if (!g.hasNode(source)) addConcept(g, source, r.source, r.provenance, {});
    if (!g.hasNode(target)) addConcept(g, target, r.target, r.provenance, {});
    addRelation(g, source, target, r.relation, r.kind, 1, [r.provenance]);
  }
  g.setAttribute("documents", [...documents, ex.document]);
  return true;
}

function pushCapped(list: Provenance[], items: readonly Provenance[]): Provenance[] {
  const out = list.slice();
  for (const p of items) if (out.length < PROVENANCE_CAP) out.push(p);
  return out;
}

function addConcept(g: ConceptGraph, key: string, surface: string, provenance: Provenance, extra: { type?: string; description?: string }): void {
  if (!g.hasNode(key)) {
    g.addNode(key, { label: key, aliases: surface.toLowerCase() === key ? [] : [surface], type: extra.type ?? "concept", description: extra.description, count: 1, provenance: [provenance] });
    return;
  }
  // Attributes are updated in place: every array here was created by this module for this node alone.
  const a = g.getNodeAttributes(key);
  a.count += 1;
  if (a.provenance.length < PROVENANCE_CAP) a.provenance.push(provenance);
  if (a.aliases.length < ALIAS_CAP && surface.toLowerCase() !== key && !a.aliases.includes(surface)) a.aliases.push(surface);
  if (a.type === "concept" && extra.type) a.type = extra.type;
  if (a.description === undefined && extra.description !== undefined) a.description = extra.description;
}

/** Adds (or strengthens) the edge `source -[relation]-> target`. */
export function addRelation(g: ConceptGraph, source: string, target: string, relation: string, kind: RelationAttributes["kind"], weight: number, provenance: readonly Provenance[]): void {
  // Co-occurrence has no direction; one canonical orientation keeps a single edge per pair.
  if (kind === "cooccurrence" && source > target) [source, target] = [target, source];
  const key = edgeKey(source, relation, target);
  if (g.hasEdge(key)) {
    const a = g.getEdgeAttributes(key);
    a.weight += weight;
    for (const p of provenance) if (a.provenance.length < PROVENANCE_CAP) a.provenance.push(p);
  } else {
    g.addDirectedEdgeWithKey(key, source, target, { relation, relationClass: relationClass(relation), kind, weight, provenance: pushCapped([], provenance) });
  }
}

/** Moves everything of concept `from` onto concept `into` (creating it if needed) and drops `from`. */
export function mergeNode(g: ConceptGraph, from: string, into: string): void {
  const a = g.getNodeAttributes(from);
  if (!g.hasNode(into)) g.addNode(into, { ...a, label: into, aliases: [] });
  else {
    g.updateNodeAttributes(into, (b) => ({
      ...b,
      count: b.count + a.count,
      provenance: pushCapped(b.provenance, a.provenance),
      aliases: [...new Set([...b.aliases, ...a.aliases])].slice(0, ALIAS_CAP),
    }));
  }
  const aliases = g.getNodeAttribute(into, "aliases");
  if (!aliases.includes(from) && aliases.length < ALIAS_CAP) g.setNodeAttribute(into, "aliases", [...aliases, from]);
  const edges = g.edges(from).map((e) => ({ source: g.source(e), target: g.target(e), attrs: g.getEdgeAttributes(e) }));
  g.dropNode(from);
  for (const e of edges) {
    const source = e.source === from ? into : e.source;
    const target = e.target === from ? into : e.target;
    if (source === target) continue;
    addRelation(g, source, target, e.attrs.relation, e.attrs.kind, e.attrs.weight, e.attrs.provenance);
  }
}
