import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "./errors.js";

/** Option declarations in node:util parseArgs form. */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses argv with node's parseArgs, turning its exceptions into one-line UserErrors that name the command.
 * A word that starts with `-` but is not a declared option (a law such as `-a*x + b`) is a positional, and
 * `--` ends the options.
 */
export function parseCommandArgs<O extends OptionSpec>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args: separatePositionals(args, options), options, allowPositionals: true, strict: true });
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

/**
 * Rewrites argv so parseArgs cannot mistake a value for an option: options (and their values, written
 * `--name=value` when the value starts with `-`) first, then `--`, then every positional in its order.
 */
export function separatePositionals(args: readonly string[], options: OptionSpec): string[] {
  const shorts = new Map<string, string>();
  for (const [name, spec] of Object.entries(options)) if (spec.short) shorts.set(spec.short, name);
  const optionName = (a: string): string | undefined =>
    a.startsWith("--") ? a.slice(2) : a.length === 2 && a[0] === "-" ? shorts.get(a[1]) : undefined;
  const flags: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const name = optionName(a);
    if (name === undefined) {
      positionals.push(a);
      continue;
    }
    const takesValue = !name.includes("=") && Object.hasOwn(options, name) && options[name].type === "string";
    // A declared option right after one that wants a value means the value is missing: parseArgs says so.
    const next = args[i + 1];
    const nextIsOption = next !== undefined && optionName(next) !== undefined && Object.hasOwn(options, optionName(next)!.split("=")[0]);
    if (takesValue && next !== undefined && !nextIsOption) {
      flags.push(`--${name}=${args[i + 1]}`);
      i += 1;
    } else {
      flags.push(a);
    }
  }
  return positionals.length > 0 ? [...flags, "--", ...positionals] : flags;
}
