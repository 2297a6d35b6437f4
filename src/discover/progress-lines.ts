import type { RoundRecord } from "./types.js";

/** " (coverage 3, residuals 2)": how many experiments each strategy chose, for the "asking" line. */
export function strategyCounts(names: readonly string[]): string {
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = (counts[n] ?? 0) + 1;
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** The progress line of a finished round: law, bits, R², queries, and the break if there was one. */
export function roundLine(r: RoundRecord): string {
  const brk = r.break ? `  BREAK ${r.break.type} (−${r.break.gainBits.toFixed(1)} bits)` : "";
  return `round ${r.round}: ${r.law}  [${r.bits.toFixed(1)} bits, R² ${r.r2.toFixed(4)}, ${r.queries} queries]${brk}`;
}
