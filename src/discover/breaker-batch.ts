import { attackRegion, inRegion, sampleInRegion } from "../breaker/space.js";
import { chooseBatch, chooseStage, clipExperiment, fitNoiseEstimate, sampleUniform } from "../breaker/index.js";
import { derive } from "../random/index.js";
import type { BreakerContext, Predictor, WeightedStrategy } from "../breaker/index.js";
import type { Experiment, World, WorldInfo } from "../worlds/world.js";
import { stopsRun, type AgentContext, type BreakerAgent } from "./agents.js";
import { experimentKey, stageStatus, type Planned } from "./experiments.js";
import type { ExperimentRow, ObservationRow } from "./run-journal.js";

/** Candidate points generated per round for simulator worlds (the Breaker scores them without running them). */
const CANDIDATES = 1024;
/** Largest pool the Breaker scores at once (bigger pools are subsampled, seeded). */
const MAX_POOL = 4000;

/** Inputs of the run so far for the Breaker: answered experiments and their outputs, in order. */
export interface AskedSoFar {
  experiments: ExperimentRow[];
  observations: ObservationRow[];
}

/** What the Breaker needs to choose one round's batch. */
export interface BatchRequest {
  world: World;
  seed: number;
  round: number;
  count: number;
  mix: WeightedStrategy[];
  asked: AskedSoFar;
  current: Predictor;
  competitors: Predictor[];
  /** The Breaker agent, when the run has one, and what it is shown (built only if it is asked). */
  agent?: BreakerAgent;
  agentContext?: () => AgentContext;
  warn: (message: string) => void;
}

/**
 * Chooses round `round`'s batch with the Breaker (and, when present, the Breaker agent for up to a
 * quarter of it). Deterministic given the run seed, the round and the journal.
 */
export async function breakerBatch(req: BatchRequest): Promise<Planned[]> {
  const { world, round } = req;
  const info = world.info;
  const rng = derive(req.seed, "breaker", round).next;
  const answered = req.asked.observations;
  const evExps = answered.map((o) => o.inputs);
  const evOut = answered.map((o) => o.output);
  const noise = fitNoiseEstimate(req.current.predict(evExps), evOut.map((y) => (y === null ? NaN : y)));
  const base: Omit<BreakerContext, "candidates"> = {
    info,
    inputs: info.inputs,
    round,
    rng,
    evidence: { experiments: evExps, outputs: evOut },
    current: req.current,
    competitors: req.competitors,
    noise,
  };
  if (info.shape === "staged") {
    const { collected, collectable } = stageStatus(info, req.asked.experiments);
    const pick = chooseStage({ ...base, candidates: [], collectableStages: collectable, collectedStages: collected }, req.mix);
    return pick ? [{ inputs: {}, stage: pick.stage, strategy: pick.strategy }] : [];
  }
  // The random baseline samples the full range; the Breaker's strategies attack a region that grows from
  // the initial sub-range each round (see attackRegion).
  const randomOnly = req.mix.every((m) => m.strategy.name === "random");
  const region = attackRegion(info.inputs, round);
  const candidates = candidatePool(req, randomOnly, region);
  if (candidates.length === 0) return [];
  const planned = await agentExperiments(req, candidates);
  const local = Uint8Array.from(candidates, (e) => (inRegion(info.inputs, region, e) ? 1 : 0));
  const anyLocal = local.some((x) => x === 1);
  // Where this batch starts in the run's sequence of designed experiments, so small batches rotate strategies.
  const designed = req.asked.experiments.filter((e) => e.strategy !== "initial").length;
  const picks = chooseBatch({ ...base, candidates, ...(anyLocal && !randomOnly ? { local } : {}) }, req.mix, req.count - planned.length, designed);
  for (const p of picks) planned.push({ inputs: candidates[p.index], strategy: p.strategy });
  return planned;
}

/** The experiments the Breaker may choose from: unasked pool rows (subsampled, seeded), or generated points. */
function candidatePool(req: Pick<BatchRequest, "world" | "seed" | "round" | "asked">, randomOnly: boolean, region: Array<[number, number]>): Experiment[] {
  const info = req.world.info;
  if (info.shape === "pool") {
    const asked = new Set(req.asked.experiments.map((e) => experimentKey(info, e.inputs)));
    let candidates = (req.world.pool?.() ?? []).filter((e) => !asked.has(experimentKey(info, e)));
    if (candidates.length > MAX_POOL) {
      const r = derive(req.seed, "pool", req.round).next;
      candidates = candidates.map((e) => [r(), e] as const).sort((a, b) => a[0] - b[0]).slice(0, MAX_POOL).map((x) => x[1]);
    }
    return candidates;
  }
  const crng = derive(req.seed, "candidates", req.round).next;
  return randomOnly
    ? sampleUniform(info.inputs, CANDIDATES, crng)
    : [...sampleInRegion(info.inputs, region, CANDIDATES / 2, crng), ...sampleUniform(info.inputs, CANDIDATES / 2, crng)];
}

/**
 * Up to a quarter of the batch proposed by the Breaker agent, clipped to the world's ranges (pool worlds:
 * the nearest unasked row, removed from `candidates`). An agent failure is a warning, unless it must stop the run.
 */
async function agentExperiments(req: Pick<BatchRequest, "world" | "count" | "agent" | "agentContext" | "warn">, candidates: Experiment[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  if (!req.agent || !req.agentContext) return planned;
  const info = req.world.info;
  try {
    const want = Math.floor(req.count / 4);
    const props = want > 0 ? await req.agent.proposeExperiments(req.agentContext(), want) : [];
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
    // An agent is code outside the loop behind the Agents seam (a language model, a test double); whatever
    // it throws costs this round its proposals, never the run, unless it asks to stop the run.
    if (stopsRun(err)) throw err;
    req.warn(`Breaker agent failed: ${(err as Error).message}`);
  }
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
