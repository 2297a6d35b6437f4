import { WorldbreakerError } from "../errors.js";

/** Bad design input or a misbehaving predictor: a sequence, target, FASTA or PDB text that breaks its format, an answer that is not one. */
export class DesignError extends WorldbreakerError {}
