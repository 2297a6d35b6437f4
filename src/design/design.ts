/**
 * Inverse design: searches sequences whose predicted force response or vibrations match a target, then picks a
 * diverse set of the best (and of the worst, as controls), re-verifies each with many stochastic replicas and
 * measures its novelty against natural sequences. Pure orchestration over a ProteinPredictor and a SearchStrategy.
 */
import { DEFAULT_CONSTRAINTS, type SequenceConstraints } from "./constraints.js";
import { geneticAlgorithm } from "./genetic-algorithm.js";
import type { NaturalSequence } from "./natural-sequences.js";
import { hammingIdentity, novelty } from "./novelty.js";
import { forceError, modesError, modesR2 } from "./objective.js";
import type { ForceResult, ModesResult, ProteinPredictor } from "./predictor.js";
import { profileSearch } from "./profile-search.js";
import { randomSearch } from "./random-search.js";
import { deriveSeed } from "../random/index.js";
import type { SearchProgress, SearchStrategy } from "./search.js";
import type { ForceTarget, ModesTarget } from "./targets.js";

/** The registered search strategies. */
export const STRATEGIES: Readonly<Record<string, SearchStrategy>> = { profile: profileSearch, ga: geneticAlgorithm, random: randomSearch };

/** A design goal: a force target or a modes target. */
export type DesignGoal = { kind: "force"; target: ForceTarget } | { kind: "modes"; target: ModesTarget };

/** Everything a design run needs. */
export interface DesignRequest {
  /** What to aim at. */
  goal: DesignGoal;
  /** Sequence length. */
  length: number;
  /** Forward evaluations the search may spend. */
  budget: number;
  /** Seed of the whole run. */
  seed: number;
  /** Forward model. */
  predictor: ProteinPredictor;
  /** Natural sequences for novelty. */
  natural: readonly NaturalSequence[];
  /** Designs to return (default 5). */
  designs?: number;
  /** Controls to return (default 2). */
  controls?: number;
  /** Verification replicas per design (default 32). */
  replicas?: number;
  /** Replicas averaged per search evaluation (force; default 24: fewer lets the search overfit its replica seeds). */
  searchReplicas?: number;
  /** Highest identity allowed between two returned designs (default 0.7). */
  maxIdentity?: number;
  /** Sequence constraints. */
  constraints?: SequenceConstraints;
  /** Search strategy name (default "profile" for force, "ga" for modes). */
  strategy?: string;
  /** Stops the search cleanly; verification of the best so far still runs. */
  signal?: AbortSignal;
  /** Progress callback (after every generation). */
  onProgress?: (p: SearchProgress) => void;
}

/** One verified design (or control). */
export interface DesignRecord {
  /** The sequence. */
  sequence: string;
  /** Error during the search. */
  searchError: number;
  /** Verified error: of the replica-mean response (force) or mean over replicas (modes). */
  error: number;
  /** Mean prediction over replicas: {fmax, energy, history} or {modes, r2}. */
  predicted: { fmax: number; energy: number; history: number[] } | { modes: number[][]; r2: number[] };
  /** Standard deviations over replicas: {fmax, energy, error} or {r2: per mode, error}. */
  spread: { fmax: number; energy: number; error: number } | { r2: number[]; error: number };
  /** Highest sequence identity (0–1) to any natural sequence: 1 is a natural sequence or a fragment of one. */
  identity: number;
  /** Novelty, 1 − identity: 0 is a natural sequence, 1 shares nothing with any. */
  novelty: number;
  /** The natural sequence it is closest to. */
  nearest: string | null;
}

/** Outcome of a design run. */
export interface DesignOutcome {
  /** Best designs, best first. */
  designs: DesignRecord[];
  /** Worst-scoring admissible sequences of the search, as negative controls. */
  controls: DesignRecord[];
  /** Forward evaluations spent by the search. */
  evaluations: number;
  /** Best search error after each generation. */
  bestTrace: number[];
  /** True if the search was interrupted. */
  interrupted: boolean;
}

function meanSd(v: number[]): [number, number] {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return [m, Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1))];
}

/** Greedy diverse pick: in the given order, keep sequences no more than `maxIdentity` identical to those kept. */
export function diversePick(ranked: string[], k: number, maxIdentity: number): string[] {
  const kept: string[] = [];
  for (const s of ranked) {
    if (kept.length >= k) break;
    if (kept.every((t) => hammingIdentity(s, t) <= maxIdentity)) kept.push(s);
  }
  return kept;
}

