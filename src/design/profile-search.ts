/**
 * The default design search: an estimation-of-distribution evolution strategy over a position-specific profile
 * (a 20 × length matrix of residue probabilities, as in PBIL / the cross-entropy method), with elite mutation.
 * Each generation:
 *   a quarter of the candidates are uniformly random immigrants, a quarter are drawn from the profile, and half
 *   are elites of the archive (chosen by rank) with 1–4 positions re-drawn from the profile, or (40 %) a
 *   one-point crossover of two elites — so the profile steers mutations toward residues that worked there;
 *   the profile moves toward the archive's μ best, with CMA-ES recombination weights w_r ∝ ln(μ + ½) − ln r,
 *   P ← (1 − α) P + α Σ w_r onehot(seq_r), α = 0.1, then mixed with 5 % uniform to keep exploring.
 */
import { AMINO_ACIDS, AA_INDEX } from "./amino-acids.js";
import { repair } from "./constraints.js";
import { Rng } from "../random/index.js";
import { Archive, type SearchProblem, type SearchResult } from "./search.js";

// Tuned on held-out force and modes targets (BENCHMARKS.md (design)): a slow profile with a 5 % uniform floor
// and a quarter of random immigrants keeps the search from collapsing onto the first mechanical class it finds.
const ALPHA = 0.1;
const FLOOR = 0.05;
const CROSS = 0.4;
const SAMPLE = 0.25;
const IMMIGRANTS = 0.25;

/** Profile-guided evolution strategy. */
export async function profileSearch(problem: SearchProblem): Promise<SearchResult> {
  const rng = new Rng(problem.seed);
  const archive = new Archive(problem);
  const n = problem.length;
  const size = problem.batch ?? 24;
  const mu = Math.max(2, Math.floor(size / 3));
  const profile = Array.from({ length: n }, () => new Float64Array(20).fill(1 / 20));
  const weights = Array.from({ length: mu }, (_, r) => Math.log(mu + 0.5) - Math.log(r + 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const drawAt = (i: number): string => AMINO_ACIDS[rng.weighted(profile[i])];
  while (!archive.done) {
    const elites = archive.top(mu).map(([s]) => s);
    const batch: string[] = [];
    for (let c = 0; c < size; c++) {
      let s: string;
      if (c < IMMIGRANTS * size) {
        s = "";
        for (let i = 0; i < n; i++) s += AMINO_ACIDS[rng.int(20)];
      } else if (elites.length === 0 || c < (IMMIGRANTS + SAMPLE) * size) {
        s = "";
        for (let i = 0; i < n; i++) s += drawAt(i);
      } else if (elites.length > 1 && rng.next() < CROSS) {
        const a = elites[rng.weighted(weights.slice(0, elites.length))];
        const b = elites[rng.weighted(weights.slice(0, elites.length))];
        const cut = 1 + rng.int(n - 1);
        s = a.slice(0, cut) + b.slice(cut);
      } else {
        const chars = elites[rng.weighted(weights.slice(0, elites.length))].split("");
        const m = 1 + rng.int(4);
        for (let k = 0; k < m; k++) { const i = rng.int(n); chars[i] = drawAt(i); }
        s = chars.join("");
      }
      batch.push(repair(s, problem.constraints, rng));
    }
    const before = archive.evaluations;
    await archive.evaluate(batch);
    const best = archive.top(mu);
    for (let i = 0; i < n; i++) {
      const target = new Float64Array(20);
      best.forEach(([s], r) => { target[AA_INDEX[s[i]]] += weights[r] / wsum; });
      const row = profile[i];
      for (let a = 0; a < 20; a++) row[a] = (1 - FLOOR) * ((1 - ALPHA) * row[a] + ALPHA * target[a]) + FLOOR / 20;
    }
    if (archive.evaluations === before) {
      // Every candidate was already known: widen the profile rather than loop without spending budget.
      for (const row of profile) for (let a = 0; a < 20; a++) row[a] = 0.5 * row[a] + 0.5 / 20;
    }
  }
  return { archive };
}
