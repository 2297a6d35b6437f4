/**
 * The Critic: before search time is spent on a proposed law, checks that it parses, and asks the model
 * whether its units and physics are plausible. A missing or failed review never blocks a law; only a
 * definite verdict does, and description length still judges whatever passes.
 */
import { z } from "zod";
import type { AgentContext, CriticAgent, CriticVerdict, LawProposal } from "../../discover/agents.js";
import type { LlmSession } from "../session.js";
import { checkDimensions, parse, parseUnit, UnitError, variablesOf, type Dimension } from "../../expr/index.js";
import { DerivedVariableError } from "../../core/errors.js";
import { parseDerived, type DerivedDef } from "../../core/derived.js";
import type { WorldInfo } from "../../worlds/world.js";
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

    // Units are physics, not opinion: when every unit is known, our own dimensional analysis decides.
    const dims = dimensionVerdict(checked.proposal.law, checked.proposal.derived ?? {}, ctx.world);
    if (dims && !dims.ok) return { ok: false, issues: [`units: ${dims.message}`] };

    const answer = await this.session.structured("critic", CriticAnswerSchema, criticMessages(proposal, ctx), { round: ctx.round, name: "critic_verdict" });
    if (!answer) return { ok: true, issues: ["no review: the language model gave no usable verdict"] };
    const issues = answer.issues.map((s) => s.trim()).filter((s) => s !== "");
    const unitsOk = dims ? true : answer.unitsConsistent;
    if (!unitsOk && !issues.some((s) => /unit|dimension/i.test(s))) issues.unshift("units are inconsistent");
    if (!answer.physicallyPlausible && issues.length === 0) issues.push("physically implausible");
    return { ok: unitsOk && answer.physicallyPlausible, issues };
  }
}

/** The input a history variable is computed from (its unit is that input's: cummax, lag, delta and cumsum keep it). */
function rootInput(def: DerivedDef): string {
  return def.kind === "input" ? def.name : rootInput(def.arg);
}

/**
 * Dimensional analysis of a law when the world gives units for the observable and every variable the
 * law uses; undefined when some unit is unknown (then the model is asked about units too).
 */
export function dimensionVerdict(law: string, derived: Record<string, string>, world: WorldInfo): { ok: true } | { ok: false; message: string } | undefined {
  const unitOf = (text: string | undefined): Dimension | undefined => {
    if (!text) return undefined;
    try {
      return parseUnit(text);
    } catch (err) {
      if (!(err instanceof UnitError)) throw err;
      return undefined;
    }
  };
  const inputs = world.inputs.map((i) => i.name);
  const units: Record<string, Dimension> = {};
  for (const i of world.inputs) {
    const u = unitOf(i.unit);
    if (u) units[i.name] = u;
  }
  for (const [name, def] of Object.entries(derived)) {
    try {
      const root = rootInput(parseDerived(def, inputs));
      if (units[root]) units[name] = units[root];
    } catch (err) {
      if (!(err instanceof DerivedVariableError)) throw err;
      return undefined;
    }
  }
  const target = unitOf(world.output.unit);
  if (!target) return undefined;
  const expr = parse(law, { variables: [...inputs, ...Object.keys(derived)] });
  if (variablesOf(expr).some((v) => !units[v])) return undefined;
  const r = checkDimensions(expr, units, target);
  return r.ok ? { ok: true } : { ok: false, message: `${r.message} (in ${r.where})` };
}
