/** Baseline: uniformly random admissible sequences, in batches, until the budget is spent. */
import { Rng } from "../random/index.js";
import { Archive, randomSequence, type SearchProblem, type SearchResult } from "./search.js";

/** Random search over sequences of the problem's length. */
export async function randomSearch(problem: SearchProblem): Promise<SearchResult> {
  const rng = new Rng(problem.seed);
  const archive = new Archive(problem);
  const batch = problem.batch ?? 24;
  while (!archive.done) {
    const before = archive.evaluations;
    await archive.evaluate(Array.from({ length: batch }, () => randomSequence(problem.length, problem.constraints, rng)));
    if (archive.evaluations === before) break;
  }
  return { archive };
}
