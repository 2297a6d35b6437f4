import type { Agents } from "../discover/agents.js";
import { discover, resumeRun } from "../discover/index.js";
import type { RunStore } from "../journal/index.js";
import type { OpenWorldFn } from "../discover/deps.js";
import type { LiveEvent, StartSpec } from "./contract.js";
import { ExternalWorldRefused, isExternalWorld } from "./world-policy.js";

/** One run to execute: a new one (`start`) or the continuation of `runId`. Plain data, so it can cross into a worker. */
export interface RunJob {
  cwd: string;
  env: NodeJS.ProcessEnv;
  runId: string;
  start?: StartSpec;
  /** Language-model profile the run uses, if any. */
  llm?: string;
  /** Whether the run may open a world that is a command line (the server's --allow-external). */
  allowExternal?: boolean;
}

/** Where a run reports to and what stops it. */
export interface RunJobHooks {
  signal: AbortSignal;
  onEvent: (event: LiveEvent) => void;
  progress: (line: string) => void;
}

/** Executes a run with the discovery loop against `store`; resolves when the run has finished or stopped. */
export async function runDiscovery(job: RunJob, store: RunStore, hooks: RunJobHooks): Promise<void> {
  let agents: Agents | undefined;
  if (job.llm) {
    const { createAgents } = await import("../llm/index.js");
    // The run's seed (as discover resolves it) seeds retry jitter and sampling; the run's signal stops waiting on the server.
    const seed = job.start ? (job.start.seed ?? 1) : store.getRun(job.runId)?.seed;
    agents = await createAgents(job.llm, { env: job.env, cwd: job.cwd, store: store.exchanges(job.runId) as never, log: hooks.progress, signal: hooks.signal, ...(seed !== undefined ? { seed } : {}) });
  }
  const deps = {
    store,
    // The last gate before a command starts: whatever path led here, an external world needs the operator's leave.
    openWorld: guardedOpenWorld(job.allowExternal === true),
    signal: hooks.signal,
    onEvent: (event: unknown) => hooks.onEvent(event as LiveEvent),
    progress: hooks.progress,
    cwd: job.cwd,
    runId: job.runId,
    ...(agents ? { agents } : {}),
  };
  if (!job.start) {
    await resumeRun(job.runId, deps);
    return;
  }
  const s = job.start;
  await discover(
    {
      world: s.world,
      seed: s.seed,
      rounds: s.rounds,
      ...(s.llm ? { llm: s.llm } : {}),
      ...(s.explainSeconds !== undefined ? { explainSeconds: s.explainSeconds } : {}),
    },
    deps,
  );
}

/** Opens worlds as the loop would, refusing a command line unless `allowExternal`. */
function guardedOpenWorld(allowExternal: boolean): OpenWorldFn {
  return async (spec, options) => {
    if (isExternalWorld(spec) && !allowExternal) throw new ExternalWorldRefused();
    const { openWorld } = await import("../worlds/open.js");
    return openWorld(spec, options);
  };
}
