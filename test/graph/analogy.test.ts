import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findAnalogies } from "../../src/graph/analogy.js";
import { addRelation, emptyGraph } from "../../src/graph/concept-graph.js";
import { degreeSortedMapping, mappingAccuracy, plantedInstance, PLANTED_RELATIONS } from "../../src/graph/planted.js";
import { transferHypotheses } from "../../src/graph/transfer.js";
import { runCli } from "../helpers/cli.js";

describe("structure-preserving maps", () => {
  it("recovers a planted noisy copy with high precision, far above the degree-sorted baseline", () => {
    for (const seed of [1, 2, 3]) {
      const inst = plantedInstance({ nodesB: 300, planted: 60, extraA: 90, attach: 3, relations: PLANTED_RELATIONS, drop: 0.1, add: 0.05, retype: 0.05, seed });
      const [best] = findAnalogies(inst.a, inst.b, { top: 1 });
      const acc = mappingAccuracy(best.pairs, inst.truth);
      const base = mappingAccuracy(degreeSortedMapping(inst.a, inst.b, inst.truth.size), inst.truth);
      expect(acc.precision, `seed ${seed}`).toBeGreaterThanOrEqual(0.85);
      expect(acc.recall, `seed ${seed}`).toBeGreaterThanOrEqual(0.4);
      expect(base.recall).toBeLessThan(0.15);
      // every reported preserved edge exists on both sides with the same relation class
      for (const e of best.edges) {
        expect(inst.a.getEdgeAttribute(e.a.edge, "relationClass")).toBe(e.relationClass);
        expect(inst.b.getEdgeAttribute(e.b.edge, "relationClass")).toBe(e.relationClass);
      }
      expect(best.preserved).toBe(best.edges.length);
      expect(new Set(best.pairs.map((p) => p.b)).size).toBe(best.pairs.length);
    }
  });

  it("respects relation types: a copy with every relation changed maps nothing", () => {
    const p = [{ file: "t", sentence: 0, text: "t" }];
    const a = emptyGraph("a");
    const b = emptyGraph("b");
    for (const k of ["x", "y", "z", "w"]) {
      a.addNode(k, { label: k, aliases: [], type: "concept", count: 1, provenance: p });
      b.addNode(k.toUpperCase(), { label: k.toUpperCase(), aliases: [], type: "concept", count: 1, provenance: p });
    }
    for (const [s, t] of [["x", "y"], ["y", "z"], ["z", "x"], ["x", "w"]]) {
      addRelation(a, s, t, "increase", "relation", 1, p);
      addRelation(b, s.toUpperCase(), t.toUpperCase(), "reduce", "relation", 1, p);
    }
    expect(findAnalogies(a, b)).toEqual([]);
    addRelation(b, "X", "Y", "enhance", "relation", 1, p); // same class as "increase"
    addRelation(b, "Y", "Z", "increase", "relation", 1, p);
    addRelation(b, "Z", "X", "raise", "relation", 1, p);
    const [m] = findAnalogies(a, b, { minPreserved: 1 });
    expect(m.preserved).toBe(3);
    expect(m.pairs).toEqual(expect.arrayContaining([{ a: "x", b: "X" }, { a: "y", b: "Y" }, { a: "z", b: "Z" }]));
    // transfer: x increase w is known in A, and restated in B's terms only if w is mapped
    const t = transferHypotheses(a, b, m);
    for (const h of t) expect(h.text).toMatch(/ may /);
  });

  it("maps the spider-silk corpus onto the music corpus from the command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-analogy-"));
    const corpus = resolve("test/fixtures/graph/corpus");
    expect((await runCli(["graph", "build", join(corpus, "silk"), "--out", "silk.json"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["graph", "build", join(corpus, "music"), "--out", "music.json"], { cwd: dir })).code).toBe(0);
    const r = await runCli(["graph", "analogy", "silk.json", "music.json", "--json", "--top", "5"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { mappings: Array<{ score: number; pairs: Array<{ a: string; b: string }>; preserved: number; transfer: Array<{ text: string }> }> };
    expect(out.mappings.length).toBeGreaterThanOrEqual(2);
    const scores = out.mappings.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const m of out.mappings) expect(m.preserved).toBeGreaterThanOrEqual(2);
    // defects weaken a fiber as errors weaken a performance; a hierarchy tolerates both
    const all = out.mappings.flatMap((m) => m.pairs);
    expect(all).toContainEqual({ a: "defect", b: "error" });
    const text = await runCli(["graph", "analogy", "silk.json", "music.json"], { cwd: dir });
    expect(text.stdout).toMatch(/^mapping 1: score [\d.]+, \d+ pairs, \d+ relations preserved/);
    expect(text.stdout).toContain("defect -[weaken]-> fiber   ≈   error -[weaken]-> performance");
  });
});
