import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addExtraction, edgeKey, emptyGraph } from "../../src/graph/concept-graph.js";
import { extractOffline } from "../../src/graph/extract-offline.js";
import { toPlainProse } from "../../src/graph/plain-text.js";
import type { ConceptGraph } from "../../src/graph/types.js";

const CORPUS = "test/fixtures/graph/corpus";

function buildDomain(domain: string): ConceptGraph {
  const g = emptyGraph(domain);
  for (const f of readdirSync(join(CORPUS, domain)).sort()) addExtraction(g, extractOffline(`${domain}/${f}`, readFileSync(join(CORPUS, domain, f), "utf8")));
  return g;
}

const silk = buildDomain("silk");
const music = buildDomain("music");

describe("offline extraction from the two-domain corpus", () => {
  it("finds the expected concepts, normalised to singular lower case", () => {
    for (const k of ["spider silk", "beta-sheet nanocrystal", "amorphous matrix", "hydrogen bond", "fibril", "toughness", "persistence length", "spidroin protein"]) expect(silk.hasNode(k), k).toBe(true);
    for (const k of ["motif", "phrase", "theme", "chord", "tension", "dissonance", "harmonic progression", "melody"]) expect(music.hasNode(k), k).toBe(true);
    // plurals merge into the singular node; no plural twin survives
    expect(silk.hasNode("nanocrystals")).toBe(false);
    expect(silk.hasNode("fibrils")).toBe(false);
  });

  it("reads typed relations from verbs, in subject → object direction", () => {
    const expected: Array<[ConceptGraph, string, string, string]> = [
      [silk, "beta-sheet nanocrystal", "reinforce", "amorphous matrix"],
      [silk, "hydrogen bond", "stabilize", "beta-sheet nanocrystal"],
      [silk, "dragline silk", "consist of", "spidroin protein"],
      [silk, "polyalanine motif", "form", "beta-sheet nanocrystal"],
      [silk, "defect", "weaken", "fiber"],
      [silk, "hydration", "reduce", "persistence length"],
      [silk, "silk", "has", "toughness"],
      [music, "chord", "consist of", "note"],
      [music, "dissonance", "create", "tension"],
      [music, "consonance", "release", "tension"],
      [music, "technique", "determine", "precision"],
      [music, "experienced musician", "tolerate", "error"],
    ];
    for (const [g, s, r, t] of expected) expect(g.hasEdge(edgeKey(s, r, t)), `${s} -[${r}]-> ${t}`).toBe(true);
    expect(silk.getEdgeAttribute(edgeKey("beta-sheet nanocrystal", "reinforce", "amorphous matrix"), "relationClass")).toBe("increases");
    expect(silk.getEdgeAttribute(edgeKey("defect", "weaken", "fiber"), "relationClass")).toBe("decreases");
  });

  it("merges an abbreviation with its expansion", () => {
    expect(silk.getAttribute("abbreviations")).toMatchObject({ lp: "persistence length" });
    expect(silk.hasNode("lp")).toBe(false);
    // "Hydration reduces the Lp" became a relation of the expanded concept
    const prov = silk.getEdgeAttribute(edgeKey("hydration", "reduce", "persistence length"), "provenance")[0];
    expect(prov.text).toContain("Hydration reduces the Lp");
  });

  it("keeps provenance on every node and edge, and weights co-occurrence", () => {
    silk.forEachNode((k, a) => expect(a.provenance.length, k).toBeGreaterThan(0));
    silk.forEachEdge((k, a) => expect(a.provenance.length, k).toBeGreaterThan(0));
    const p = silk.getEdgeAttribute(edgeKey("nanocrystal size", "control", "strength"), "provenance")[0];
    expect(p).toEqual({ file: "silk/hierarchy.md", sentence: expect.any(Number), text: "The nanocrystal size controls the strength of the fiber." });
    const co = silk.edges().filter((e) => silk.getEdgeAttribute(e, "kind") === "cooccurrence");
    expect(co.length).toBeGreaterThan(50);
    expect(Math.max(...co.map((e) => silk.getEdgeAttribute(e, "weight")))).toBeGreaterThan(1);
  });

  it("handles passive voice, negation and coordinated verbs", () => {
    const g = emptyGraph("t");
    addExtraction(g, extractOffline("t.txt", "The matrix is stretched by the applied load. Silk does not dissolve in water. Hydrogen bonds stabilize the crystals and determine the toughness."));
    expect(g.hasEdge(edgeKey("applied load", "stretch", "matrix"))).toBe(true);
    expect(g.hasEdge(edgeKey("silk", "not dissolve in", "water"))).toBe(true);
    expect(g.hasEdge(edgeKey("hydrogen bond", "determine", "toughness"))).toBe(true);
  });

  it("turns Markdown into sentences (headings and list items end, code and links go)", () => {
    const prose = toPlainProse("# Title\n\nSome [linked text](http://x.y) here\n\n```\ncode()\n```\n- item one\n- item two\n");
    expect(prose).toBe("Title.\n\nSome linked text here.\n\nitem one.\n\nitem two.");
  });
});
