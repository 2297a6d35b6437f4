/**
 * One island's evolution: age-regularised tournament evolution (SymbolicRegression.jl's
 * RegularizedEvolution). Each step breeds one child from tournament winners; the child replaces the
 * oldest member, so no lineage lives forever and the search keeps moving.
 */
import { ComplexityFrequency, selectionScore } from "./adaptive-parsimony.js";
import { acceptChild, temperature } from "./annealing.js";
import type { HallOfFame } from "./hall-of-fame.js";
import { crossover, mutate } from "./mutate.js";
import type { OperatorSet } from "./operators.js";
import type { PopMember } from "./pop-member.js";
import { randomTree } from "./random-tree.js";
import { Rng } from "../random/index.js";
import type { Scorer } from "./scoring.js";
import { countNodes, powersAreFixed, treeDepth } from "./tree-ops.js";

/** Tunables of the evolutionary search. */
export interface EvolutionConfig {
  populationSize: number;
  tournamentSize: number;
  maxSize: number;
  maxDepth: number;
  crossoverRate: number;
  parsimony: number;
  adaptiveParsimony: number;
  operators: OperatorSet;
  /**
   * Simulated annealing's scale α (annealing.ts): a child worse than its parent is kept with probability
   * exp(−Δscore/(α·T)), T falling from 1 to 0 over each epoch; 0 or absent keeps every child.
   */
  annealingAlpha?: number;
}

/** The part of an island that persists between epochs. */
export interface IslandState {
  members: PopMember[];
  /** Steps taken so far (member birth stamps). */
  step: number;
}

/** Creates a random population of `populationSize` scored members (plus any seeds given). */
export function initIsland(scorer: Scorer, variables: readonly string[], cfg: EvolutionConfig, rng: Rng, seeds: PopMember[] = []): IslandState {
  const members: PopMember[] = seeds.slice(0, cfg.populationSize);
  let guard = 0;
  while (members.length < cfg.populationSize && guard++ < cfg.populationSize * 20) {
    const m = scorer.score(randomTree(rng, variables, cfg.operators, 3 + rng.int(2)), 0, rng.fork());
    if (m) members.push(m);
  }
  return { members, step: 0 };
}

/**
 * Runs up to `steps` breeding steps, offering every child to the hall of fame. Stops early when
 * `shouldStop` says so (checked every few steps) or after `maxFits` new fits.
 */
export function evolveIsland(
  state: IslandState,
  scorer: Scorer,
  hof: HallOfFame,
  variables: readonly string[],
  cfg: EvolutionConfig,
  rng: Rng,
  steps: number,
  maxFits: number,
  shouldStop: () => boolean,
): IslandState {
  const members = state.members.slice();
  const freq = new ComplexityFrequency();
  for (const m of members) freq.record(m.complexity);
  const fits0 = scorer.evaluations;
  let step = state.step;
  const alpha = cfg.annealingAlpha ?? 0;
  const score = (m: PopMember) => selectionScore(m.loss, m.complexity, freq.frequency(m.complexity), cfg.parsimony, cfg.adaptiveParsimony);
  // Without annealing every child is kept; with it, a worse child may give way to a fresh copy of its parent.
  const kept = (child: PopMember, parent: PopMember, progress: number): PopMember => {
    if (alpha <= 0 || acceptChild(score(child), score(parent), temperature(progress), alpha, rng.next())) return child;
    return { ...parent, birth: step };
  };
  for (let s = 0; s < steps; s++) {
    if ((s & 15) === 0 && shouldStop()) break;
    if (scorer.evaluations - fits0 >= maxFits) break;
    if (members.length === 0) break;
    step++;
    const parent = tournament(members, rng, cfg, freq);
    const child = rng.next() < cfg.crossoverRate ? crossover(parent.expr, tournament(members, rng, cfg, freq).expr, rng) : mutate(parent.expr, rng, variables, cfg.operators);
    if (countNodes(child) > cfg.maxSize * 2 || treeDepth(child) > cfg.maxDepth || !powersAreFixed(child)) continue;
    const m = scorer.score(child, step, rng.fork(), rng.next(), parent.loss);
    if (!m || m.complexity > cfg.maxSize) continue;
    freq.record(m.complexity);
    hof.offer(m);
    let oldest = 0;
    for (let k = 1; k < members.length; k++) if (members[k].birth < members[oldest].birth) oldest = k;
    members[oldest] = kept(m, parent, s / steps);
  }
  return { members, step };
}

function tournament(members: PopMember[], rng: Rng, cfg: EvolutionConfig, freq: ComplexityFrequency): PopMember {
  let best: PopMember | null = null;
  let bestScore = Infinity;
  for (let k = 0; k < cfg.tournamentSize; k++) {
    const m = members[rng.int(members.length)];
    const s = selectionScore(m.loss, m.complexity, freq.frequency(m.complexity), cfg.parsimony, cfg.adaptiveParsimony);
    if (s < bestScore) {
      bestScore = s;
      best = m;
    }
  }
  return best ?? members[0];
}
