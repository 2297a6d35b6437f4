import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { LoopState, RoundRecord } from "../discover/index.js";
import { RunStore, newRunId } from "../journal/index.js";
import { listProfiles } from "../llm/profiles.js";
import { builtinWorlds } from "../worlds/registry.js";
import { openWorld } from "../worlds/open.js";
import type { WorldInfo } from "../worlds/world.js";
import type { ExplainView, DiscoveryEngine, LaunchedRun, LiveEvent, RunHooks, RunListItem, StartSpec, WorldListing, StartWorld } from "./contract.js";
import { runDiscovery, type RunJob } from "./run-discovery.js";
import { RunThreads, runWorkerScript } from "./run-thread.js";
import { TaskThreads, taskWorkerScript } from "./task-thread.js";
import { buildRunDetail, runListItem } from "./run-view.js";
import { latexOf } from "./latex.js";
import { addServerRoot } from "./redact.js";
import { readUploadText } from "./uploads.js";

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
   * Run discoveries, uploads' reading and explanations on the server's own thread instead of worker threads. Runs from TypeScript sources
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

/** Time an explanation may run past its requested seconds: reading the table, the final fits, the answer. */
export function explainGraceMs(seconds: number): number {
  return 1000 + 100 * seconds;
}

/** The real engine: the discovery loop over the SQLite journal, the built-in worlds, the Explainer and the report writer. */
export function createDiscoveryEngine(opts: DiscoveryEngineOptions): DiscoveryEngine {
  const store = RunStore.open(opts.storeDir);
  // Errors the browser sees never name the journal's folder.
  addServerRoot(opts.storeDir);
  addServerRoot(opts.cwd);
  const log = opts.log ?? (() => {});
  let worldsCache: WorldListing[] | undefined;

  const script = opts.inProcess ? undefined : runWorkerScript();
  const threads = script ? new RunThreads(script) : undefined;
  const taskScript = opts.inProcess ? undefined : taskWorkerScript();
  const tasks = taskScript ? new TaskThreads(taskScript) : undefined;

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

    async inspectUpload(kind, fileName, path) {
      // A large upload takes seconds to read: off the server's thread when the compiled task worker is there.
      if (tasks) return tasks.run<{ columns: string[]; rows: number }>({ kind: "inspect", uploadKind: kind, path, fileName, cwd: opts.cwd });
      const text = readUploadText(path, fileName);
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
      return launch({ cwd: opts.cwd, env: opts.env, runId, start, allowExternal: hooks.allowExternal === true, ...(spec.llm ? { llm: spec.llm } : {}) }, hooks);
    },

    resumeRun(runId: string, hooks: RunHooks) {
      const llm = (store.getRun(runId)?.options as { llm?: string } | undefined)?.llm;
      return launch({ cwd: opts.cwd, env: opts.env, runId, allowExternal: hooks.allowExternal === true, ...(llm ? { llm } : {}) }, hooks);
    },

    runWorld(runId: string) {
      const spec = store.getRun(runId)?.worldSpec;
      if (!spec) return undefined;
      if (spec.external !== undefined) return { external: spec.external };
      if (spec.file !== undefined) return spec.target !== undefined ? { file: spec.file, target: spec.target } : { file: spec.file };
      return { name: spec.name ?? "" };
    },

    listRuns() {
      return store.listRuns().map((r) => driverOf(store, runListItem(r, Math.max(0, store.rounds(r.id).length - 1))));
    },

    runDetail(runId: string) {
      const run = store.getRun(runId);
      if (!run) return undefined;
      const info = (run.options as { worldInfo?: WorldInfo }).worldInfo ?? { inputs: [], output: { name: "output" } };
      return driverOf(store, buildRunDetail(
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
      ));
    },

    storedEvents(runId: string) {
      return store.events(runId).map((e) => ({ ...e.payload, type: e.type }) as LiveEvent);
    },

    async writeReport(runId: string, dir: string) {
      // Loaded on first use: the report writer and the Explainer are heavy and many sessions never need them.
      return (await import("../report/index.js")).writeReport(store, runId, dir);
    },

    async explain(upload, target, o) {
      const threadsOpt = opts.explainThreads !== undefined ? { threads: opts.explainThreads } : {};
      if (tasks) {
        const { seconds, seed, signal, ...options } = o;
        const limitMs = seconds * 1000 + explainGraceMs(seconds);
        return tasks.run<ExplainView>(
          { kind: "explain", path: upload.path, fileName: upload.name, target, seconds, seed, startedAt: Date.now(), options, ...threadsOpt },
          {
            signal,
            timeoutMs: limitMs,
            timeoutMessage: `the explanation did not finish within ${Number((limitMs / 1000).toPrecision(3))} s (${seconds} s asked for, plus a grace for reading and the final fits); ask for more seconds`,
          },
        );
      }
      const { explainTable } = await import("./explain-view.js");
      return explainTable(readFileSync(upload.path, "utf8"), upload.name, target, { ...o, ...threadsOpt });
    },

    close() {
      threads?.close();
      tasks?.close();
      store.close();
    },
  };
}

/** The item with the live holder of its run's lease, if any (see journal/lease.ts): a CLI or another server may drive it. */
function driverOf<T extends RunListItem>(store: RunStore, item: T): T {
  const holder = store.leaseHolder(item.runId);
  return holder ? { ...item, drivenBy: { pid: holder.pid, host: holder.host, since: holder.since } } : item;
}
