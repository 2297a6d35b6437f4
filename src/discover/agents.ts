import { WorldbreakerError } from "../errors.js";
import type { Experiment, WorldInfo } from "../worlds/world.js";

/**
 * The seams where proposers (language-model agents, or anything else) join the discovery loop.
 * Proposals are only suggestions: every law is parsed by our own parser and judged by description
 * length, every experiment is clipped to the world's space and judged by the world.
 */

/** What a proposer sees of the run at the moment it is asked. */
export interface AgentContext {
  world: WorldInfo;
  round: number;
  /** Current law in contract infix, with derived-variable definitions when it uses them. */
  law: string;
  derived?: Record<string, string>;
  bits: number;
  r2: number;
  /** A short plain-text diagnosis of the residuals (where and how the law misses). */
  residuals: string;
  /** A bounded sample of the evidence, as rows of input values plus the observed output. */
  sample: Array<Record<string, number | string | null>>;
}

/** A law suggested by a proposer. */
export interface LawProposal {
  /** Contract infix; unknown names other than inputs and derived variables become fitted constants. */
  law: string;
  /** Derived variables the law uses, name → definition over inputs with cummax/cummin/cumsum/lag/delta. */
  derived?: Record<string, string>;
  rationale?: string;
}

/** An experiment suggested by a proposer, with the hypothesis it is meant to falsify. */
export interface ExperimentProposal {
  experiment: Experiment;
  hypothesis: string;
}

/** A critic's verdict on a law before search time is spent on it. */
export interface CriticVerdict {
  ok: boolean;
  issues: string[];
}

/** Suggests laws (and derived variables) that seed the Explainer. */
export interface ExplainerAgent {
  proposeLaws(ctx: AgentContext): Promise<LawProposal[]>;
}

/** Suggests experiments for the Breaker to consider. */
export interface BreakerAgent {
  proposeExperiments(ctx: AgentContext, count: number): Promise<ExperimentProposal[]>;
}

/** Reviews a proposed law for units and plausibility. */
export interface CriticAgent {
  review(proposal: LawProposal, ctx: AgentContext): Promise<CriticVerdict>;
}

/** The optional agents a run may use; all absent means a run with no language model. */
export interface Agents {
  explainer?: ExplainerAgent;
  breaker?: BreakerAgent;
  critic?: CriticAgent;
}

/**
 * An agent failure that must stop the run instead of being skipped — for instance a replayed run asking
 * something its journal holds no answer for, which would silently make the replay diverge. Ordinary
 * failures (bad answers, timeouts after retries) are not thrown at all: agents return nothing.
 * The loop journals the run as failed, keeps its evidence, and rethrows; the CLI shows the one line.
 */
export class AgentStopError extends WorldbreakerError {}

/** Whether an error thrown by an agent must stop the run (see AgentStopError). */
export function stopsRun(err: unknown): boolean {
  return err instanceof AgentStopError;
}
