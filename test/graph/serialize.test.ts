import { describe, expect, it } from "vitest";
import { addRelation, emptyGraph } from "../../src/graph/concept-graph.js";
import { graphFromJSON, graphToGraphML, graphToJSON } from "../../src/graph/serialize.js";
import type { ConceptGraph } from "../../src/graph/types.js";

/** A strict little XML well-formedness check: balanced tags, quoted attributes, known entities only. */
function checkXml(text: string): void {
  const stack: string[] = [];
  const body = text.replace(/^<\?xml[^?]*\?>/, "");
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[6]) throw new Error(`stray '<' at ${m.index}`);
    const content = m[5] ?? m[3] ?? "";
    for (const ent of content.match(/&[^;\s]*;?/g) ?? []) if (!/^&(amp|lt|gt|quot|apos);$/.test(ent)) throw new Error(`bad entity ${ent}`);
    if (m[5] !== undefined) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("><")}>`);
}

function sample(): ConceptGraph {
  const g = emptyGraph("tricky <graph> & \"quotes\"");
  const p = [{ file: "a&b.md", sentence: 0, text: "A < B & \"C\" > D's \u0001" }];
  g.addNode("a<b", { label: "a<b", aliases: ["A&B"], type: "concept", count: 2, provenance: p });
  g.addNode("c\"d", { label: "c\"d", aliases: [], type: "material", description: "x > y", count: 1, provenance: p });
  addRelation(g, "a<b", "c\"d", "depend on", "relation", 1, p);
  addRelation(g, "a<b", "c\"d", "co-occurs with", "cooccurrence", 3, p);
  return g;
}

describe("graph files", () => {
  it("writes GraphML that is well-formed XML with label and relation data", () => {
    const xml = graphToGraphML(sample());
    expect(() => checkXml(xml)).not.toThrow();
    expect(xml).toContain('<node id="a&lt;b">');
    expect(xml).toContain('<data key="relation">depend on</data>');
    expect(xml).toContain('<data key="label">c&quot;d</data>');
    expect(xml).not.toContain("\u0001");
    expect(() => checkXml("<a><b></a></b>")).toThrow();
  });

  it("round-trips graphology JSON (node attribute label, edge attribute relation)", () => {
    const g = sample();
    const json = JSON.parse(JSON.stringify(graphToJSON(g)));
    expect(json.nodes[0].attributes.label).toBe("a<b");
    expect(json.edges.map((e: { attributes: { relation: string } }) => e.attributes.relation)).toEqual(["depend on", "co-occurs with"]);
    const back = graphFromJSON(json, "x.json");
    expect(graphToJSON(back)).toEqual(json);
  });

  it("accepts foreign graphology JSON leniently and rejects malformed graphs by field", () => {
    const g = graphFromJSON({ nodes: [{ key: 1 }, { key: "b", attributes: { label: "Bee" } }], edges: [{ source: 1, target: "b", attributes: { label: "likes" } }] }, "f.json");
    expect(g.getNodeAttribute("1", "label")).toBe("1");
    expect(g.getNodeAttribute("b", "label")).toBe("Bee");
    expect(g.getEdgeAttribute(g.edges()[0], "relation")).toBe("likes");
    expect(() => graphFromJSON({ nodes: "no" }, "g.json")).toThrow(/^g.json: not a graphology JSON graph \(nodes: /);
    expect(() => graphFromJSON({ nodes: [{ key: "a" }, { key: "a" }] }, "h.json")).toThrow("h.json: node 'a' appears twice");
  });
});
