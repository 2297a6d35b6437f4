/**
 * Reading and writing concept graphs: graphology's JSON serialisation (node attribute `label`, edge
 * attribute `relation`) and GraphML for Gephi, Cytoscape and yEd. Foreign graphology JSON is accepted
 * leniently: a missing label is the key, a missing relation is `related to`.
 */
import { z } from "zod";
import { GraphError } from "./errors.js";
import { addRelation, emptyGraph } from "./concept-graph.js";
import type { ConceptGraph, DocumentRecord, EdgeKind, Provenance } from "./types.js";

const provenanceSchema = z.object({ file: z.string(), sentence: z.number(), text: z.string() });
const nodeSchema = z.object({
  key: z.union([z.string(), z.number()]).transform(String),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
const edgeSchema = z.object({
  key: z.union([z.string(), z.number()]).transform(String).optional(),
  source: z.union([z.string(), z.number()]).transform(String),
  target: z.union([z.string(), z.number()]).transform(String),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
const graphSchema = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema).default([]),
});

/** The graph as graphology's serialised JSON. */
export function graphToJSON(g: ConceptGraph): object {
  return g.export();
}

function str(v: unknown, fallback: string): string {
  return typeof v === "string" && v.trim() !== "" ? v : fallback;
}

function provenanceList(v: unknown): Provenance[] {
  const parsed = z.array(provenanceSchema).safeParse(v);
  return parsed.success ? parsed.data : [];
}

/** Builds a concept graph from parsed graphology JSON; `source` names the file in error messages. */
export function graphFromJSON(data: unknown, source: string): ConceptGraph {
  const parsed = graphSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphError(`${source}: not a graphology JSON graph (${issue.path.join(".") || "top level"}: ${issue.message})`);
  }
  const { attributes = {}, nodes, edges } = parsed.data;
  const g = emptyGraph(str(attributes.name, source.replace(/^.*[\\/]/, "").replace(/\.json$/i, "")));
  const docs = z.array(z.object({ file: z.string(), sha256: z.string(), sentences: z.number(), words: z.number() })).safeParse(attributes.documents);
  const abbr = z.record(z.string(), z.string()).safeParse(attributes.abbreviations);
  g.mergeAttributes({ documents: docs.success ? (docs.data as DocumentRecord[]) : [], abbreviations: abbr.success ? abbr.data : {} });
  for (const n of nodes) {
    const a = n.attributes ?? {};
    if (g.hasNode(n.key)) throw new GraphError(`${source}: node '${n.key}' appears twice`);
    g.addNode(n.key, {
      label: str(a.label, n.key),
      aliases: Array.isArray(a.aliases) ? a.aliases.filter((x): x is string => typeof x === "string") : [],
      type: str(a.type, "concept"),
      description: typeof a.description === "string" ? a.description : undefined,
      count: typeof a.count === "number" ? a.count : 1,
      provenance: provenanceList(a.provenance),
    });
  }
  for (const [i, e] of edges.entries()) {
    for (const end of [e.source, e.target]) if (!g.hasNode(end)) throw new GraphError(`${source}: edge ${i} refers to missing node '${end}'`);
    if (e.source === e.target) continue;
    const a = e.attributes ?? {};
    const kind: EdgeKind = a.kind === "cooccurrence" || a.kind === "hierarchy" ? a.kind : "relation";
    addRelation(g, e.source, e.target, str(a.relation, str(a.label, "related to")), kind, typeof a.weight === "number" ? a.weight : 1, provenanceList(a.provenance));
  }
  return g;
}

/** Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!).replace(CONTROL_CHARS, "");
}

/** The graph as GraphML (directed; provenance reduced to the first supporting sentence). */
export function graphToGraphML(g: ConceptGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="count" for="node" attr.name="count" attr.type="int"/>',
    '  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>',
    '  <key id="description" for="node" attr.name="description" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="relationClass" for="edge" attr.name="relationClass" attr.type="string"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="source" for="all" attr.name="source" attr.type="string"/>',
    `  <graph id="${xml(g.getAttribute("name"))}" edgedefault="directed">`,
  ];
  const firstSource = (p: Provenance[]) => (p.length > 0 ? `${p[0].file}#${p[0].sentence}: ${p[0].text}` : "");
  g.forEachNode((key, a) => {
    lines.push(`    <node id="${xml(key)}">`);
    lines.push(`      <data key="label">${xml(a.label)}</data>`, `      <data key="type">${xml(a.type)}</data>`, `      <data key="count">${a.count}</data>`);
    if (a.aliases.length > 0) lines.push(`      <data key="aliases">${xml(a.aliases.join("; "))}</data>`);
    if (a.description) lines.push(`      <data key="description">${xml(a.description)}</data>`);
    if (a.provenance.length > 0) lines.push(`      <data key="source">${xml(firstSource(a.provenance))}</data>`);
    lines.push("    </node>");
  });
  g.forEachEdge((key, a, source, target) => {
    lines.push(`    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">`);
    lines.push(`      <data key="relation">${xml(a.relation)}</data>`, `      <data key="relationClass">${xml(a.relationClass)}</data>`);
    lines.push(`      <data key="kind">${a.kind}</data>`, `      <data key="weight">${a.weight}</data>`);
    if (a.provenance.length > 0) lines.push(`      <data key="source">${xml(firstSource(a.provenance))}</data>`);
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
