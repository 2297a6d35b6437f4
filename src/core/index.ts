/**
 * The vocabulary every other layer shares: evidence, bits, noise models, laws and the derived-variable
 * grammar. It sits just above `expr` and below `mdl`, `explain`, `discover`, `llm` and `server`.
 */
export { columnsOf, evidenceRows, type Evidence } from "./evidence.js";
export type { Bits } from "./bits.js";
export { isNoiseKind, NOISE_KINDS, noiseScales, parseNoiseKind, RELATIVE_FLOOR, scaleBits, scaledSquaredError, type NoiseKind, type NoiseModel } from "./noise.js";
export { structureKey, type Law, type LawState } from "./law.js";
export { autoDerived, computeDerived, DERIVED_OPS, derivedName, formatDerived, parseDerived, parseDerivedList, type DerivedDef, type DerivedOp } from "./derived.js";
export { DerivedVariableError, NoiseKindError } from "./errors.js";
