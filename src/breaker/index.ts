/** The Breaker: strategies that choose experiments most likely to falsify the current law, and their scheduler. */
export { breakerStrategies, DEFAULT_MIX, strategiesByName } from "./registry.js";
export { chooseBatch, chooseStage, type WeightedStrategy, type Pick } from "./scheduler.js";
export { fitNoiseEstimate } from "./noise.js";
export { latinHypercube, sampleUniform, clipExperiment, toUnit, fromUnit, isLogScale, unitPoint } from "./space.js";
export type { BreakerContext, BreakerStrategy, Predictor, NoiseEstimate } from "./types.js";
export { BreakerError } from "./errors.js";
