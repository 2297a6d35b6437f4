import { describe, expect, it } from "vitest";
import { parseSequence } from "../../src/design/amino-acids.js";
import { DesignError } from "../../src/design/errors.js";
import { parsePdb } from "../../src/design/pdb.js";

describe("design input fails with DesignError", () => {
  it("for a sequence with a letter that is not a standard amino acid", () => {
    expect(() => parseSequence("ACDXZ")).toThrow(DesignError);
    expect(() => parseSequence("ACDXZ")).toThrow(/'X' at position 4 is not one of the 20 standard amino acids/);
  });

  it("for a PDB text without Cα atoms", () => {
    expect(() => parsePdb("HEADER nothing here\n", "empty.pdb")).toThrow(DesignError);
  });
});
