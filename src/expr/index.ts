/**
 * The expression engine: the AST, the safe parser, printers, compiled evaluation, derivatives, constant
 * fitting, simplification, hashing, complexity and physical units. Import from here.
 */
export * from "./ast.js";
export { ParseError, UnitError, UnknownVariableError } from "./errors.js";
export { parse, isFunctionName, isPlainIdentifier, MAX_PARSE_DEPTH, MAX_PARSE_LENGTH, type ParseOptions } from "./parse.js";
export { paramNamesOf } from "./param-names.js";
export { toInfix, formatNumber } from "./print-infix.js";
export { compile, compiledKernelCount, EAGER_ROWS, TIER_ROWS, type CompiledExpr, type CompileOptions } from "./compile.js";
export { clearCompiledKernels } from "./kernel-caches.js";
export { evaluateAt, interpret } from "./interpret.js";
export { exprHash, exprKey, hashString } from "./hash.js";
export { complexity } from "./complexity.js";
export { derivative, paramDerivative, differentiate } from "./derivative.js";
export { compileGradient, compileJacobian, type CompiledGradient, type CompiledJacobian } from "./jacobian.js";
export { fitParams, type FitOptions, type FitReport, type FitResult } from "./fit-params.js";
export type { LmStop } from "./fit-lm.js";
export { simplify } from "./simplify.js";
export { toLatex, latexName, latexNumber } from "./print-latex.js";
export {
  BASE_DIMENSIONS,
  DIMENSIONLESS,
  UNITS,
  checkDimensions,
  dimensionFromFeynmanRow,
  formatDimension,
  isDimensionless,
  multiplyDimensions,
  parseUnit,
  powerDimension,
  sameDimension,
  type Dimension,
  type DimensionCheck,
} from "./units.js";
