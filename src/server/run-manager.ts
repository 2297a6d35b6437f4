import type { DiscoveryEngine, LaunchedRun, LiveEvent, RunHooks, StartSpec } from "./contract.js";
import { HttpError } from "./respond.js";
import { requireExternalAllowed } from "./world-policy.js";

/** Receives each live event with its index in the run's stream. */
export type EventListener = (event: LiveEvent, index: number) => void;

interface ActiveRun {
  runId: string;
  controller: AbortController;
  /** Every event of the run so far (the journal's, then the live ones), so late subscribers miss nothing. */
  events: LiveEvent[];
  listeners: Set<EventListener>;
  enders: Set<() => void>;
  done: Promise<void>;
}

/**
 * Runs one discovery at a time, in this process. A second start while one runs is refused (409)
 * rather than queued: runs are CPU-bound, so a queue would only make both slower and hide why.
 */
export class RunManager {
  private active: ActiveRun | undefined;
  private readonly engine: DiscoveryEngine;
  private readonly log: (line: string) => void;
  private readonly allowExternal: boolean;

  /** `allowExternal` is the server's --allow-external: whether any run here may start a world's command. */
  constructor(engine: DiscoveryEngine, log: (line: string) => void = () => {}, policy: { allowExternal?: boolean } = {}) {
    this.engine = engine;
    this.log = log;
    this.allowExternal = policy.allowExternal === true;
  }

  /** The id of the run in progress, if any. */
  get activeRunId(): string | undefined {
    return this.active?.runId || undefined;
  }

  /** Starts a new run; resolves with its id once the journal has created it. */
  async start(spec: StartSpec): Promise<string> {
    requireExternalAllowed(spec.world, this.allowExternal, "world.command");
    return this.launch((hooks) => this.engine.startRun(spec, hooks), undefined);
  }

  /** Continues a stopped or interrupted run. */
  async resume(runId: string): Promise<string> {
    if (!this.engine.runDetail(runId)) throw new HttpError(404, `no run with id '${runId}'`);
    // A run journaled by `discover --external` (or by a server that allowed it) must not slip past this server's rule.
    requireExternalAllowed(this.engine.runWorld(runId), this.allowExternal);
    return this.launch((hooks) => this.engine.resumeRun(runId, hooks), runId);
  }

  /** Asks the run in progress to stop; false when that run is not in progress. */
  stop(runId: string): boolean {
    if (this.active?.runId !== runId) return false;
    this.active.controller.abort();
    return true;
  }

  /**
   * Subscribes to a run's live events from index `after + 1`, replaying the ones already emitted.
   * Returns undefined when the run is not in progress here (the caller replays the journal instead).
   */
  subscribe(runId: string, after: number, onEvent: EventListener, onEnd: () => void): (() => void) | undefined {
    const run = this.active;
    if (!run || run.runId !== runId) return undefined;
    for (let i = after + 1; i < run.events.length; i++) onEvent(run.events[i], i);
    run.listeners.add(onEvent);
    run.enders.add(onEnd);
    return () => {
      run.listeners.delete(onEvent);
      run.enders.delete(onEnd);
    };
  }

  /** Stops the run in progress and waits for it to wind down (used when the server shuts down). */
  async shutdown(): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.controller.abort();
    await run.done.catch(() => {});
  }

  private async launch(go: (hooks: RunHooks) => LaunchedRun, knownId: string | undefined): Promise<string> {
    if (this.active) {
      throw new HttpError(409, `a run is already in progress (${this.active.runId}); stop it or wait for it to finish`);
    }
    const controller = new AbortController();
    const prior = knownId ? this.engine.storedEvents(knownId) : [];
    const run: ActiveRun = {
      runId: knownId ?? "",
      controller,
      events: [...prior],
      listeners: new Set(),
      enders: new Set(),
      done: Promise.resolve(),
    };
    const pending: LiveEvent[] = [];
    const emit = (event: LiveEvent): void => {
      if (!run.runId) {
        pending.push(event);
        return;
      }
      run.events.push(event);
      const index = run.events.length - 1;
      for (const l of run.listeners) {
        try {
          l(event, index);
        } catch (_err) {
          // A subscriber that went away must not disturb the run: whatever it throws is its own failure.
        }
      }
    };
    this.active = run;
    let launched: LaunchedRun;
    try {
      launched = go({ signal: controller.signal, onEvent: emit, allowExternal: this.allowExternal });
    } catch (err) {
      this.active = undefined;
      throw err;
    }
    run.done = launched.done.then(
      () => this.finish(run),
      (err: unknown) => {
        this.log(`run ${run.runId || "(not started)"} failed: ${err instanceof Error ? err.message : String(err)}`);
        this.finish(run);
      },
    );
    try {
      // The run may fail before it has an id (a bad world, say): surface that as the answer.
      const runId = await Promise.race([launched.runId, launched.done.then(() => launched.runId)]);
      run.runId = runId;
      for (const e of pending.splice(0)) emit(e);
      return runId;
    } catch (err) {
      await run.done;
      throw err;
    }
  }

  private finish(run: ActiveRun): void {
    if (this.active === run) this.active = undefined;
    for (const end of run.enders) end();
    run.listeners.clear();
    run.enders.clear();
  }
}
