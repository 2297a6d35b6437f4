/** Description length (MDL) of laws and evidence — the single acceptance rule — and the one way to fit and score a law. */
export {
  dataBits,
  defaultPrecision,
  descriptionLength,
  eliasGammaBits,
  fisherParamBits,
  lawBits,
  literalBits,
  NODE_KINDS,
  type MdlOptions,
} from "./description-length.js";
export { fitLaw, lawSse, paramCurvature, rootMeanSquareError, rSquared, scoreLaw, type FitData, type FitLawOptions, type FittedConstants, type LawScore } from "./fit-and-score.js";
export { constantUncertainties, type ConstantUncertainty, type Uncertainties } from "./uncertainty.js";
export { recogniseConstant, type RecognisedConstant } from "./recognise-constant.js";
export { lag1Autocorrelation, residualStructure, runsTest, type InputStructure, type ResidualStructure, type RunsTest } from "../stats/residual-structure.js";
