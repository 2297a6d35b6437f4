import { UserError } from "../errors.js";
import { isNoiseKind, NOISE_KINDS } from "../mdl/noise-model.js";
import { fullRangeRound } from "../breaker/space.js";
import { newRunId } from "../journal/store.js";
import type { RunStore } from "../journal/store.js";
import type { WorldSpec } from "../journal/types.js";
import type { World } from "../worlds/world.js";
import { agentContext } from "./agent-context.js";
import { autoDerived, parseDerivedList } from "./derived.js";
import { buildEvidence, type RunObservation } from "./evidence.js";
import type { RunEvent } from "./events.js";
import { askWorld, breakerBatch, initialDesign, predictor, stageStatus, strategyMix, experimentKey } from "./experiments.js";
import { defaultExplain } from "./explainer.js";
import { initialRound, reviseRound } from "./rounds.js";
import type { DiscoverDeps, DiscoverOptions, LoopState, RoundRecord, RunResult } from "./types.js";

/** Options with every default filled in: exactly what is journaled with the run. */
export type ResolvedOptions = Required<Omit<DiscoverOptions, "explainEvaluations" | "llm" | "noise">> & Pick<DiscoverOptions, "explainEvaluations" | "llm" | "noise">;

/** Explainer evaluations per round when neither `explainSeconds` nor `explainEvaluations` is given. */
export const DEFAULT_EVALUATIONS = 4000;
/** Wall-time limit per round (seconds) when only an evaluation budget is given. */
export const SAFETY_SECONDS = 60;

/** Fills in defaults and checks ranges (UserError on nonsense). */
export function resolveOptions(o: DiscoverOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    world: o.world,
    seed: o.seed ?? 1,
    rounds: o.rounds ?? 8,
    budget: o.budget ?? 400,
    batch: o.batch ?? 12,
    initialCount: o.initialCount ?? 24,
    patience: o.patience ?? 3,
    thresholdBits: o.thresholdBits ?? 10,
    strategies: o.strategies ?? ["frontier", "disagreement", "residuals", "coverage", "stages"],
    // By default the Explainer's budget is a count of evaluations, so a seed reproduces a run on any machine;
    // the wall-time limit then only guards against a machine far slower than expected.
    explainSeconds: o.explainSeconds ?? SAFETY_SECONDS,
    threads: o.threads ?? 1,
    derived: o.derived ?? "auto",
    stopOnFalsification: o.stopOnFalsification ?? false,
    ...(o.explainEvaluations !== undefined ? { explainEvaluations: o.explainEvaluations } : o.explainSeconds === undefined ? { explainEvaluations: DEFAULT_EVALUATIONS } : {}),
    ...(o.llm !== undefined ? { llm: o.llm } : {}),
    ...(o.noise !== undefined ? { noise: o.noise } : {}),
  };
  if (r.noise !== undefined && !isNoiseKind(r.noise)) throw new UserError(`discover: noise must be one of ${NOISE_KINDS.join(", ")}, got '${String(r.noise)}'`);
  const positive = { rounds: r.rounds, budget: r.budget, batch: r.batch, initialCount: r.initialCount, patience: r.patience };
  for (const [k, v] of Object.entries(positive)) if (!Number.isInteger(v) || v < (k === "rounds" ? 0 : 1)) throw new UserError(`discover: ${k} must be a positive integer, got ${v}`);
  if (!(r.thresholdBits >= 0)) throw new UserError(`discover: the bits threshold must be at least 0, got ${r.thresholdBits}`);
  if (!(r.explainSeconds > 0)) throw new UserError(`discover: explain seconds must be positive, got ${r.explainSeconds}`);
  if (r.explainEvaluations !== undefined && !(Number.isInteger(r.explainEvaluations) && r.explainEvaluations > 0)) throw new UserError(`discover: explain evaluations must be a positive integer, got ${r.explainEvaluations}`);
  strategyMix(r.strategies);
  return r;
}

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
    await world.close();
    throw err;
  }
  try {
    deps.store.createRun({ id: runId, world: world.info.name, worldSpec: opt.world, seed: opt.seed, options: { ...opt, worldInfo: world.info } });
  } catch (err) {
    await world.close();
    throw new UserError(`cannot create run '${runId}': ${(err as Error).message}`);
  }
  return runLoop(runId, world, opt, deps, false);
}

