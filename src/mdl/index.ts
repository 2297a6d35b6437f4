/** Description length (MDL) of laws and evidence: the single acceptance rule of worldbreaker. */
export {
  dataBits,
  defaultPrecision,
  descriptionLength,
  eliasGammaBits,
  lawBits,
  literalBits,
  NODE_KINDS,
  type MdlOptions,
} from "./description-length.js";
export type { Bits } from "../explain/types.js";
export { rSquared, rootMeanSquareError, scoreLaw, type LawScore } from "./score-law.js";
export { scoreOnEvidence, type EvidenceScore } from "./evidence-score.js";
export { isNoiseKind, NOISE_KINDS, noiseScales, parseNoiseFlag, RELATIVE_FLOOR, scaleBits, type NoiseKind, type NoiseModel } from "./noise-model.js";
