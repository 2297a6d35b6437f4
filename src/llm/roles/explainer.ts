/**
 * The Explainer agent: reads the current law, where it misses and the data, and proposes candidate laws
 * (with derived or latent variables) in our grammar. Its candidates only seed the Explainer's search;
 * description length decides.
 */
import { z } from "zod";
import type { AgentContext, ExplainerAgent, LawProposal } from "../../discover/agents.js";
import type { LlmSession } from "../session.js";
import { checkCandidates, vocabularyOf, type LawVocabulary } from "./law-candidates.js";
import { DERIVED_RULES, GRAMMAR, describeState, describeWorld } from "./prompt-context.js";

/** What the model must answer. */
export const ExplainerAnswerSchema = z.object({
  candidates: z
    .array(
      z.object({
        law: z.string().min(1).max(600),
        derived: z.array(z.object({ name: z.string().min(1).max(40), definition: z.string().min(1).max(120) })).max(6),
        rationale: z.string().max(800),
      }),
    )
    .min(1)
    .max(8),
});
/** The Explainer's answer. */
export type ExplainerAnswer = z.infer<typeof ExplainerAnswerSchema>;

const SYSTEM = [
  "You are the Explainer of worldbreaker, a machine-discovery engine. You propose candidate laws that predict the",
  "observable from the inputs. Each candidate is fitted to the evidence and kept only if it lowers the description",
  "length (bits of the law plus bits of its errors), so short laws that fit well win; a longer law must earn its",
  "length. Think about the physics: what mechanism explains where the current law misses?",
  "",
  GRAMMAR,
  "",
  DERIVED_RULES,
  "",
  "Answer with JSON only.",
].join("\n");

/** Builds the Explainer's messages for one round. */
export function explainerMessages(ctx: AgentContext, count: number): { role: "system" | "user"; content: string }[] {
  const user = [
    describeWorld(ctx.world),
    availableLine(vocabularyOf(ctx)),
    "",
    describeState(ctx),
    "",
    `Propose up to ${count} candidate laws for ${ctx.world.output.name} that could beat the current law, each with the`,
    "derived variables it uses (an empty list if none) and a one-sentence physical rationale.",
  ].join("\n");
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: user },
  ];
}

function availableLine(vocab: LawVocabulary): string {
  const entries = Object.entries(vocab.available ?? {});
  if (entries.length === 0) return "";
  return `Derived variables already computed for every observation (use them by name): ${entries.map(([n, d]) => (d ? `${n} = ${d}` : n)).join(", ")}`;
}

/** An ExplainerAgent backed by a language-model session. */
export class LlmExplainer implements ExplainerAgent {
  /** `count`: candidates asked for per round. */
  constructor(
    private readonly session: LlmSession,
    private readonly count = 4,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Asks for candidates; returns only those that parse in our grammar (possibly none). */
  async proposeLaws(ctx: AgentContext): Promise<LawProposal[]> {
    const vocab = vocabularyOf(ctx);
    const answer = await this.session.structured("explainer", ExplainerAnswerSchema, explainerMessages(ctx, this.count), {
      round: ctx.round,
      name: "explainer_candidates",
      // A repair is worth it only when nothing usable came back; partial garbage is just dropped.
      check: (a) => {
        const { proposals, rejected } = checkCandidates(a.candidates, vocab);
        if (proposals.length > 0) return undefined;
        return `none of the candidate laws is usable:\n${rejected.map((r) => `- ${r.law}: ${r.reason}`).join("\n")}`;
      },
    });
    if (!answer) return [];
    const { proposals, rejected } = checkCandidates(answer.candidates, vocab);
    for (const r of rejected) this.log(`llm: explainer candidate rejected: ${r.law} (${r.reason})`);
    return proposals;
  }
}
