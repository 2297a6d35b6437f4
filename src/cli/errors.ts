/** An error caused by the user's input (bad flag, bad file, bad law); the CLI prints its message alone and exits 2. */
export class UserError extends Error {
  /** Process exit code to use; 2 for bad input by convention. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}
