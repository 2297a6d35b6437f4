/** Everything a subcommand needs from the outside world, so commands stay testable without a real process. */
export interface CommandContext {
  /** Writes to stdout (results only). */
  stdout: (text: string) => void;
  /** Writes to stderr (progress, warnings). */
  stderr: (text: string) => void;
  /** Current working directory for resolving relative paths. */
  cwd: string;
  /** Environment variables. */
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C; long commands stop cleanly and still print their best result. */
  signal: AbortSignal;
}

/** One `worldbreaker <name>` subcommand. */
export interface Command {
  /** The word after `worldbreaker`. */
  name: string;
  /** One line for `worldbreaker help`. */
  summary: string;
  /** Full usage text for `worldbreaker help <name>`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}
