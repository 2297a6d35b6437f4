import { RunJournalError } from "../discover/errors.js";
import { WorldbreakerError } from "../errors.js";

/** The run journal cannot be opened or created where the user pointed it (`--store`, $WORLDBREAKER_HOME), or SQLite refused to create a run. */
export class JournalError extends RunJournalError {}

/**
 * The journal was asked to record something that contradicts what it holds (an answer to an unknown or
 * already answered experiment): a bug in the caller, reported as an internal error (exit code 1).
 */
export class JournalConsistencyError extends WorldbreakerError {
  constructor(message: string) {
    super(message, 1);
  }
}
