import { attackRegion, inRegion, sampleInRegion } from "../breaker/space.js";
import { chooseBatch, chooseStage, fitNoiseModel, latinHypercube, rngFor, sampleUniform, clipExperiment, strategiesByName, DEFAULT_MIX } from "../breaker/index.js";
import type { BreakerContext, Predictor, WeightedStrategy } from "../breaker/index.js";
import { compile, variablesOf, type Expr } from "../expr/index.js";
import type { ExperimentRow, ObservationRow } from "../journal/types.js";
import type { Experiment, Observation, World, WorldInfo } from "../worlds/world.js";
import { stopsRun, type Agents, type AgentContext } from "./agents.js";

/** Candidate points generated per round for simulator worlds (the Breaker scores them without running them). */
const CANDIDATES = 1024;
/** Largest pool the Breaker scores at once (bigger pools are subsampled, seeded). */
const MAX_POOL = 4000;

/** An experiment the loop is about to journal, with the strategy that chose it. */
export interface Planned {
  inputs: Experiment;
  stage?: string;
  strategy: string;
}

/** The strategy mix of a run, from names (weights from the default mix; unknown names are a UserError). */
export function strategyMix(names: readonly string[] | undefined): WeightedStrategy[] {
  if (!names) return DEFAULT_MIX.map((m) => ({ strategy: strategiesByName([m.name])[0], weight: m.weight }));
  return strategiesByName(names).map((s) => ({ strategy: s, weight: DEFAULT_MIX.find((m) => m.name === s.name)?.weight ?? 1 }));
}

/** Key of an experiment for "already asked" checks in pool worlds. */
export function experimentKey(info: WorldInfo, e: Experiment): string {
  return info.inputs.map((s) => e[s.name]).join("|");
}

/** Stages already collected and the ones collectable now (prerequisites met). */
export function stageStatus(info: WorldInfo, rows: readonly ExperimentRow[]) {
  const collected = new Set(rows.filter((r) => r.stage !== undefined).map((r) => r.stage as string));
  const collectable = (info.stages ?? []).filter((s) => !collected.has(s.id) && s.prerequisites.every((p) => collected.has(p)));
  return { collected: [...collected], collectable };
}

/** Round 0: the initial design inside the initial sub-range (simulators), a sample of rows (pools), the initial stages. */
export function initialDesign(world: World, seed: number, count: number): Planned[] {
  const info = world.info;
  const rng = rngFor(seed, "initial");
  if (info.shape === "staged") {
    const stages = (info.stages ?? []).filter((s) => s.initial);
    const first = stages.length > 0 ? stages : (info.stages ?? []).filter((s) => s.prerequisites.length === 0).slice(0, 1);
    return first.map((s) => ({ inputs: {}, stage: s.id, strategy: "initial" }));
  }
  if (info.shape === "pool") {
    const pool = world.pool?.() ?? [];
    const inInitial = pool.filter((e) => info.inputs.every((s) => !s.initial || (e[s.name] >= s.initial[0] && e[s.name] <= s.initial[1])));
    const from = inInitial.length >= Math.min(count, pool.length) ? inInitial : pool;
    const idx = from.map((_, i) => i);
    const chosen: Experiment[] = [];
    while (chosen.length < count && idx.length > 0) chosen.push(from[idx.splice(Math.floor(rng() * idx.length), 1)[0]]);
    return chosen.map((inputs) => ({ inputs, strategy: "initial" }));
  }
  return latinHypercube(info.inputs, count, rng, true).map((inputs) => ({ inputs, strategy: "initial" }));
}

/** A law as the Breaker sees it: predictions at unasked experiments from the world's inputs alone. */
export function predictor(info: WorldInfo, law: { expr: Expr; params: readonly number[]; law: string }, bits: number): Predictor {
  const names = info.inputs.map((s) => s.name);
  const usable = variablesOf(law.expr).every((v) => names.includes(v));
  const compiled = usable ? compile(law.expr, names) : undefined;
  return {
    law: law.law,
    bits,
    predict(exps) {
      if (!compiled) return new Float64Array(exps.length).fill(NaN);
      const cols = names.map((n) => Float64Array.from(exps, (e) => e[n]));
      return compiled.evaluate(cols, law.params);
    },
  };
}

/** Inputs of the run so far for the Breaker: answered experiments and their outputs, in order. */
export interface AskedSoFar {
  experiments: ExperimentRow[];
  observations: ObservationRow[];
}

/**
 * Chooses round `round`'s batch with the Breaker (and, when present, the Breaker agent for up to a
 * quarter of it). Deterministic given the run seed, the round and the journal.
 */
