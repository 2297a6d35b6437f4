/**
 * Baseline: a plain generational genetic algorithm — tournament selection (size 3), uniform crossover
 * (probability 0.9), per-position point mutation (rate 1/length, uniform residue), elitism of two.
 */
import { AMINO_ACIDS } from "./amino-acids.js";
import { repair } from "./constraints.js";
import { Rng } from "../random/index.js";
import { Archive, randomSequence, type SearchProblem, type SearchResult } from "./search.js";

/** Genetic-algorithm search. */
export async function geneticAlgorithm(problem: SearchProblem): Promise<SearchResult> {
  const rng = new Rng(problem.seed);
  const archive = new Archive(problem);
  const size = problem.batch ?? 24;
  const n = problem.length;
  let pop = Array.from({ length: size }, () => randomSequence(n, problem.constraints, rng));
  let fit = await archive.evaluate(pop);
  const tournament = (): string => {
    let best = rng.int(size);
    for (let k = 1; k < 3; k++) { const c = rng.int(size); if (fit[c] < fit[best]) best = c; }
    return pop[best];
  };
  while (!archive.done) {
    const order = pop.map((_, i) => i).sort((a, b) => fit[a] - fit[b]);
    const next = [pop[order[0]], pop[order[1]]];
    while (next.length < size) {
      const a = tournament();
      const b = tournament();
      let child = "";
      const cross = rng.next() < 0.9;
      for (let i = 0; i < n; i++) {
        let c = cross && rng.next() < 0.5 ? b[i] : a[i];
        if (rng.next() < 1 / n) c = AMINO_ACIDS[rng.int(20)];
        child += c;
      }
      next.push(repair(child, problem.constraints, rng));
    }
    const before = archive.evaluations;
    pop = next;
    fit = await archive.evaluate(pop);
    if (archive.evaluations === before && !archive.done) {
      // Converged onto evaluated sequences: inject fresh ones so the budget is still spent usefully.
      pop[size - 1] = randomSequence(n, problem.constraints, rng);
    }
  }
  return { archive };
}
