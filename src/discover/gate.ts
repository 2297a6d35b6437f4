import type { Expr } from "../expr/index.js";
import { classifyRevision } from "./classify.js";
import { structureKey } from "../core/law.js";
import type { BreakType } from "./types.js";

/** A law as the gate compares it: its form and its description length on the round's evidence. */
export interface GatedLaw {
  expr: Expr;
  bits: { total: number };
}

/**
 * The gate's verdict on the round's best candidate: `accept` it (a break, or a parameter update when the
 * form is the same), `reject` a different form that did not save enough, or `keep` (no candidate, or the
 * same form without enough gain: nothing to report).
 */
export type GateVerdict =
  | { kind: "accept"; revision: BreakType; gainBits: number }
  | { kind: "reject"; gainBits: number; reason: string }
  | { kind: "keep"; gainBits: number };

/**
 * Does `best` replace `current`? Only when it codes the same evidence in more than `thresholdBits` fewer
 * bits (both scored by the same rule on the same rows); the accepted revision is then classified against
 * the world's `inputs` (see classifyRevision).
 */
export function gate(current: GatedLaw, best: GatedLaw | undefined, thresholdBits: number, inputs: readonly string[]): GateVerdict {
  if (!best) return { kind: "keep", gainBits: -Infinity };
  const gainBits = current.bits.total - best.bits.total;
  if (gainBits > thresholdBits) return { kind: "accept", revision: classifyRevision(current.expr, best.expr, inputs), gainBits };
  if (structureKey(best.expr) === structureKey(current.expr)) return { kind: "keep", gainBits };
  const reason = gainBits > 0 ? `saves only ${gainBits.toFixed(1)} bits (threshold ${thresholdBits})` : "does not shorten the description";
  return { kind: "reject", gainBits, reason };
}
