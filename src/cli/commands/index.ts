import type { Command } from "../command.js";

/**
 * The registry of subcommands. Each entry loads its module lazily so that `worldbreaker --version`
 * does not pay for SQLite, the web server or the NLP model. Add one line per command.
 */
export const commandLoaders: Record<string, () => Promise<Command>> = {
};
