import { parseDerivedList } from "../core/derived.js";
import type { WorldSpec } from "../worlds/open.js";
import type { World } from "../worlds/world.js";
import type { DiscoverDeps } from "./deps.js";
import { DiscoverError, RunBusyError, RunJournalError } from "./errors.js";
import type { RunEvent } from "./events.js";
import { defaultExplain } from "./explainer.js";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import { finalLine, roundLine } from "./progress-lines.js";
import { playRound, type RunContext } from "./round-step.js";
import { newRunId } from "./run-id.js";
import type { RunClaim, RunJournal } from "./run-journal.js";
import { holdRun, repairObservationEvents } from "./run-claim.js";
import { runResult } from "./run-result.js";
import { survivalCountsFrom } from "./stop-rules.js";
import { strategyMix } from "./strategy-mix.js";
import type { DiscoverOptions, LoopState, RoundRecord, RunResult } from "./types.js";

export { resolveOptions, DEFAULT_EVALUATIONS, SAFETY_SECONDS, type ResolvedOptions } from "./options.js";
export { experimentKey, stageStatus } from "./experiments.js";

async function defaultOpenWorld(spec: WorldSpec, options: { seed: number; queryOffset?: number; cwd: string }): Promise<World> {
  const { openWorld } = await import("../worlds/open.js");
  return openWorld(spec, options);
}

/** Runs a new discovery: journals the run, then loops until a stop rule fires. */
export async function discover(options: DiscoverOptions, deps: DiscoverDeps): Promise<RunResult> {
  const opt = resolveOptions(options);
  const open = deps.openWorld ?? defaultOpenWorld;
  const world = await open(opt.world, { seed: opt.seed, cwd: deps.cwd ?? process.cwd() });
  const runId = deps.runId ?? newRunId(world.info.name);
  try {
    if (Array.isArray(opt.derived)) parseDerivedList(opt.derived, world.info.inputs.map((s) => s.name));
  } catch (err) {
    // Close the world whatever went wrong; the error itself goes on unchanged.
    await world.close();
    throw err;
  }
  let claim: RunClaim | undefined;
  try {
    // The lease comes first: a server listing runs must never see this one undriven.
    claim = deps.store.claimRun?.(runId);
    deps.store.createRun({ id: runId, world: world.info.name, worldSpec: opt.world, seed: opt.seed, options: { ...opt, worldInfo: world.info } });
  } catch (err) {
    claim?.release();
    await world.close();
    if (!(err instanceof RunJournalError) || err instanceof RunBusyError) throw err;
    throw new DiscoverError(`cannot create run '${runId}': ${err.message}`);
  }
  return runLoop(runId, world, opt, deps, false, claim);
}

/** Continues a journaled run where it stopped: nothing answered is asked again, nothing journaled is lost. */
export async function resumeRun(runId: string, deps: DiscoverDeps): Promise<RunResult> {
  const run = deps.store.getRun(runId);
  if (!run) throw new DiscoverError(`no run '${runId}' in ${deps.store.path}`);
  if (run.status === "finished" && run.result) return run.result as RunResult;
  const opt = resolveOptions({ ...(run.options as unknown as DiscoverOptions), world: run.worldSpec, seed: run.seed });
  // Taken before the world is opened: a second driver must not even start the world's process.
  const claim = deps.store.claimRun?.(runId);
  let world: World;
  try {
    const answered = deps.store.experiments(runId).filter((e) => e.answered && e.stage === undefined).length;
    const open = deps.openWorld ?? defaultOpenWorld;
    world = await open(run.worldSpec, { seed: run.seed, queryOffset: answered, cwd: deps.cwd ?? process.cwd() });
  } catch (err) {
    claim?.release();
    throw err;
  }
  try {
    // A staged world remembers what was collected; replaying the journaled collections in order restores
    // that (the rows themselves are already journaled and are not used again).
    for (const e of deps.store.experiments(runId)) {
      if (e.answered && e.stage !== undefined && !world.info.stages?.find((s) => s.id === e.stage)?.initial) await world.collect?.(e.stage);
    }
  } catch (err) {
    claim?.release();
    await world.close();
    throw err;
  }
  deps.store.setStatus(runId, "running");
  return runLoop(runId, world, opt, deps, true, claim);
}

