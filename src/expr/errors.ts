import { WorldbreakerError } from "../errors.js";

/** The only error the expression parser throws; its one-line message names the column. */
export class ParseError extends WorldbreakerError {
  /** 1-based column in the parsed text where the problem was found. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(`${message} (column ${column})`);
    this.column = column;
  }
}

/** A unit text that is not in the unit grammar (unknown symbol, bad exponent, too long). */
export class UnitError extends WorldbreakerError {}

/** A law names a variable the evidence does not have, so it cannot be compiled over that evidence. */
export class UnknownVariableError extends WorldbreakerError {}
