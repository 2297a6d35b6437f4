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
} from "./descriptionLength.js";
export type { Bits } from "../explain/types.js";
export { rSquared, rootMeanSquareError, scoreLaw, type LawScore } from "./scoreLaw.js";
export { scoreOnEvidence, type EvidenceScore } from "./evidenceScore.js";
export { isNoiseKind, NOISE_KINDS, noiseScales, parseNoiseFlag, RELATIVE_FLOOR, scaleBits, type NoiseKind, type NoiseModel } from "./noiseModel.js";
