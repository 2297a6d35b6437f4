import { WorldbreakerError } from "../errors.js";

/** A distribution was asked for with parameters it does not have (a negative or non-finite Poisson mean). */
export class DistributionError extends WorldbreakerError {}
