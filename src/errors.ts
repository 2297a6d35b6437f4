/**
 * The base of every error worldbreaker throws on purpose. Each layer throws its own subclasses (declared in
 * that layer's `errors.ts`: `ParseError` in `expr`, `EvidenceError` in `core`, `FitError` in `mdl`,
 * `WorldError` in `worlds` …), so a `catch` can name the failure it expects and let every other one — a
 * bug — through. The CLI and the server are the only places that turn these into the one-line messages a
 * user sees (`describeError`); pure layers never format for a terminal.
 */
export class WorldbreakerError extends Error {
  /** Process exit code the CLI uses for this failure; 2 (bad input) by convention. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/**
 * An error caused by input the user (or a world, dataset or model) supplied at the edges: a bad flag, file,
 * law or answer. Its message names the file, line or field; the CLI prints it alone, never a stack trace.
 */
export class UserError extends WorldbreakerError {}

/** Whether `err` is one of worldbreaker's own, expected failures (as opposed to a bug). */
export function isWorldbreakerError(err: unknown): err is WorldbreakerError {
  return err instanceof WorldbreakerError;
}
