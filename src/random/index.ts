/**
 * The one random source: a seeded generator (`Rng`, mulberry32), independent streams keyed by a seed and
 * labels (`derive`, `deriveSeed`) and every distribution drawn from them. Import from here.
 */
export { Rng, seededRandom } from "./generator.js";
export { derive, deriveSeed, type StreamLabel } from "./streams.js";
export { exponential, int, normal, pick, poisson, shuffle, uniform, weightedIndex, type UniformSource } from "./distributions.js";
export { logGamma } from "./log-gamma.js";
export { DistributionError } from "./errors.js";
