/**
 * The Critic: before search time is spent on a proposed law, checks that it parses, and asks the model
 * whether its units and physics are plausible. A missing or failed review never blocks a law; only a
 * definite verdict does, and description length still judges whatever passes.
 */
import { z } from "zod";
import type { AgentContext, CriticAgent, CriticVerdict, LawProposal } from "../../discover/agents.js";
import type { LlmSession } from "../session.js";
import { checkCandidate, vocabularyOf } from "./law-candidates.js";
import { GRAMMAR, describeWorld } from "./prompt-context.js";

/** What the model must answer. */
export const CriticAnswerSchema = z.object({
  unitsConsistent: z.boolean(),
  physicallyPlausible: z.boolean(),
  issues: z.array(z.string().max(400)).max(8),
});

const SYSTEM = [
  "You are the Critic of worldbreaker, a machine-discovery engine. Review one proposed law before it is fitted.",
  "Check (1) units: with fitted constants allowed to carry any units they need, can both sides have the same",
  "dimension, and are arguments of exp, log, sin and similar dimensionless? (2) physical plausibility: signs,",
  "limits, symmetries and behaviour at the edges of the input ranges. Be strict but fair; list concrete issues",
  "(empty list if none).",
  "",
  GRAMMAR,
  "",
  "Answer with JSON only.",
].join("\n");

/** Builds the Critic's messages for one proposal. */
export function criticMessages(p: LawProposal, ctx: AgentContext): { role: "system" | "user"; content: string }[] {
  const derived = p.derived && Object.keys(p.derived).length > 0 ? `\nwhere ${Object.entries(p.derived).map(([n, d]) => `${n} = ${d}`).join(", ")}` : "";
  const why = p.rationale ? `\nProposer's rationale: ${p.rationale}` : "";
  const user = [describeWorld(ctx.world), "", `Current law: ${ctx.world.output.name} = ${ctx.law}`, "", `Proposed law: ${ctx.world.output.name} = ${p.law}${derived}${why}`].join("\n");
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: user },
  ];
}

/** A CriticAgent backed by a language-model session. */
export class LlmCritic implements CriticAgent {
  constructor(private readonly session: LlmSession) {}

  /** Parses the law first (a law that does not parse is refused without asking), then asks the model. */
  async review(proposal: LawProposal, ctx: AgentContext): Promise<CriticVerdict> {
    const derived = Object.entries(proposal.derived ?? {}).map(([name, definition]) => ({ name, definition }));
    const checked = checkCandidate({ law: proposal.law, derived, rationale: proposal.rationale ?? "" }, vocabularyOf(ctx));
    if (!checked.ok) return { ok: false, issues: [checked.reason] };

    const answer = await this.session.structured("critic", CriticAnswerSchema, criticMessages(proposal, ctx), { round: ctx.round, name: "critic_verdict" });
    if (!answer) return { ok: true, issues: ["no review: the language model gave no usable verdict"] };
    const issues = answer.issues.map((s) => s.trim()).filter((s) => s !== "");
    if (!answer.unitsConsistent && !issues.some((s) => /unit|dimension/i.test(s))) issues.unshift("units are inconsistent");
    if (!answer.physicallyPlausible && issues.length === 0) issues.push("physically implausible");
    return { ok: answer.unitsConsistent && answer.physicallyPlausible, issues };
  }
}
