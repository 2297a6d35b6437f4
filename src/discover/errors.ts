import { WorldbreakerError } from "../errors.js";

/**
 * A discovery run that cannot start or go on: nonsense options, an unknown run, a world that failed or
 * gave no usable evidence, a received theory that does not parse. The CLI and the server show its
 * one-line message, as for every WorldbreakerError.
 */
export class DiscoverError extends WorldbreakerError {}

/**
 * A world answered a batch of experiments wrongly (fewer answers than questions, stages it cannot collect).
 * The loop reports it, like any failure of a world, as "world 'x' failed in round r: …" with the resume hint.
 */
export class WorldAnswerError extends WorldbreakerError {}

/** A language-model (or other) proposal the loop cannot use: bad derived-variable names, no variables, derived variables switched off. */
export class ProposalError extends DiscoverError {}

/**
 * A run journal could not do what the loop asked (open, create a run). Implementations of RunJournal throw
 * it (or a subclass, such as the SQLite journal's JournalError), so the loop can name it without knowing them.
 */
export class RunJournalError extends WorldbreakerError {}

/**
 * Another process drives the run (it holds the run's lease in the journal), or took it over from this
 * one. Its message names the holder: "run X is being driven by pid P on host H since …".
 */
export class RunBusyError extends RunJournalError {}
