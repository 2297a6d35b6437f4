import { basename } from "node:path";
import { discover, resumeRun, type DiscoverDeps, type LoopState, type RoundRecord } from "../discover/index.js";
import type { Agents } from "../discover/agents.js";
import { RunStore, newRunId } from "../journal/index.js";
import { listProfiles } from "../llm/profiles.js";
import { builtinWorlds } from "../worlds/registry.js";
import { openWorld } from "../worlds/open.js";
import type { WorldInfo } from "../worlds/world.js";
import type { DiscoveryEngine, LaunchedRun, LiveEvent, RunHooks, StartSpec, WorldListing, WorldSpec } from "./engine.js";
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
}

function displayName(world: WorldSpec): string {
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

  const agentsFor = async (profile: string | undefined, runId: string): Promise<Agents | undefined> => {
    if (!profile) return undefined;
    const { createAgents } = await import("../llm/index.js");
    return createAgents(profile, { env: opts.env, cwd: opts.cwd, store: store.exchanges(runId) as never, log });
  };

  const launch = (runId: string, hooks: RunHooks, go: (deps: DiscoverDeps) => Promise<unknown>, agentsProfile: string | undefined): LaunchedRun => {
    let resolveId!: (id: string) => void;
    let rejectId!: (err: unknown) => void;
    const idPromise = new Promise<string>((res, rej) => {
      resolveId = res;
      rejectId = rej;
    });
    idPromise.catch(() => {});
    let started = false;
    const onEvent = (event: unknown): void => {
      const e = event as LiveEvent;
      if (!started && e.type === "run_started") {
        started = true;
        resolveId(runId);
      }
      hooks.onEvent(e);
    };
    const done = (async () => {
      const agents = await agentsFor(agentsProfile, runId);
      await go({
        store,
        signal: hooks.signal,
        onEvent,
        progress: (line) => log(`[${runId}] ${line}`),
        cwd: opts.cwd,
        runId,
        ...(agents ? { agents } : {}),
      });
    })();
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
      const runId = newRunId(displayName(spec.world));
      return launch(
        runId,
        hooks,
        (deps) =>
          discover(
            {
              world: spec.world,
              seed: spec.seed,
              rounds: spec.rounds,
              ...(spec.llm ? { llm: spec.llm } : {}),
              ...(spec.explainSeconds ?? opts.explainSeconds ? { explainSeconds: spec.explainSeconds ?? opts.explainSeconds } : {}),
            },
            deps,
          ),
        spec.llm,
      );
    },

    resumeRun(runId: string, hooks: RunHooks) {
      const llm = (store.getRun(runId)?.options as { llm?: string } | undefined)?.llm;
      return launch(runId, hooks, (deps) => resumeRun(runId, deps), llm);
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
      return (await import("./report-files.js")).writeRunReport(store, runId, dir);
    },

    async explain(csvText, fileName, target, o) {
      const { explainTable } = await import("./explain-view.js");
      return explainTable(csvText, fileName, target, { ...o, ...(opts.explainThreads !== undefined ? { threads: opts.explainThreads } : {}) });
    },

    close() {
      store.close();
    },
  };
}
