import type { CommandContext } from "./command.js";
import { commandLoaders } from "./commands/index.js";
import { WorldbreakerError } from "../errors.js";
import { UserError } from "./errors.js";
import { packageVersion } from "./version.js";

const HEADER = "worldbreaker — explain evidence with the shortest law, then break it with experiments";

/** Builds the context of a real process: stdout/stderr, cwd, env and a signal aborted by Ctrl-C. */
export function processContext(): CommandContext {
  const controller = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write("\ninterrupted: finishing cleanly (Ctrl-C again to quit at once)\n");
    controller.abort();
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    signal: controller.signal,
  };
}

async function helpText(): Promise<string> {
  const lines = [HEADER, "", "usage: worldbreaker <command> [options]", "", "commands:"];
  for (const [name, load] of Object.entries(commandLoaders)) {
    const cmd = await load();
    lines.push(`  ${name.padEnd(12)} ${cmd.summary}`);
  }
  lines.push("", "worldbreaker help <command>   details of one command", "worldbreaker --version        the version");
  return lines.join("\n") + "\n";
}

/** Entry point of the `worldbreaker` command; returns the exit code. */
export async function main(argv: string[], ctx: CommandContext = processContext()): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "help" || first === "--help" || first === "-h") {
      const topic = first === "help" ? rest[0] : undefined;
      if (topic !== undefined) {
        const load = commandLoaders[topic];
        if (!load) throw new UserError(`unknown command '${topic}'; run 'worldbreaker help' for the list`);
        ctx.stdout((await load()).usage.trimEnd() + "\n");
      } else {
        ctx.stdout(await helpText());
      }
      return 0;
    }
    if (first === "--version" || first === "-v" || first === "version") {
      ctx.stdout(`worldbreaker ${packageVersion()}\n`);
      return 0;
    }
    const load = Object.hasOwn(commandLoaders, first) ? commandLoaders[first] : undefined;
    if (!load) throw new UserError(`unknown command '${first}'; run 'worldbreaker help' for the list`);
    const cmd = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
      ctx.stdout(cmd.usage.trimEnd() + "\n");
      return 0;
    }
    return await cmd.run(rest, ctx);
  } catch (err) {
    // Every failure of ours (UserError, and the layers' own classes such as DerivedVariableError) is one line.
    if (err instanceof WorldbreakerError) {
      ctx.stderr(`worldbreaker: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr(`worldbreaker: internal error: ${message}\n`);
    if (ctx.env.WORLDBREAKER_DEBUG && err instanceof Error && err.stack) ctx.stderr(err.stack + "\n");
    return 1;
  }
}