async function verify(req: DesignRequest, sequences: string[], searchErrors: Map<string, number>): Promise<DesignRecord[]> {
  if (sequences.length === 0) return [];
  const replicas = Math.max(1, req.replicas ?? 32);
  const perReplica: (ForceResult | ModesResult)[][] = [];
  for (let r = 0; r < replicas; r++) {
    // Modes: seed 0 would be the unperturbed trace the search saw; verification uses fresh, non-zero seeds.
    const seed = (deriveSeed(req.seed, "verify", r) % 2147483646) + 1;
    perReplica.push(req.goal.kind === "force"
      ? await req.predictor.force(sequences, { seed, replicas: 1 })
      : await req.predictor.modes(sequences, { seed, replicas: 1, bfactors: false }));
  }
  return sequences.map((sequence, i) => {
    const nov = novelty(sequence, req.natural);
    const results = perReplica.map((rep) => rep[i]);
    const common = { sequence, searchError: searchErrors.get(sequence) ?? NaN, identity: nov.identity, novelty: 1 - nov.identity, nearest: nov.nearest };
    if (req.goal.kind === "force") {
      const t = req.goal.target;
      const fr = results as ForceResult[];
      const [fmax, fsd] = meanSd(fr.map((r) => r.fmax));
      const [energy, esd] = meanSd(fr.map((r) => r.energy));
      const [, errsd] = meanSd(fr.map((r) => forceError(r, t)));
      const hist = new Array(fr[0].history.length).fill(0);
      for (const r of fr) r.history.forEach((h, k) => { hist[k] += (h * r.fmax) / fr.length; });
      const history = hist.map((h) => (fmax > 0 ? h / fmax : 0));
      // The error of the replica-mean response: a target curve is itself a mean response.
      const error = forceError({ fmax, energy, history }, t);
      return { ...common, error, predicted: { fmax, energy, history }, spread: { fmax: fsd, energy: esd, error: errsd } };
    }
    const t = req.goal.target;
    const mr = results as ModesResult[];
    const r2s = mr.map((r) => modesR2(r, t));
    const r2 = t.modes.map((_, k) => meanSd(r2s.map((v) => v[k])));
    const [error, errsd] = meanSd(mr.map((r) => modesError(r, t)));
    const modes = t.modes.map((m, k) => m.map((_, j) => mr.reduce((s, r) => s + (r.modes[k]?.[j] ?? 0), 0) / mr.length));
    // Modes replicas perturb the geometry; the error is the mean over replicas, each a possible real structure.
    return { ...common, error, predicted: { modes, r2: r2.map((x) => x[0]) }, spread: { r2: r2.map((x) => x[1]), error: errsd } };
  });
}

/** Runs a design: search, diverse selection, verification and novelty. */
export async function runDesign(req: DesignRequest): Promise<DesignOutcome> {
  // Defaults measured in BENCHMARKS.md (design): the profile strategy on force targets, the genetic algorithm
  // on the more rugged modes landscape.
  const strategy = STRATEGIES[req.strategy ?? (req.goal.kind === "force" ? "profile" : "ga")];
  if (!strategy) throw new Error(`unknown search strategy '${req.strategy}'`);
  const searchReplicas = req.searchReplicas ?? 24;
  const searchSeed = deriveSeed(req.seed, "search-replicas");
  const evaluate = async (seqs: string[]): Promise<number[]> => {
    if (req.goal.kind === "force") {
      const t = req.goal.target;
      // Common random numbers: every candidate is pulled with the same replica seeds, so rankings are fair.
      return (await req.predictor.force(seqs, { seed: searchSeed, replicas: searchReplicas })).map((p) => forceError(p, t));
    }
    const t = req.goal.target;
    return (await req.predictor.modes(seqs, { seed: 0, replicas: 1, bfactors: false })).map((p) => modesError(p, t));
  };
  const { archive } = await strategy({
    length: req.length,
    constraints: req.constraints ?? DEFAULT_CONSTRAINTS,
    evaluate,
    budget: req.budget,
    seed: deriveSeed(req.seed, "search"),
    signal: req.signal,
    onGeneration: req.onProgress,
  });
  const maxId = req.maxIdentity ?? 0.7;
  const ranked = [...archive.errors.entries()].filter(([, e]) => Number.isFinite(e)).sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const k = req.designs ?? 5;
  // The search ranks by a few replicas, so its very best are partly lucky: verify a larger diverse pool and
  // keep the best by verified error (every strategy gets the same treatment, so comparisons stay fair).
  const pool = diversePick(ranked, (req.goal.kind === "force" ? 4 : 2) * k, maxId);
  const designs = (await verify(req, pool, archive.errors)).sort((a, b) => a.error - b.error).slice(0, k);
  const chosen = new Set(designs.map((d) => d.sequence));
  const worst = diversePick([...ranked].reverse().filter((s) => !chosen.has(s)), req.controls ?? 2, maxId);
  const controls = await verify(req, worst, archive.errors);
  return { designs, controls, evaluations: archive.evaluations, bestTrace: archive.bestTrace, interrupted: req.signal?.aborted ?? false };
}