/** Continues a journaled run where it stopped: nothing answered is asked again, nothing journaled is lost. */
export async function resumeRun(runId: string, deps: DiscoverDeps): Promise<RunResult> {
  const run = deps.store.getRun(runId);
  if (!run) throw new UserError(`no run '${runId}' in ${deps.store.path}`);
  if (run.status === "finished" && run.result) return run.result as RunResult;
  const opt = resolveOptions({ ...(run.options as unknown as DiscoverOptions), world: run.worldSpec, seed: run.seed });
  const answered = deps.store.experiments(runId).filter((e) => e.answered && e.stage === undefined).length;
  const open = deps.openWorld ?? defaultOpenWorld;
  const world = await open(run.worldSpec, { seed: run.seed, queryOffset: answered, cwd: deps.cwd ?? process.cwd() });
  // A staged world remembers what was collected; replaying the journaled collections in order restores
  // that (the rows themselves are already journaled and are not used again).
  for (const e of deps.store.experiments(runId)) {
    if (e.answered && e.stage !== undefined && !world.info.stages?.find((s) => s.id === e.stage)?.initial) await world.collect?.(e.stage);
  }
  deps.store.setStatus(runId, "running");
  return runLoop(runId, world, opt, deps, true);
}

function loadObservations(store: RunStore, runId: string): RunObservation[] {
  const exps = new Map(store.experiments(runId).map((e) => [e.seq, e]));
  return store.observations(runId).map((o) => ({ inputs: o.inputs, output: o.output, stage: o.stage, round: exps.get(o.experimentSeq)?.round ?? 0 }));
}

