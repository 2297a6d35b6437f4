import { WorldbreakerError } from "../errors.js";

/** A Breaker asked for something it does not have (an unknown strategy name): bad input from the caller. */
export class BreakerError extends WorldbreakerError {}
