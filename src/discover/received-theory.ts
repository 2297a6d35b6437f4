import type { Evidence } from "../core/evidence.js";
import { ParseError, type Expr } from "../expr/index.js";
import type { WorldInfo } from "../worlds/world.js";
import { deriveSeed } from "../random/index.js";
import { DiscoverError } from "./errors.js";
import { evidenceGain, predictiveFailureBits } from "./falsification.js";
import { assessLaw, parseLaw } from "./laws.js";
import type { RoundLog } from "./round-env.js";
import type { LawState } from "../core/law.js";
import type { LoopState } from "./types.js";

/**
 * The received theory's fate: fitted in round 0 to the initial evidence (its home ground), refitted every
 * round while it is tracked, and falsified once the evidence contradicts it (see falsification.ts).
 */

/** The received theory parsed over the evidence and fitted to it (undefined fit: a warning, the run goes on). */
export function fitReceived(
  info: Pick<WorldInfo, "name" | "receivedTheory">,
  evidence: Evidence,
  derivedDefs: Record<string, string>,
  seed: number,
  log: RoundLog,
): { expr?: Expr; fit?: LawState } {
  const received = info.receivedTheory;
  if (!received) return {};
  let expr: Expr;
  try {
    expr = parseLaw(received, evidence.variables);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new DiscoverError(`world '${info.name}': its received theory '${received}' does not parse: ${err.message}`);
  }
  const fit = assessLaw(expr, [], evidence, derivedDefs, { refit: true, restarts: 12, seed: deriveSeed(seed, "received") });
  if (!fit) log.emit({ type: "warning", runId: log.runId, round: 0, message: `the received theory '${received}' could not be fitted to the initial evidence` });
  return fit ? { expr, fit } : { expr };
}

/** The received theory refitted on this round's evidence, while it is tracked (undefined once falsified, or without one). */
export function refitReceived(
  prev: Pick<LoopState, "received" | "falsification">,
  evidence: Evidence,
  derivedDefs: Record<string, string>,
  scope: { seed: number; round: number },
): LawState | undefined {
  if (!prev.received || prev.falsification) return undefined;
  return assessLaw(prev.received.expr, prev.received.params, evidence, derivedDefs, { refit: true, restarts: 6, seed: deriveSeed(scope.seed, "received", scope.round) });
}

/** What the falsification test needs besides the two laws. */
export interface FalsificationScope {
  evidence: Evidence;
  /** Rows of round 0: the received theory's home ground. */
  initialRows: readonly number[];
  derivedDefs: Record<string, string>;
  thresholdBits: number;
  seed: number;
  round: number;
  queries: number;
}

/**
 * Whether this round falsifies the received theory `rec`, judged against `winner` (the law the round ends
 * with, or its best challenger when shorter). Only evidence falsifies: Chow's predictive-failure test of the
 * theory against its home ground, in bits; where that test cannot be made, the winner's lead in bits less
 * the lead it had on the initial rows. Returns the falsification to journal, or null.
 */
export function falsifyReceived(rec: LawState, winner: LawState, at: FalsificationScope): LoopState["falsification"] {
  const gAll = rec.bits.total - winner.bits.total;
  const seed = deriveSeed(at.seed, "falsification", at.round);
  const g =
    predictiveFailureBits(rec, at.evidence, at.initialRows, at.derivedDefs, seed) ??
    (gAll > at.thresholdBits ? evidenceGain(gAll, rec, winner, at.evidence, at.initialRows, at.derivedDefs, seed) : gAll);
  return g > at.thresholdBits ? { round: at.round, queries: at.queries, gainBits: g, law: winner.law } : null;
}