async function runLoop(runId: string, world: World, opt: ResolvedOptions, deps: DiscoverDeps, resumed: boolean): Promise<RunResult> {
  const { store } = deps;
  // The user's noise model overrides the world's declaration (it shapes the evidence's weights).
  const info = opt.noise ? { ...world.info, noiseModel: { kind: opt.noise } } : world.info;
  const inputs = info.inputs.map((s) => s.name);
  const progress = deps.progress ?? (() => {});
  const emit = (e: RunEvent) => {
    store.addEvent(runId, e.type, e as unknown as Record<string, unknown>);
    deps.onEvent?.(e);
  };
  const mix = strategyMix(opt.strategies);
  const userDerived = Array.isArray(opt.derived) ? parseDerivedList(opt.derived, inputs) : {};
  emit({ type: "run_started", runId, world: info.name, seed: opt.seed, resumed });
  progress(`${resumed ? "resuming" : "run"} ${runId}: world ${info.name}, seed ${opt.seed}`);
  const stored = store.rounds<RoundRecord, LoopState>(runId);
  const records = stored.map((s) => s.record);
  let state: LoopState | undefined = stored.at(-1)?.state;
  let round = stored.length > 0 ? (stored.at(-1) as { round: number }).round + 1 : 0;
  let stopReason: string;
  let aborted = false;
  try {
    for (;;) {
      if (deps.signal?.aborted) {
        aborted = true;
        stopReason = "interrupted";
        break;
      }
      const t0 = performance.now();
      const journaled = store.experiments(runId);
      let pending = journaled.filter((e) => e.round === round);
      const queries = store.observations(runId).length;
      if (pending.length === 0) {
        if (round > 0 && state) {
          const stop = stopRule(info, state, round, queries, opt);
          if (stop) {
            stopReason = stop;
            break;
          }
        }
        emit({ type: "round_started", runId, round });
        const planned = round === 0 || !state
          ? initialDesign(world, opt.seed, Math.min(opt.initialCount, opt.budget))
          : await breakerBatch({
              world,
              seed: opt.seed,
              round,
              count: Math.min(opt.batch, opt.budget - queries),
              mix,
              asked: { experiments: journaled, observations: store.observations(runId) },
              current: predictor(info, state.current, state.current.bits.total),
              competitors: competitorsOf(info, state),
              agents: deps.agents,
              agentContext: () => {
                const ev = buildEvidence(info, loadObservations(store, runId), derivedVocab(opt, info, userDerived, loadObservations(store, runId), state)).evidence;
                return agentContext(info, round, state!.current, ev);
              },
              warn: (message) => emit({ type: "warning", runId, round, message }),
            });
        if (planned.length === 0) {
          stopReason = "nothing left to ask";
          break;
        }
        const seqs = store.addExperiments(runId, round, planned);
        pending = store.experiments(runId).filter((e) => e.round === round);
        emit({ type: "experiments_chosen", runId, round, experiments: planned.map((p, i) => ({ seq: seqs[i], inputs: p.inputs, ...(p.stage ? { stage: p.stage } : {}), strategy: p.strategy })) });
      } else {
        emit({ type: "round_started", runId, round });
      }
      const unanswered = pending.filter((e) => !e.answered);
      if (unanswered.length > 0) {
        progress(`round ${round}: asking ${unanswered.length} experiment${unanswered.length === 1 ? "" : "s"}${summariseStrategies(unanswered.map((e) => e.strategy))}`);
        let answers;
        try {
          answers = await askWorld(world, unanswered);
        } catch (err) {
          if (err instanceof UserError) throw err;
          throw new UserError(`world '${info.name}' failed in round ${round}: ${(err as Error).message} (the evidence so far is journaled; resume with 'worldbreaker resume ${runId}')`);
        }
        store.recordAnswers(runId, answers);
        emit({ type: "observations", runId, round, observations: answers.flatMap((a) => a.observations.map((o) => ({ experimentSeq: a.experimentSeq, inputs: o.inputs, output: o.output, ...(o.stage ? { stage: o.stage } : {}) }))) });
      }
      const obs = loadObservations(store, runId);
      const defs = derivedVocab(opt, info, userDerived, obs, state);
      const { evidence } = buildEvidence(info, obs, defs);
      const newRows: number[] = [];
      const initialRows: number[] = [];
      let k = 0;
      for (const o of obs) {
        if (o.output === null || !Number.isFinite(o.output)) continue;
        if (o.round === round) newRows.push(k);
        if (o.round === 0) initialRows.push(k);
        k++;
      }
      if (evidence.target.length === 0) throw new UserError(`world '${info.name}': every experiment so far failed; no evidence to explain`);
      const env = {
        runId,
        info,
        seed: opt.seed,
        round,
        queries: obs.length,
        thresholdBits: opt.thresholdBits,
        explain: deps.explain ?? defaultExplain,
        explainOptions: { timeSeconds: opt.explainSeconds, threads: opt.threads, ...(opt.explainEvaluations ? { maxEvaluations: opt.explainEvaluations } : {}) },
        agents: deps.agents,
        signal: deps.signal,
        emit,
        progress,
        derivedDefs: defs,
        derivedAllowed: opt.derived !== "off",
        extendEvidence: (extra: Record<string, string>) => buildEvidence(info, obs, { ...defs, ...extra }),
        newRows,
        initialRows,
      };
      const out = round === 0 || !state ? await initialRound(env, evidence) : await reviseRound(env, state, evidence);
      if (deps.signal?.aborted) {
        // The search was cut short: this round is not journaled, so a resume redoes it in full.
        aborted = true;
        stopReason = "interrupted";
        break;
      }
      const seconds = (performance.now() - t0) / 1000;
      const strategies: Record<string, number> = {};
      for (const e of pending) strategies[e.strategy] = (strategies[e.strategy] ?? 0) + 1;
      const record: RoundRecord = { ...out.record, strategies, seconds };
      state = { ...out.state, seconds: (state?.seconds ?? 0) + seconds };
      store.putRound(runId, round, record, state);
      records.push(record);
      emit({ type: "round_finished", runId, round, record });
      progress(roundLine(record));
      round++;
    }
    const result = buildResult(runId, info.name, opt.seed, records, state, stopReason, aborted, store.observations(runId).length);
    store.setStatus(runId, aborted ? "aborted" : "finished", { result });
    emit({ type: "run_finished", runId, result });
    progress(`${aborted ? "stopped" : "done"} (${stopReason}): ${result.finalLaw}`);
    return result;
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    store.setStatus(runId, "failed", { error: message });
    emit({ type: "run_failed", runId, error: message });
    throw err;
  } finally {
    await world.close();
  }
}

