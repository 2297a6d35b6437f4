import { WorldbreakerError } from "../errors.js";

/**
 * Evidence or options the Explainer cannot work on: no rows, mismatched columns, a bad unit, a warm-start
 * law that does not parse, data no law can be evaluated on. The cause lies in what the caller gave; the
 * CLI and the server show its one-line message, as for every WorldbreakerError.
 */
export class ExplainError extends WorldbreakerError {}
