import { roundLawText } from "../expr/significant.js";
import type { RoundRecord, RunResult } from "./types.js";

/** " (coverage 3, residuals 2)": how many experiments each strategy chose, for the "asking" line. */
export function strategyCounts(names: readonly string[]): string {
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = (counts[n] ?? 0) + 1;
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/**
 * The progress line of a finished round: the law (constants to 5 significant figures), its bits, R², the
 * measurements so far, and the break if there was one, in words.
 */
export function roundLine(r: RoundRecord): string {
  const brk = r.break ? `  BREAK (${r.break.type.replace(/_/g, " ")}): the new law is ${Math.round(r.break.gainBits)} bits shorter than the old one on the same ${r.queries} measurements` : "";
  return `round ${r.round}: ${roundLawText(r.law)}  [${Math.round(r.bits)} bits, R² ${r.r2.toFixed(4)}, ${r.queries} measurements]${brk}`;
}

/** The last progress line of a run: why it stopped and the law it ended at, rounded for reading. */
export function finalLine(result: Pick<RunResult, "finalLaw" | "stopReason">, aborted: boolean): string {
  return `${aborted ? "stopped" : "done"} (${result.stopReason}): ${roundLawText(result.finalLaw)}`;
}
