/** Description length (MDL) of laws and evidence — the single acceptance rule — and the one way to fit and score a law. */
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
export { fitLaw, lawSse, rootMeanSquareError, rSquared, scoreLaw, type FitData, type FitLawOptions, type FittedConstants, type LawScore } from "./fit-and-score.js";
