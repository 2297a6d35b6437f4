import { WorldbreakerError } from "../errors.js";

/**
 * A world that cannot be opened or asked: an unknown name, a dataset or world file that breaks its format,
 * an experiment outside the world's space, an external world that misbehaves. Its one-line message names
 * the world, file or field; the CLI and server print it as it is.
 */
export class WorldError extends WorldbreakerError {}
