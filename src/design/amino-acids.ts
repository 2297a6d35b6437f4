import { DesignError } from "./errors.js";

/** The twenty standard amino acids in one-letter code, in a fixed order used by every table and profile. */
export const AMINO_ACIDS = "ACDEFGHIKLMNPQRSTVWY";

/** Index of each one-letter code in AMINO_ACIDS. */
export const AA_INDEX: Readonly<Record<string, number>> = Object.fromEntries([...AMINO_ACIDS].map((c, i) => [c, i]));

/** Three-letter residue names (PDB) to one-letter codes; common modified residues map to their parent. */
export const THREE_TO_ONE: Readonly<Record<string, string>> = {
  ALA: "A", CYS: "C", ASP: "D", GLU: "E", PHE: "F", GLY: "G", HIS: "H", ILE: "I", LYS: "K", LEU: "L",
  MET: "M", ASN: "N", PRO: "P", GLN: "Q", ARG: "R", SER: "S", THR: "T", VAL: "V", TRP: "W", TYR: "Y",
  MSE: "M", SEC: "C", HSD: "H", HSE: "H", HIE: "H", HID: "H",
};

/** Longest sequence the built-in forward models accept (dense eigen-solvers are cubic in length). */
export const MAX_SEQUENCE_LENGTH = 1000;

/**
 * Validates a protein sequence given by a user or a model: upper-cases it, strips whitespace and a
 * trailing stop '*', and rejects empty, over-long or non-standard letters with a one-line error.
 */
export function parseSequence(text: string, what = "sequence", maxLength = MAX_SEQUENCE_LENGTH): string {
  const seq = text.replace(/\s+/g, "").replace(/\*$/, "").toUpperCase();
  if (seq.length === 0) throw new DesignError(`${what} is empty`);
  for (let i = 0; i < seq.length; i++) {
    if (AA_INDEX[seq[i]] === undefined) {
      throw new DesignError(`${what}: '${seq[i]}' at position ${i + 1} is not one of the 20 standard amino acids (${AMINO_ACIDS})`);
    }
  }
  if (seq.length > maxLength) throw new DesignError(`${what} has ${seq.length} residues; at most ${maxLength} are supported`);
  return seq;
}
