import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "./errors.js";

/** Option declarations in node:util parseArgs form. */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parses argv with node's parseArgs, turning its exceptions into one-line UserErrors that name the command. */
export function parseCommandArgs<O extends OptionSpec>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(`${command}: ${message.replace(/\. To specify a positional.*$/s, "")} (see 'worldbreaker help ${command}')`);
  }
}

/** Reads a numeric flag, rejecting anything that is not a finite number (and optionally not an integer or out of range). */
export function numberFlag(
  command: string,
  name: string,
  value: string | undefined,
  opts: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UserError(`${command}: --${name} must be a number, got '${value}'`);
  if (opts.integer && !Number.isInteger(n)) throw new UserError(`${command}: --${name} must be an integer, got '${value}'`);
  if (opts.min !== undefined && n < opts.min) throw new UserError(`${command}: --${name} must be at least ${opts.min}, got ${n}`);
  if (opts.max !== undefined && n > opts.max) throw new UserError(`${command}: --${name} must be at most ${opts.max}, got ${n}`);
  return n;
}