/**
 * The derived vocabulary of this moment: the user's definitions, or the automatic ones for staged worlds,
 * plus those adopted laws brought in (journaled with the loop state, so a resume rebuilds them).
 */
function derivedVocab(opt: ResolvedOptions, info: World["info"], user: Record<string, string>, obs: RunObservation[], state: LoopState | undefined): Record<string, string> {
  if (opt.derived === "off") return {};
  const adopted = state?.adoptedDerived ?? {};
  if (opt.derived !== "auto") return { ...user, ...adopted };
  if (info.shape !== "staged") return { ...adopted };
  const names = info.inputs.map((s) => s.name);
  const cols: Record<string, Float64Array> = {};
  for (const n of names) cols[n] = Float64Array.from(obs, (o) => o.inputs[n] ?? NaN);
  return { ...autoDerived(names, cols, obs.length), ...adopted };
}

function competitorsOf(info: World["info"], state: LoopState) {
  const list = state.pareto.map((p) => predictor(info, p, p.bits));
  if (state.received && !state.falsification) list.push(predictor(info, state.received, state.current.bits.total));
  return list;
}

/** Why the loop stops before round `round`, or undefined to go on. */
function stopRule(info: World["info"], state: LoopState, round: number, queries: number, opt: ResolvedOptions): string | undefined {
  if (round > opt.rounds) return `round limit (${opt.rounds})`;
  if (queries >= opt.budget) return `query budget (${opt.budget})`;
  // Survival counts only once the attack reached the whole range: a law has not survived anything
  // while the Breaker was still confined near the initial sub-range.
  const full = info.shape === "staged" ? 0 : fullRangeRound(info.inputs);
  if (state.survived >= opt.patience && round - opt.patience > full) return `the law survived ${state.survived} rounds of attack`;
  if (opt.stopOnFalsification && state.falsification) return "the received theory is falsified";
  return undefined;
}

function summariseStrategies(names: string[]): string {
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = (counts[n] ?? 0) + 1;
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function roundLine(r: RoundRecord): string {
  const brk = r.break ? `  BREAK ${r.break.type} (−${r.break.gainBits.toFixed(1)} bits)` : "";
  return `round ${r.round}: ${r.law}  [${r.bits.toFixed(1)} bits, R² ${r.r2.toFixed(4)}, ${r.queries} queries]${brk}`;
}

function buildResult(runId: string, world: string, seed: number, records: RoundRecord[], state: LoopState | undefined, stopReason: string, aborted: boolean, queries: number): RunResult {
  const derived = state && Object.keys(state.current.derived).length > 0 ? state.current.derived : undefined;
  return {
    world,
    runId,
    seed,
    initialLaw: state?.initialLaw ?? "",
    finalLaw: state?.current.law ?? "",
    bits: state?.current.bits.total ?? NaN,
    r2: state?.current.r2 ?? NaN,
    queries,
    breaks: state?.breaks ?? 0,
    rounds: records,
    seconds: state?.seconds ?? 0,
    ...(derived ? { derived } : {}),
    falsification: state?.falsification ?? null,
    stopReason,
    status: aborted ? "aborted" : "finished",
  };
}

export { experimentKey, stageStatus };
