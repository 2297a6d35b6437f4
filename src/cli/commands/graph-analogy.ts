import { findAnalogies } from "../../graph/analogy.js";
import { formatAnalogies } from "../../graph/analogy-report.js";
import { loadGraphRef } from "../../graph/graph-files.js";
import { transferHypotheses } from "../../graph/transfer.js";
import type { EdgeKind } from "../../graph/types.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** `graph analogy <a> <b> [--json] [--top n] [--min-size n] [--min-preserved n] [--cooccurrence] [--store file]`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph analogy", args, {
    json: { type: "boolean" },
    top: { type: "string" },
    "min-size": { type: "string" },
    "min-preserved": { type: "string" },
    cooccurrence: { type: "boolean" },
    store: { type: "string" },
  });
  if (positionals.length !== 2) throw new UserError("graph analogy: give two graphs, e.g. graph analogy silk.json music.json");
  const a = loadGraphRef(positionals[0], ctx.cwd, values.store);
  const b = loadGraphRef(positionals[1], ctx.cwd, values.store);
  const kinds: EdgeKind[] = values.cooccurrence ? ["relation", "hierarchy", "cooccurrence"] : ["relation", "hierarchy"];
  const started = performance.now();
  const mappings = findAnalogies(a, b, {
    kinds,
    top: numberFlag("graph analogy", "top", values.top, { integer: true, min: 1 }) ?? 3,
    minSize: numberFlag("graph analogy", "min-size", values["min-size"], { integer: true, min: 1 }) ?? 2,
    minPreserved: numberFlag("graph analogy", "min-preserved", values["min-preserved"], { integer: true, min: 1 }) ?? 1,
  });
  ctx.stderr(`analogy: ${a.order}×${b.order} concepts, ${mappings.length} mappings in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  const withTransfer = mappings.map((m) => ({ mapping: m, transfer: transferHypotheses(a, b, m) }));
  if (values.json) {
    ctx.stdout(
      JSON.stringify({
        a: a.getAttribute("name"),
        b: b.getAttribute("name"),
        mappings: withTransfer.map(({ mapping, transfer }) => ({
          score: mapping.score,
          agreement: mapping.agreement,
          pairs: mapping.pairs,
          preserved: mapping.preserved,
          edges: mapping.edges,
          transfer,
        })),
      }) + "\n",
    );
  } else ctx.stdout(formatAnalogies(a, b, withTransfer));
  return 0;
}
