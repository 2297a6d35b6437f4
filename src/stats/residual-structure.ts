/**
 * Structure left in residuals: if a law has captured everything but noise, the residuals ordered by any
 * input are a random sequence. Two tests per input: the Wald–Wolfowitz runs test on the residuals' signs
 * (too few runs: the law misses a trend or a curvature along that input) and the lag-1 autocorrelation
 * (positive: neighbours along the input err alike), both one-sided.
 */
import { normalSurvival } from "./normal-distribution.js";

/** The runs test on a sequence's signs (zeros dropped). */
export interface RunsTest {
  /** Runs of equal sign. */
  runs: number;
  /** Expected runs for a random order of the same signs: 1 + 2·n₊·n₋/n. */
  expected: number;
  /** (runs − expected)/sd; negative when runs are too few (structure). */
  z: number;
  /** One-sided P(runs this few or fewer) under randomness (normal approximation); 1 when undefined. */
  pValue: number;
}

/** Runs test on the signs of `values` in the given order. */
export function runsTest(values: ArrayLike<number>): RunsTest {
  let plus = 0;
  let minus = 0;
  let runs = 0;
  let last = 0;
  for (let i = 0; i < values.length; i++) {
    const s = Math.sign(values[i]);
    if (s === 0 || Number.isNaN(s)) continue;
    if (s > 0) plus++;
    else minus++;
    if (s !== last) runs++;
    last = s;
  }
  const n = plus + minus;
  const expected = n > 0 ? 1 + (2 * plus * minus) / n : 0;
  const variance = n > 1 ? (2 * plus * minus * (2 * plus * minus - n)) / (n * n * (n - 1)) : 0;
  if (!(variance > 0)) return { runs, expected, z: 0, pValue: 1 };
  const z = (runs - expected) / Math.sqrt(variance);
  return { runs, expected, z, pValue: 1 - normalSurvival(z) };
}

/** Lag-1 autocorrelation Σ(r_i − m)(r_{i+1} − m)/Σ(r_i − m)² of a sequence (0 for fewer than 3 values). */
export function lag1Autocorrelation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 3) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    den += d * d;
    if (i + 1 < n) num += d * (values[i + 1] - mean);
  }
  return den > 0 ? num / den : 0;
}

/** The tests along one input. */
export interface InputStructure {
  variable: string;
  runs: RunsTest;
  lag1: number;
  /** One-sided P(lag-1 autocorrelation this large or larger) under randomness, from r·√n ~ N(0, 1). */
  lag1PValue: number;
}

/** Structure tests of residuals along every input. */
export interface ResidualStructure {
  byInput: InputStructure[];
  /** Smallest p-value of both tests over the inputs, times twice their number (Bonferroni), capped at 1. */
  pValue: number;
  /** Whether pValue < 0.01: the residuals are not random along some input. */
  structured: boolean;
}

/**
 * Runs test and lag-1 autocorrelation of `residuals` ordered by each input column (rows with a non-finite
 * residual or input are left out). Residuals should be standardised by the noise scales when there are any,
 * though signs (the runs test) do not depend on it.
 */
export function residualStructure(residuals: ArrayLike<number>, columns: readonly ArrayLike<number>[], names: readonly string[]): ResidualStructure {
  const byInput: InputStructure[] = columns.map((col, c) => {
    const rows: number[] = [];
    for (let i = 0; i < residuals.length; i++) if (Number.isFinite(residuals[i]) && Number.isFinite(col[i])) rows.push(i);
    rows.sort((a, b) => col[a] - col[b] || a - b);
    const ordered = rows.map((i) => residuals[i]);
    const lag1 = lag1Autocorrelation(ordered);
    return { variable: names[c], runs: runsTest(ordered), lag1, lag1PValue: ordered.length >= 3 ? normalSurvival(lag1 * Math.sqrt(ordered.length)) : 1 };
  });
  const minP = byInput.reduce((m, s) => Math.min(m, s.runs.pValue, s.lag1PValue), 1);
  const pValue = Math.min(1, minP * 2 * Math.max(1, byInput.length));
  return { byInput, pValue, structured: pValue < 0.01 };
}
