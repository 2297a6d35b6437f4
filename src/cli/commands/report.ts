import { resolve } from "node:path";
import { parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { UserError } from "../errors.js";

const USAGE = `usage: worldbreaker report <runId> [--out <dir>] [--store <dir>]

Writes a self-contained, offline report of a journaled run: report.html (laws per round in rendered
math, data versus law per round with the Breaker's experiments marked, bits per round, each break in
a plain sentence), metrics.csv and laws.json. Default --out: report-<runId>/ in the current directory.
`;

/** `worldbreaker report`: writes a run's report from its journal. */
export const command: Command = {
  name: "report",
  summary: "write a run's offline report (report.html, metrics.csv, laws.json)",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("report", args, { out: { type: "string" }, store: { type: "string" } });
    if (positionals.length !== 1) throw new UserError(`report: give one run id (see 'worldbreaker resume' for the list)`);
    const runId = positionals[0];
    const { openRunStore } = await import("../discover-wiring.js");
    const { writeReport } = await import("../../report/index.js");
    const store = openRunStore(values.store, ctx);
    try {
      const files = writeReport(store, runId, resolve(ctx.cwd, values.out ?? `report-${runId}`));
      ctx.stdout(`${files.html}\n${files.metricsCsv}\n${files.lawsJson}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
