import type { WeightedStrategy } from "../breaker/index.js";
import type { World, WorldInfo } from "../worlds/world.js";
import { agentContext } from "./agent-context.js";
import type { Agents } from "./agents.js";
import { askWorld } from "./ask-world.js";
import { DiscoverError } from "./errors.js";
import { WorldbreakerError } from "../errors.js";
import type { RunEvent } from "./events.js";
import { buildEvidence } from "./evidence.js";
import { planRound } from "./plan-round.js";
import { strategyCounts } from "./progress-lines.js";
import { journaledObservations, roundEvidence } from "./round-evidence.js";
import type { RoundEnv, SearchSettings } from "./round-env.js";
import { initialRound, reviseRound } from "./rounds.js";
import type { ExperimentRow, RunJournal } from "./run-journal.js";
import { stopReason, type StopLimits } from "./stop-rules.js";
import type { LoopState } from "./types.js";
import type { RoundOutcome } from "./next-state.js";
import { derivedVocabulary, type DerivedMode } from "./vocabulary.js";

/** One run as its rounds see it: built once by the loop from the options, the world and the injected parts. */
export interface RunContext {
  runId: string;
  world: World;
  /** The world's description with the run's noise model. */
  info: WorldInfo;
  journal: RunJournal;
  emit: (e: RunEvent) => void;
  progress: (line: string) => void;
  seed: number;
  limits: StopLimits & { initialCount: number; batch: number };
  /** First round from which survival counts (see stop-rules.ts). */
  fullRange: number;
  mix: WeightedStrategy[];
  derived: { mode: DerivedMode; user: Record<string, string> };
  thresholdBits: number;
  search: SearchSettings;
  agents?: Agents;
}

/** What one round came to: the loop stops (a stop rule, or nothing left to ask), was interrupted, or goes on. */
export type RoundStep = { kind: "stop"; reason: string } | { kind: "interrupted" } | { kind: "done"; outcome: RoundOutcome; experiments: ExperimentRow[] };

/**
 * Plays round `round`: its experiments (those journaled already, else newly chosen and journaled before
 * they are sent), the world's answers to those not answered yet, then the round's search and gate.
 */
export async function playRound(run: RunContext, round: number, state: LoopState | undefined): Promise<RoundStep> {
  const { journal, runId } = run;
  const journaled = journal.experiments(runId);
  let pending = journaled.filter((e) => e.round === round);
  if (pending.length === 0) {
    const observations = journal.observations(runId);
    if (round > 0 && state) {
      const stop = stopReason(state, round, observations.length, run.limits, run.fullRange);
      if (stop) return { kind: "stop", reason: stop };
    }
    run.emit({ type: "round_started", runId, round });
    const planned = await planRound({
      world: run.world,
      info: run.info,
      seed: run.seed,
      round,
      sizes: run.limits,
      mix: run.mix,
      journaled,
      observations,
      ...(state ? { state } : {}),
      ...(run.agents?.breaker ? { agent: run.agents.breaker } : {}),
      agentContext: () => {
        const obs = journaledObservations(journal, runId);
        const ev = buildEvidence(run.info, obs, vocabularyOf(run, obs, state)).evidence;
        return agentContext(run.info, round, state!.current, ev);
      },
      warn: (message) => run.emit({ type: "warning", runId, round, message }),
    });
    if (planned.length === 0) return { kind: "stop", reason: "nothing left to ask" };
    const seqs = journal.addExperiments(runId, round, planned);
    pending = journal.experiments(runId).filter((e) => e.round === round);
    run.emit({ type: "experiments_chosen", runId, round, experiments: planned.map((p, i) => ({ seq: seqs[i], inputs: p.inputs, ...(p.stage ? { stage: p.stage } : {}), strategy: p.strategy })) });
  } else {
    run.emit({ type: "round_started", runId, round });
  }
  await askPending(run, round, pending.filter((e) => !e.answered));
  const obs = journaledObservations(journal, runId);
  const defs = vocabularyOf(run, obs, state);
  const { evidence, newRows, initialRows, extend } = roundEvidence(run.info, obs, defs, round);
  if (evidence.target.length === 0) throw new DiscoverError(`world '${run.info.name}': every experiment so far failed; no evidence to explain`);
  const env: RoundEnv = {
    log: { runId, round, emit: run.emit, progress: run.progress },
    info: run.info,
    seed: run.seed,
    queries: obs.length,
    thresholdBits: run.thresholdBits,
    search: run.search,
    ...(run.agents ? { agents: run.agents } : {}),
    vocabulary: { defs, allowed: run.derived.mode !== "off", extend },
    newRows,
    initialRows,
  };
  const outcome = round === 0 || !state ? await initialRound(env, evidence) : await reviseRound(env, state, evidence);
  // A search cut short is not journaled, so a resume redoes the round in full.
  if (run.search.signal?.aborted) return { kind: "interrupted" };
  return { kind: "done", outcome, experiments: pending };
}

/** Asks the world the round's unanswered experiments and journals the answers at once. */
async function askPending(run: RunContext, round: number, unanswered: ExperimentRow[]): Promise<void> {
  if (unanswered.length === 0) return;
  const { runId } = run;
  run.progress(`round ${round}: asking ${unanswered.length} experiment${unanswered.length === 1 ? "" : "s"}${strategyCounts(unanswered.map((e) => e.strategy))}`);
  let answers;
  try {
    answers = await askWorld(run.world, unanswered);
  } catch (err) {
    // A world is code at the edge (a simulator, a dataset, an external process): whatever it throws is its
    // failure, reported with the way back in, since everything answered so far is journaled. Its own
    // one-line errors (WorldError, UserError …) pass as they are.
    if (err instanceof WorldbreakerError) throw err;
    throw new DiscoverError(`world '${run.info.name}' failed in round ${round}: ${(err as Error).message} (the evidence so far is journaled; resume with 'worldbreaker resume ${runId}')`);
  }
  run.journal.recordAnswers(runId, answers);
  run.emit({ type: "observations", runId, round, observations: answers.flatMap((a) => a.observations.map((o) => ({ experimentSeq: a.experimentSeq, inputs: o.inputs, output: o.output, ...(o.stage ? { stage: o.stage } : {}) }))) });
}

function vocabularyOf(run: RunContext, obs: Parameters<typeof derivedVocabulary>[3], state: LoopState | undefined): Record<string, string> {
  return derivedVocabulary(run.derived.mode, run.info, run.derived.user, obs, state?.adoptedDerived);
}
