import { basename } from "node:path";
import type { LoopState, RoundRecord } from "../discover/index.js";
import { RunStore, newRunId } from "../journal/index.js";
import { listProfiles } from "../llm/profiles.js";
import { builtinWorlds } from "../worlds/registry.js";
import { openWorld } from "../worlds/open.js";
import type { WorldInfo } from "../worlds/world.js";
import type { DiscoveryEngine, LaunchedRun, LiveEvent, RunHooks, StartSpec, WorldListing, StartWorld } from "./contract.js";
import { runDiscovery, type RunJob } from "./run-discovery.js";
import { RunThreads, runWorkerScript } from "./run-thread.js";
import { buildRunDetail, runListItem } from "./run-view.js";
import { latexOf } from "./latex.js";

/** Where the engine keeps runs and how it talks to the outside. */
export interface DiscoveryEngineOptions {
  /** The run journal's folder (the same one `discover` and `resume` use). */
  storeDir: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** One-line progress notes (stderr). */
  log?: (line: string) => void;
  /** Explainer seconds per round unless a start request says otherwise (the loop's default when absent). */
  explainSeconds?: number;
  /** Worker threads for the explain page (default: the Explainer's, all cores). */
  explainThreads?: number;
  /**
   * Run discoveries on the server's own thread instead of a worker thread. Runs from TypeScript sources
   * (tests) always do, since a worker needs the compiled script.
   */
  inProcess?: boolean;
}

function displayName(world: StartWorld): string {
  if ("name" in world) return world.name;
  if ("file" in world) return basename(world.file).replace(/\.(csv|json)$/i, "");
  return "external";
}

function listing(info: WorldInfo, summary: string): WorldListing {
  return {
    name: info.name,
    summary,
    description: info.description,
    inputs: info.inputs.map((i) => ({ name: i.name, min: i.min, max: i.max, ...(i.unit ? { unit: i.unit } : {}), ...(i.description ? { description: i.description } : {}) })),
    output: info.output,
    ...(info.receivedTheory ? { receivedTheory: info.receivedTheory } : {}),
  };
}

/** The real engine: the discovery loop over the SQLite journal, the built-in worlds, the Explainer and the report writer. */
export function createDiscoveryEngine(opts: DiscoveryEngineOptions): DiscoveryEngine {
  const store = RunStore.open(opts.storeDir);
  const log = opts.log ?? (() => {});
  let worldsCache: WorldListing[] | undefined;

  const script = opts.inProcess ? undefined : runWorkerScript();
  const threads = script ? new RunThreads(script) : undefined;

  const launch = (job: RunJob, hooks: RunHooks): LaunchedRun => {
    let resolveId!: (id: string) => void;
    let rejectId!: (err: unknown) => void;
    const idPromise = new Promise<string>((res, rej) => {
      resolveId = res;
      rejectId = rej;
    });
    idPromise.catch(() => {});
    let started = false;
    const onEvent = (e: LiveEvent): void => {
      if (!started && e.type === "run_started") {
        started = true;
        resolveId(job.runId);
      }
      hooks.onEvent(e);
    };
    const progress = (line: string) => log(`[${job.runId}] ${line}`);
    const done = threads
      ? threads.run({ ...job, env: { ...job.env }, storeDir: opts.storeDir }, { signal: hooks.signal, onEvent, progress })
      : runDiscovery(job, store, { signal: hooks.signal, onEvent, progress });
    done.then(
      () => rejectId(new Error("the run ended before it started")),
      (err: unknown) => rejectId(err),
    );
    return { runId: idPromise, done };
  };

  return {
    worlds() {
      worldsCache ??= builtinWorlds.map((def) => {
        const w = def.create({ seed: 1 });
        const l = listing(w.info, def.summary);
        void w.close();
        return l;
      });
      return worldsCache;
    },

    llmProfiles() {
      try {
        return listProfiles({ env: opts.env, cwd: opts.cwd });
      } catch (err) {
        log(`language-model profiles unavailable: ${(err as Error).message}`);
        return [];
      }
    },

    async inspectUpload(kind, text, fileName, path) {
      if (kind === "csv") return (await import("./inspect-csv.js")).inspectCsv(text, fileName);
      const world = await openWorld({ file: path }, { seed: 1, cwd: opts.cwd });
      try {
        const rows = (JSON.parse(text) as { observations?: unknown[] }).observations?.length ?? 0;
        return { columns: [...world.info.inputs.map((i) => i.name), world.info.output.name], rows };
      } finally {
        await world.close();
      }
    },

    startRun(spec: StartSpec, hooks: RunHooks) {
      const explainSeconds = spec.explainSeconds ?? opts.explainSeconds;
      const start: StartSpec = { ...spec, ...(explainSeconds !== undefined ? { explainSeconds } : {}) };
      const runId = newRunId(displayName(spec.world));
      return launch({ cwd: opts.cwd, env: opts.env, runId, start, ...(spec.llm ? { llm: spec.llm } : {}) }, hooks);
    },

    resumeRun(runId: string, hooks: RunHooks) {
      const llm = (store.getRun(runId)?.options as { llm?: string } | undefined)?.llm;
      return launch({ cwd: opts.cwd, env: opts.env, runId, ...(llm ? { llm } : {}) }, hooks);
    },

    listRuns() {
      return store.listRuns().map((r) => runListItem(r, Math.max(0, store.rounds(r.id).length - 1)));
    },

    runDetail(runId: string) {
      const run = store.getRun(runId);
      if (!run) return undefined;
      const info = (run.options as { worldInfo?: WorldInfo }).worldInfo ?? { inputs: [], output: { name: "output" } };
      return buildRunDetail(
        {
          run,
          info,
          experiments: store.experiments(runId),
          observations: store.observations(runId),
          rounds: store.rounds<RoundRecord, LoopState>(runId),
          events: store.events(runId),
          exchanges: store.exchanges(runId).list(runId),
        },
        latexOf,
      );
    },

    storedEvents(runId: string) {
      return store.events(runId).map((e) => ({ ...e.payload, type: e.type }) as LiveEvent);
    },

    async writeReport(runId: string, dir: string) {
      // Loaded on first use: the report writer and the Explainer are heavy and many sessions never need them.
      return (await import("../report/index.js")).writeReport(store, runId, dir);
    },

    async explain(csvText, fileName, target, o) {
      const { explainTable } = await import("./explain-view.js");
      return explainTable(csvText, fileName, target, { ...o, ...(opts.explainThreads !== undefined ? { threads: opts.explainThreads } : {}) });
    },

    close() {
      threads?.close();
      store.close();
    },
  };
}
