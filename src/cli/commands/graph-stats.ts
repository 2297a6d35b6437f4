import { loadGraphRef } from "../../graph/graph-files.js";
import { formatStats, graphStats } from "../../graph/stats.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** `graph stats <g.json|name> [--json] [--max-community n] [--top n] [--seed n] [--store file]`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph stats", args, {
    json: { type: "boolean" },
    "max-community": { type: "string" },
    top: { type: "string" },
    seed: { type: "string" },
    store: { type: "string" },
  });
  if (positionals.length !== 1) throw new UserError("graph stats: give exactly one graph (a .json file or a stored graph's name)");
  const g = loadGraphRef(positionals[0], ctx.cwd, values.store);
  const stats = graphStats(g, {
    maxCommunity: numberFlag("graph stats", "max-community", values["max-community"], { integer: true, min: 2 }) ?? 20,
    top: numberFlag("graph stats", "top", values.top, { integer: true, min: 1 }) ?? 10,
    seed: numberFlag("graph stats", "seed", values.seed, { integer: true }) ?? 1,
  });
  ctx.stdout(values.json ? JSON.stringify(stats) + "\n" : formatStats(stats));
  return 0;
}
