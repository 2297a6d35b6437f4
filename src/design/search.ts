/**
 * What every sequence-search strategy shares: the problem it is given, an archive that caches evaluations and
 * enforces the budget of forward evaluations, and the result it returns.
 */
import { AMINO_ACIDS } from "./amino-acids.js";
import { repair, type SequenceConstraints } from "./constraints.js";
import type { Rng } from "../random/index.js";

/** Progress of a search after a generation. */
export interface SearchProgress {
  /** Forward evaluations spent so far. */
  evaluations: number;
  /** Lowest error so far. */
  best: number;
  /** Sequence with the lowest error. */
  bestSequence: string;
}

/** A design problem as a search strategy sees it. */
export interface SearchProblem {
  /** Length of every candidate. */
  length: number;
  /** Constraints every candidate must meet. */
  constraints: SequenceConstraints;
  /** Errors of a batch of sequences (lower is better), in order. */
  evaluate(sequences: string[]): Promise<number[]>;
  /** Maximum number of forward evaluations. */
  budget: number;
  /** Seed of the search. */
  seed: number;
  /** Candidates per generation (default 24). */
  batch?: number;
  /** Stops the search cleanly between generations. */
  signal?: AbortSignal;
  /** Called after every generation. */
  onGeneration?: (p: SearchProgress) => void;
}

const ELITE_SIZE = 64;

/** Every sequence evaluated and its error, with the budget bookkeeping. */
export class Archive {
  /** Error of every evaluated sequence, in evaluation order. */
  readonly errors = new Map<string, number>();
  /** Best error after each generation. */
  readonly bestTrace: number[] = [];
  private bestSeq = "";
  private bestErr = Infinity;
  // The best ELITE_SIZE entries, kept sorted on insertion so `top` does not sort the whole archive each generation.
  private readonly elite: [string, number][] = [];

  constructor(private readonly problem: SearchProblem) {}

  /** Forward evaluations spent. */
  get evaluations(): number { return this.errors.size; }
  /** Evaluations left in the budget. */
  get remaining(): number { return Math.max(0, this.problem.budget - this.errors.size); }
  /** True when the budget is spent or the run was interrupted. */
  get done(): boolean { return this.remaining === 0 || (this.problem.signal?.aborted ?? false); }

  /** Evaluates the new sequences of a batch (within budget) and reports progress; returns the batch's errors. */
  async evaluate(batch: string[]): Promise<number[]> {
    const fresh = [...new Set(batch.filter((s) => !this.errors.has(s)))].slice(0, this.remaining);
    if (fresh.length > 0) {
      const errs = await this.problem.evaluate(fresh);
      fresh.forEach((s, i) => {
        const e = Number.isFinite(errs[i]) ? errs[i] : Infinity;
        this.errors.set(s, e);
        if (e < this.bestErr) { this.bestErr = e; this.bestSeq = s; }
        if (this.elite.length < ELITE_SIZE || e < this.elite[this.elite.length - 1][1]) {
          let at = this.elite.length;
          while (at > 0 && this.elite[at - 1][1] > e) at--;
          this.elite.splice(at, 0, [s, e]);
          if (this.elite.length > ELITE_SIZE) this.elite.pop();
        }
      });
    }
    this.bestTrace.push(this.bestErr);
    // Let timers and signal handlers (Ctrl-C) run: a built-in predictor never yields to the event loop itself.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.problem.onGeneration?.({ evaluations: this.evaluations, best: this.bestErr, bestSequence: this.bestSeq });
    return batch.map((s) => this.errors.get(s) ?? Infinity);
  }

  /** The `k` best sequences so far, best first. */
  top(k: number): [string, number][] {
    if (k <= ELITE_SIZE) return this.elite.slice(0, k);
    return [...this.errors.entries()].sort((a, b) => a[1] - b[1]).slice(0, k);
  }
}

/** Outcome of a search. */
export interface SearchResult {
  /** Every evaluated sequence and its error. */
  archive: Archive;
}

/** A search strategy. */
export type SearchStrategy = (problem: SearchProblem) => Promise<SearchResult>;

/** A uniformly random admissible sequence. */
export function randomSequence(length: number, constraints: SequenceConstraints, rng: Rng): string {
  let s = "";
  for (let i = 0; i < length; i++) s += AMINO_ACIDS[rng.int(20)];
  return repair(s, constraints, rng);
}
