import { WorldbreakerError } from "../errors.js";

/** A graph that cannot answer what was asked: no matching concept, no path, a malformed graph, a role's missing answer. */
export class GraphError extends WorldbreakerError {}
