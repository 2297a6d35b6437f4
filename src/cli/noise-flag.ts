import { NOISE_KINDS, parseNoiseKind, type NoiseKind } from "../core/noise.js";
import { NoiseKindError } from "../core/errors.js";
import { UserError } from "./errors.js";

/** Reads a `--noise` flag value; a one-line UserError naming the command, the flag and the allowed values otherwise. */
export function noiseFlag(command: string, value: string | undefined): NoiseKind | undefined {
  if (value === undefined) return undefined;
  try {
    return parseNoiseKind(value);
  } catch (err) {
    if (!(err instanceof NoiseKindError)) throw err;
    throw new UserError(`${command}: --noise must be one of ${NOISE_KINDS.join(", ")}, got '${err.value}'`);
  }
}