export async function breakerBatch(opts: {
  world: World;
  seed: number;
  round: number;
  count: number;
  mix: WeightedStrategy[];
  asked: AskedSoFar;
  current: Predictor;
  competitors: Predictor[];
  agents?: Agents;
  agentContext?: () => AgentContext;
  warn: (message: string) => void;
}): Promise<Planned[]> {
  const { world, round } = opts;
  const info = world.info;
  const rng = rngFor(opts.seed, "breaker", round);
  const answered = opts.asked.observations;
  const evExps = answered.map((o) => o.inputs);
  const evOut = answered.map((o) => o.output);
  const noise = fitNoiseModel(opts.current.predict(evExps), evOut.map((y) => (y === null ? NaN : y)));
  const base: Omit<BreakerContext, "candidates"> = {
    info,
    inputs: info.inputs,
    round,
    rng,
    evidence: { experiments: evExps, outputs: evOut },
    current: opts.current,
    competitors: opts.competitors,
    noise,
  };
  if (info.shape === "staged") {
    const { collected, collectable } = stageStatus(info, opts.asked.experiments);
    const pick = chooseStage({ ...base, candidates: [], collectableStages: collectable, collectedStages: collected }, opts.mix);
    return pick ? [{ inputs: {}, stage: pick.stage, strategy: pick.strategy }] : [];
  }
  // The random baseline samples the full range; the Breaker's strategies attack a region that grows from
  // the initial sub-range each round (see attackRegion).
  const randomOnly = opts.mix.every((m) => m.strategy.name === "random");
  const region = attackRegion(info.inputs, round);
  let candidates: Experiment[];
  if (info.shape === "pool") {
    const asked = new Set(opts.asked.experiments.map((e) => experimentKey(info, e.inputs)));
    candidates = (world.pool?.() ?? []).filter((e) => !asked.has(experimentKey(info, e)));

    if (candidates.length > MAX_POOL) {
      const r = rngFor(opts.seed, "pool", round);
      candidates = candidates.map((e) => [r(), e] as const).sort((a, b) => a[0] - b[0]).slice(0, MAX_POOL).map((x) => x[1]);
    }
  } else {
    const crng = rngFor(opts.seed, "candidates", round);
    candidates = randomOnly
      ? sampleUniform(info.inputs, CANDIDATES, crng)
      : [...sampleInRegion(info.inputs, region, CANDIDATES / 2, crng), ...sampleUniform(info.inputs, CANDIDATES / 2, crng)];
  }
  if (candidates.length === 0) return [];
  const planned: Planned[] = [];
  if (opts.agents?.breaker && opts.agentContext) {
    try {
      const want = Math.floor(opts.count / 4);
      const props = want > 0 ? await opts.agents.breaker.proposeExperiments(opts.agentContext(), want) : [];
      for (const p of props.slice(0, want)) {
        const e = clipExperiment(info.inputs, p.experiment);
        if (!e) continue;
        if (info.shape === "pool") {
          const k = nearestIndex(info, candidates, e);
          if (k < 0) continue;
          planned.push({ inputs: candidates[k], strategy: "agent" });
          candidates.splice(k, 1);
        } else planned.push({ inputs: e, strategy: "agent" });
      }
    } catch (err) {
      if (stopsRun(err)) throw err;
      opts.warn(`Breaker agent failed: ${(err as Error).message}`);
    }
  }
  const local = Uint8Array.from(candidates, (e) => (inRegion(info.inputs, region, e) ? 1 : 0));
  const anyLocal = local.some((x) => x === 1);
  // Where this batch starts in the run's sequence of designed experiments, so small batches rotate strategies.
  const designed = opts.asked.experiments.filter((e) => e.strategy !== "initial").length;
  const picks = chooseBatch({ ...base, candidates, ...(anyLocal && !randomOnly ? { local } : {}) }, opts.mix, opts.count - planned.length, designed);
  for (const p of picks) planned.push({ inputs: candidates[p.index], strategy: p.strategy });
  return planned;
}

function nearestIndex(info: WorldInfo, cands: readonly Experiment[], e: Experiment): number {
  let best = -1;
  let bd = Infinity;
  cands.forEach((c, i) => {
    let d = 0;
    for (const s of info.inputs) d += ((c[s.name] - e[s.name]) / (s.max - s.min || 1)) ** 2;
    if (d < bd) {
      bd = d;
      best = i;
    }
  });
  return best;
}

/** Asks the world for journaled, unanswered experiments; returns the answers to journal (in order). */
export async function askWorld(world: World, pending: readonly ExperimentRow[]): Promise<{ experimentSeq: number; observations: Observation[] }[]> {
  const out: { experimentSeq: number; observations: Observation[] }[] = [];
  const stageRows = pending.filter((p) => p.stage !== undefined);
  for (const p of stageRows) {
    if (!world.collect) throw new Error(`world '${world.info.name}' has stages but cannot collect them`);
    const obs = await world.collect(p.stage as string);
    out.push({ experimentSeq: p.seq, observations: obs.map((o) => ({ ...o, stage: o.stage ?? p.stage })) });
  }
  const runRows = pending.filter((p) => p.stage === undefined);
  if (runRows.length > 0) {
    const outputs = await world.run(runRows.map((p) => p.inputs));
    if (outputs.length !== runRows.length) throw new Error(`world '${world.info.name}' answered ${outputs.length} of ${runRows.length} experiments`);
    runRows.forEach((p, i) => {
      const y = outputs[i];
      out.push({ experimentSeq: p.seq, observations: [{ inputs: p.inputs, output: typeof y === "number" && Number.isFinite(y) ? y : null }] });
    });
  }
  return out.sort((a, b) => a.experimentSeq - b.experimentSeq);
}