/** The run's context for its rounds: each setting of the options goes to the part that uses it. */
function runContext(runId: string, world: World, opt: ResolvedOptions, deps: DiscoverDeps, emit: (e: RunEvent) => void): RunContext {
  // The user's noise model overrides the world's declaration (it shapes the evidence's weights).
  const info = opt.noise ? { ...world.info, noiseModel: { kind: opt.noise } } : world.info;
  return {
    runId,
    world,
    info,
    journal: deps.store,
    emit,
    progress: deps.progress ?? (() => {}),
    seed: opt.seed,
    limits: { rounds: opt.rounds, budget: opt.budget, patience: opt.patience, stopOnFalsification: opt.stopOnFalsification, initialCount: opt.initialCount, batch: opt.batch },
    fullRange: survivalCountsFrom(info),
    mix: strategyMix(opt.strategies),
    derived: { mode: opt.derived, user: Array.isArray(opt.derived) ? parseDerivedList(opt.derived, info.inputs.map((s) => s.name)) : {} },
    thresholdBits: opt.thresholdBits,
    search: {
      explain: deps.explain ?? defaultExplain,
      budget: { timeSeconds: opt.explainSeconds, threads: opt.threads, ...(opt.explainEvaluations ? { maxEvaluations: opt.explainEvaluations } : {}) },
      seed: opt.seed,
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
    ...(deps.agents ? { agents: deps.agents } : {}),
  };
}

/** Every event is journaled first (a late client replays it), then passed to the live listener. */
function eventSink(journal: RunJournal, runId: string, onEvent: DiscoverDeps["onEvent"]): (e: RunEvent) => void {
  return (e) => {
    journal.addEvent(runId, e.type, e as unknown as Record<string, unknown>);
    onEvent?.(e);
  };
}

async function runLoop(runId: string, world: World, opt: ResolvedOptions, deps: DiscoverDeps, resumed: boolean, claim: RunClaim | undefined): Promise<RunResult> {
  const journal = deps.store;
  const emit = eventSink(journal, runId, deps.onEvent);
  const run = runContext(runId, world, opt, deps, emit);
  const hold = holdRun(claim);
  emit({ type: "run_started", runId, world: run.info.name, seed: opt.seed, resumed });
  // A kill between journaling answers and their event leaves the replay short; the rows say what it missed.
  if (resumed) repairObservationEvents(journal, runId, emit);
  run.progress(`${resumed ? "resuming" : "run"} ${runId}: world ${run.info.name}, seed ${opt.seed}`);
  const stored = journal.rounds<RoundRecord, LoopState>(runId);
  const records = stored.map((s) => s.record);
  let state: LoopState | undefined = stored.at(-1)?.state;
  let round = stored.length > 0 ? (stored.at(-1) as { round: number }).round + 1 : 0;
  let stop: { reason: string; aborted: boolean };
  try {
    for (;;) {
      hold.check();
      if (deps.signal?.aborted) {
        stop = { reason: "interrupted", aborted: true };
        break;
      }
      const t0 = performance.now();
      const step = await playRound(run, round, state);
      if (step.kind !== "done") {
        stop = step.kind === "stop" ? { reason: step.reason, aborted: false } : { reason: "interrupted", aborted: true };
        break;
      }
      const seconds = (performance.now() - t0) / 1000;
      const strategies: Record<string, number> = {};
      for (const e of step.experiments) strategies[e.strategy] = (strategies[e.strategy] ?? 0) + 1;
      const record: RoundRecord = { ...step.outcome.record, strategies, seconds };
      state = { ...step.outcome.state, seconds: (state?.seconds ?? 0) + seconds };
      journal.putRound(runId, round, record, state);
      records.push(record);
      emit({ type: "round_finished", runId, round, record });
      run.progress(roundLine(record));
      round++;
    }
    const result = runResult({ runId, world: run.info.name, seed: opt.seed, queries: journal.observations(runId).length }, records, state, stop);
    journal.setStatus(runId, stop.aborted ? "aborted" : "finished", { result });
    emit({ type: "run_finished", runId, result });
    run.progress(finalLine(result, stop.aborted));
    return result;
  } catch (err) {
    // A run taken over by another process is that process's to journal now.
    if (err instanceof RunBusyError) throw err;
    // Whatever stopped the run (a bug included) is journaled as its failure before it goes on to the caller.
    const message = (err as Error).message ?? String(err);
    journal.setStatus(runId, "failed", { error: message });
    emit({ type: "run_failed", runId, error: message });
    throw err;
  } finally {
    try {
      await world.close();
    } finally {
      hold.stop();
    }
  }
}
