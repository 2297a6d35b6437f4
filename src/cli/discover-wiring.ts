import { resolve } from "node:path";
import type { Agents, RunResult } from "../discover/index.js";
import { RunStore, resolveStoreDir } from "../journal/index.js";
import { createAgents } from "../llm/index.js";
import { roundLawText } from "../expr/significant.js";
import { roundsPhrase } from "../report/words.js";
import type { CommandContext } from "./command.js";

/**
 * What `discover`, `resume` and `report` wire around the discovery loop: the concrete journal, the
 * language-model agents, and the loop's result as the command line prints it.
 */

/** Opens the run journal a command should use (`--store`, `$WORLDBREAKER_HOME`, or `.wb-runs/`). */
export function openRunStore(store: string | undefined, ctx: CommandContext): RunStore {
  return RunStore.open(resolveStoreDir({ store, env: ctx.env, cwd: ctx.cwd }));
}

/** The `discover --json` object: the contract's fields (plus `derived` when the final law uses any). */
export function contractJson(r: RunResult): Record<string, unknown> {
  return {
    world: r.world,
    runId: r.runId,
    seed: r.seed,
    initialLaw: r.initialLaw,
    finalLaw: r.finalLaw,
    bits: r.bits,
    r2: r.r2,
    queries: r.queries,
    breaks: r.breaks,
    rounds: r.rounds.map((x) => ({ round: x.round, experiments: x.experiments, law: x.law, bits: x.bits, r2: x.r2, break: x.break })),
    seconds: r.seconds,
    ...(r.derived ? { derived: r.derived } : {}),
    falsification: r.falsification,
    stopReason: r.stopReason,
  };
}

/** A human summary of a finished run (stdout without --json). */
export function summaryText(r: RunResult, reportDir?: string): string {
  const lines = [
    `world      ${r.world}`,
    `run        ${r.runId} (seed ${r.seed})`,
    `started at ${roundLawText(r.initialLaw)}`,
    `ended at   ${roundLawText(r.finalLaw)}`,
    ...(r.derived ? [`derived    ${Object.entries(r.derived).map(([k, v]) => `${k} = ${v}`).join(", ")}`] : []),
    `bits       ${r.bits.toFixed(1)}   R² ${Number.isFinite(r.r2) ? r.r2.toFixed(5) : "undefined (the law's predictions are not finite on the data)"}`,
    `measured   ${r.queries}: the first ${r.rounds[0]?.queries ?? 0}, then ${roundsPhrase(r.rounds.at(-1)?.round ?? 0)}; ${r.breaks} break${r.breaks === 1 ? "" : "s"}, ${r.seconds.toFixed(1)} s (${r.stopReason})`,
  ];
  if (r.falsification) lines.push(`falsified  the received theory in round ${r.falsification.round} after ${r.falsification.queries} measurements (${Math.round(r.falsification.gainBits)} bits of evidence against it)`);
  for (const x of r.rounds) if (x.break && x.sentence) lines.push(`  round ${x.round}: ${x.sentence}`);
  if (reportDir) lines.push(`report     ${resolve(reportDir, "report.html")}`);
  return lines.join("\n") + "\n";
}

/** What `loadAgents` passes on to the language-model layer besides the profile. */
export interface LoadAgentsOptions {
  /** Explicit config file (`--llm-config`); default: $WORLDBREAKER_LLM_CONFIG, then the usual places. */
  configPath?: string;
  /** Seeds retry jitter and is sent as the sampling seed. */
  seed?: number;
}

/**
 * Language-model agents for `--llm <profile>`. Exchanges are journaled under `runId` (the id the run will
 * get, so its report finds them); retry, skip and budget notices go to stderr; Ctrl-C stops waiting on the server.
 */
export async function loadAgents(profile: string, ctx: CommandContext, store: RunStore, runId: string | null, opts: LoadAgentsOptions = {}): Promise<Agents> {
  return createAgents(profile, {
    env: ctx.env,
    cwd: ctx.cwd,
    store: store.exchanges(runId),
    log: (line) => ctx.stderr(line + "\n"),
    signal: ctx.signal,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.configPath !== undefined ? { configPath: resolve(ctx.cwd, opts.configPath) } : {}),
  });
}
