import { WorldbreakerError } from "../errors.js";

/** A derived-variable definition (`cummax(strain)`, `lag(x, 2)`) that is not in the grammar or names no input. */
export class DerivedVariableError extends WorldbreakerError {}

/** A text that names none of the noise models (`NOISE_KINDS`). */
export class NoiseKindError extends WorldbreakerError {
  /** The text as given. */
  readonly value: string;
  constructor(message: string, value: string) {
    super(message);
    this.value = value;
  }
}
