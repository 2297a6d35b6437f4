import { loadGraphRef } from "../../graph/graphFiles.js";
import { formatPath, samplePath } from "../../graph/path.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** `graph path <g.json|name> <a> <b> [--seed n] [--waypoints n] [--json] [--store file]`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph path", args, {
    seed: { type: "string" },
    waypoints: { type: "string" },
    randomness: { type: "string" },
    json: { type: "boolean" },
    store: { type: "string" },
  });
  if (positionals.length !== 3) throw new UserError("graph path: give a graph and two concepts, e.g. graph path g.json silk melody");
  const [ref, a, b] = positionals;
  const g = loadGraphRef(ref, ctx.cwd, values.store);
  const path = samplePath(g, a, b, {
    seed: numberFlag("graph path", "seed", values.seed, { integer: true }) ?? 1,
    waypoints: numberFlag("graph path", "waypoints", values.waypoints, { integer: true, min: 0, max: 20 }) ?? 2,
    randomness: numberFlag("graph path", "randomness", values.randomness, { min: 0, max: 10 }) ?? 1,
  });
  ctx.stdout(values.json ? JSON.stringify({ ...path, text: formatPath(path) }) + "\n" : formatPath(path) + "\n");
  return 0;
}
