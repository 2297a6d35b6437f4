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
