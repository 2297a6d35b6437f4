import { UserError } from "../errors.js";

/**
 * The only error the expression parser throws. It is a `UserError`, so the CLI prints its one-line
 * message (which names the column) and exits with code 2.
 */
export class ParseError extends UserError {
  /** 1-based column in the parsed text where the problem was found. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(`${message} (column ${column})`);
    this.name = "ParseError";
    this.column = column;
  }
}
