/**
 * An error caused by input the user (or a world, dataset or model) supplied: a bad flag, file, law or answer.
 * Library code throws it with a message naming the file, line or field; the CLI prints the message alone
 * and exits with `exitCode` (2 by convention), never a stack trace.
 */
export class UserError extends Error {
  /** Process exit code to use; 2 for bad input by convention. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}
