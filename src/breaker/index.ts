/** The Breaker: strategies that choose experiments most likely to falsify the current law, and their scheduler. */
export { breakerStrategies, DEFAULT_MIX, strategiesByName } from "./registry.js";
export { chooseBatch, chooseStage, type WeightedStrategy, type Pick } from "./scheduler.js";
export { fitNoiseModel } from "./noise.js";
export { rngFor, seedFor, makeRng, type Rng } from "./rng.js";
export { latinHypercube, sampleUniform, clipExperiment, toUnit, fromUnit, isLogScale, unitPoint } from "./space.js";
export type { BreakerContext, BreakerStrategy, Predictor, NoiseModel } from "./types.js";
