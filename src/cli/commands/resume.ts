import { resolve } from "node:path";
import { parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { UserError } from "../errors.js";

const USAGE = `usage: worldbreaker resume <runId> [--store <dir>] [--out <dir>] [--json] [--llm <profile> [--llm-config <file>]]

Continues a run that was interrupted or killed: experiments already answered are not asked again,
journaled but unanswered ones are asked exactly once, and the run goes on to its stop rule.
Without <runId>, lists the runs of the store with their status.
`;

/** `worldbreaker resume`: continues a journaled run. */
export const command: Command = {
  name: "resume",
  summary: "continue an interrupted or killed discovery run from its journal",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("resume", args, {
      store: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      llm: { type: "string" },
      "llm-config": { type: "string" },
    });
    const { openRunStore, contractJson, summaryText, loadAgents } = await import("../discover-wiring.js");
    const store = openRunStore(values.store, ctx);
    try {
      if (positionals.length === 0) {
        const runs = store.listRuns();
        if (runs.length === 0) throw new UserError(`resume: no runs in ${store.path}`);
        for (const r of runs) {
          // A `running` run that no live process holds was killed: say so, and who drives the others.
          const holder = r.status === "running" ? store.leaseHolder(r.id) : undefined;
          const status = r.status === "running" && !holder ? "interrupted" : r.status;
          const driver = holder ? `  (pid ${holder.pid} on ${holder.host})` : "";
          ctx.stdout(`${r.id}  ${status.padEnd(11)}  ${r.world}  seed ${r.seed}  ${r.createdAt}${driver}\n`);
        }
        return 0;
      }
      if (positionals.length > 1) throw new UserError(`resume: one run at a time, got ${positionals.join(", ")}`);
      const runId = positionals[0];
      const run = store.getRun(runId);
      if (!run) throw new UserError(`resume: no run '${runId}' in ${store.path} (run 'worldbreaker resume' to list them)`);
      if (run.status === "finished") ctx.stderr(`run ${runId} already finished; nothing to do\n`);
      const { resumeRun } = await import("../../discover/loop.js");
      const agents = values.llm ? await loadAgents(values.llm, ctx, store, runId, { seed: run.seed, configPath: values["llm-config"] }) : undefined;
      const result = await resumeRun(runId, { store, agents, signal: ctx.signal, cwd: ctx.cwd, progress: (line) => ctx.stderr(line + "\n") });
      if (values.out) {
        const { writeReport } = await import("../../report/index.js");
        const files = writeReport(store, runId, resolve(ctx.cwd, values.out));
        ctx.stderr(`report written to ${files.html}\n`);
      }
      ctx.stdout(values.json ? JSON.stringify(contractJson(result)) + "\n" : summaryText(result, values.out ? resolve(ctx.cwd, values.out) : undefined));
      return result.status === "aborted" ? 130 : 0;
    } finally {
      store.close();
    }
  },
};
