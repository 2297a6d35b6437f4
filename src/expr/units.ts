/** Physical units: dimensions, the unit parser and the dimensional check (one import for all three). */
export * from "./dimension.js";
export { parseUnit } from "./parse-unit.js";
export { checkDimensions, type DimensionCheck } from "./check-dimensions.js";
