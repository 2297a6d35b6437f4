import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSequence } from "../../src/design/amino-acids.js";
import { bondAngle, buildBackbone } from "../../src/design/backbone.js";
import { predictSecondaryStructure, q3 } from "../../src/design/chou-fasman.js";
import { segmentDomains } from "../../src/design/domains.js";
import { parsePdb } from "../../src/design/pdb.js";

const PDB = "data/pdb";
const ssOf = (states: string) => ({ states, pHelix: new Float64Array(states.length).fill(0.6), pStrand: new Float64Array(states.length).fill(0.6), pCoil: new Float64Array(states.length).fill(0.6) });

describe("sequences", () => {
  it("accepts and normalises valid sequences", () => {
    expect(parseSequence(" acd EFG*\n")).toBe("ACDEFG");
  });
  it("rejects bad letters, empty and over-long sequences with one line", () => {
    expect(() => parseSequence("ACDXB")).toThrow(/'X' at position 4 is not one of the 20 standard amino acids/);
    expect(() => parseSequence("  ")).toThrow(/sequence is empty/);
    expect(() => parseSequence("A".repeat(1001))).toThrow(/1001 residues; at most 1000/);
  });
});

describe("Chou–Fasman secondary structure", () => {
  it("predicts helices for helix formers and strands for β-branched runs", () => {
    const helix = predictSecondaryStructure("AEAAAKEAAAKEAAAKEAAAKA");
    expect(helix.states.slice(3, 18)).toBe("H".repeat(15));
    const strand = predictSecondaryStructure("TVYVTVIVYVTVYV");
    expect(strand.states.slice(2, 12)).toBe("E".repeat(10));
    const coil = predictSecondaryStructure("GPNGSPDGNPGSPDGN");
    expect(coil.states).toBe("C".repeat(16));
  });
  it("gives probabilities that sum to one", () => {
    const p = predictSecondaryStructure("MQIFVKTLTGKTITLEVEPSDTIENVKAKIQDKEGIPP");
    for (let i = 0; i < p.states.length; i++) expect(p.pHelix[i] + p.pStrand[i] + p.pCoil[i]).toBeCloseTo(1, 12);
  });
  it("agrees with the HELIX/SHEET records of ubiquitin (Q3 > 0.6) and of the set on average (> 0.5)", () => {
    const scores: number[] = [];
    for (const id of ["1aar", "1ake", "1crn", "1hel", "1p38", "1ubq", "2ci2", "4ake"]) {
      const c = parsePdb(readFileSync(`${PDB}/${id}.pdb`, "utf8"), id)[0];
      const score = q3(predictSecondaryStructure(c.sequence).states, c.states);
      if (id === "1ubq") expect(score).toBeGreaterThan(0.6);
      scores.push(score);
    }
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThan(0.5);
  });
});

describe("PDB reader", () => {
  it("reads ubiquitin's Cα trace, B-factors, SEQRES and secondary structure", () => {
    const [c] = parsePdb(readFileSync(`${PDB}/1ubq.pdb`, "utf8"), "1ubq");
    expect(c.sequence).toBe(c.seqres);
    expect(c.sequence.slice(0, 10)).toBe("MQIFVKTLTG");
    expect(c.coords.length).toBe(3 * 76);
    expect(c.coords[0]).toBeCloseTo(26.266, 3);
    expect(c.bfactors[0]).toBeCloseTo(10.38, 2);
    expect(c.states.slice(22, 34)).toBe("H".repeat(12));
  });
  it("rejects a file without Cα atoms", () => {
    expect(() => parsePdb("HEADER nothing\nEND\n", "empty.pdb")).toThrow(/empty.pdb: no Cα atoms/);
  });
});

describe("mechanical domains", () => {
  it("classifies topologies", () => {
    const cls = (s: string) => segmentDomains(ssOf(s)).map((d) => d.cls);
    expect(cls("CCEEEEECCEEEEECCEEEEECCEEEEECC")).toEqual(["beta-shear"]);
    expect(cls("CEEEEECCHHHHHHHHHHCCEEEEECCEEEEEC")).toEqual(["alpha-beta-shear"]);
    expect(cls("CHHHHHHHHHHCCEEEEECCEEEEECC")).toEqual(["alpha-beta"]);
    expect(cls("CEEEEECCEEEEECC")).toEqual(["beta-unzip"]);
    expect(cls("CHHHHHHHHHHHCCCHHHHHHHHHHHCC")).toEqual(["alpha-bundle"]);
    expect(cls("CCCHHHHHHHHHHHHCCC")).toEqual(["helix"]);
    expect(cls("CCCEEEEECCCC")).toEqual([]);
    // A loop longer than 8 residues separates two domains.
    expect(cls("HHHHHHHHCCCCCCCCCCCCHHHHHHHH")).toEqual(["helix", "helix"]);
  });
});

describe("idealised backbone", () => {
  it("builds α-helices with 1.5 Å rise, 100° per residue and 2.3 Å radius, strands at 3.3 Å per residue", () => {
    const seq = "A".repeat(40);
    const x = buildBackbone(seq, "CC" + "H".repeat(18) + "CCC" + "E".repeat(14) + "CCC");
    const p = (i: number) => [x[3 * i], x[3 * i + 1], x[3 * i + 2]];
    const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    for (let i = 2; i < 19; i++) expect(dist(p(i), p(i + 1))).toBeCloseTo(Math.hypot(2 * 2.3 * Math.sin((50 * Math.PI) / 180), 1.5), 6);
    // Ten residues of helix rise 15 Å along the axis; eighteen residues of helix make five turns at 100°.
    expect(Math.abs(p(12)[2] - p(2)[2])).toBeCloseTo(15, 6);
    expect(Math.abs(p(30)[2] - p(23)[2])).toBeCloseTo(7 * 3.3, 6);
    // Strand: zigzag Cα angle from the ±0.95 Å offsets.
    expect(bondAngle(p(24), p(25), p(26))).toBeCloseTo(2 * Math.atan(3.3 / 1.9), 6);
    // Deterministic, and different chains for different sequences.
    expect(Array.from(buildBackbone(seq, "C".repeat(40)))).toEqual(Array.from(buildBackbone(seq, "C".repeat(40))));
  });
});
