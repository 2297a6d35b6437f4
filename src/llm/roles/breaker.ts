/**
 * The Breaker agent: proposes experiments inside the world's space, each with the falsification
 * hypothesis it tests. Values are clipped into range and rounded for integer inputs; the world judges.
 */
import { z } from "zod";
import type { AgentContext, BreakerAgent, ExperimentProposal } from "../../discover/agents.js";
import type { Experiment, InputSpec, WorldInfo } from "../../worlds/world.js";
import type { LlmSession } from "../session.js";
import { describeState, describeWorld } from "./prompt-context.js";

/** The answer schema for one world: one numeric field per input, so constrained decoding names them all. */
export function breakerAnswerSchema(world: WorldInfo, count: number) {
  const inputs = Object.fromEntries(world.inputs.map((i) => [i.name, z.number()]));
  return z.object({
    experiments: z
      .array(z.object({ inputs: z.object(inputs), hypothesis: z.string().min(1).max(600) }))
      .min(1)
      .max(Math.max(1, count)),
  });
}

const SYSTEM = [
  "You are the Breaker of worldbreaker, a machine-discovery engine. Your job is to falsify the current law: choose",
  "experiments where it is most likely to fail — regimes it has not seen, extremes, interactions between inputs,",
  "places where its form must break down physically. You do not see results before choosing. For each experiment",
  "state the hypothesis it tests (what the law predicts there and why it might be wrong). Stay inside the input",
  "ranges. Answer with JSON only.",
].join("\n");

/** Builds the Breaker's messages for one round. */
export function breakerMessages(ctx: AgentContext, count: number): { role: "system" | "user"; content: string }[] {
  const pool = ctx.world.shape === "pool" ? " Only experiments from a fixed list exist; the nearest one to each proposal will be run." : "";
  const user = [describeWorld(ctx.world), "", describeState(ctx), "", `Propose ${count} experiments that could break the current law.${pool}`].join("\n");
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: user },
  ];
}

/** Clips a proposed value into the input's range (rounding integer inputs); null when it is not a finite number. */
export function clipToSpace(value: number, spec: InputSpec): number | null {
  if (!Number.isFinite(value)) return null;
  let v = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.kind === "integer") v = Math.min(spec.max, Math.max(spec.min, Math.round(v)));
  return v;
}

/** Clips every input of an agent's proposed experiment (integers re-clamped after rounding); reports whether anything had to move. */
export function clipProposedExperiment(raw: Record<string, number>, world: WorldInfo): { experiment: Experiment; clipped: boolean } | null {
  const experiment: Experiment = {};
  let clipped = false;
  for (const spec of world.inputs) {
    const v = clipToSpace(raw[spec.name], spec);
    if (v === null) return null;
    if (v !== raw[spec.name]) clipped = true;
    experiment[spec.name] = v;
  }
  return { experiment, clipped };
}

/** A BreakerAgent backed by a language-model session. */
export class LlmBreaker implements BreakerAgent {
  constructor(
    private readonly session: LlmSession,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /**
   * Asks for `count` experiments. Staged worlds are answered with none: their experiments are stages,
   * collected in the dataset's order, which the loop schedules itself.
   */
  async proposeExperiments(ctx: AgentContext, count: number): Promise<ExperimentProposal[]> {
    if (ctx.world.shape === "staged" || count <= 0 || ctx.world.inputs.length === 0) return [];
    const schema = breakerAnswerSchema(ctx.world, count);
    const answer = await this.session.structured("breaker", schema, breakerMessages(ctx, count), { round: ctx.round, name: "breaker_experiments" });
    if (!answer) return [];
    const out: ExperimentProposal[] = [];
    const seen = new Set<string>();
    let clippedCount = 0;
    for (const e of answer.experiments.slice(0, count)) {
      const c = clipProposedExperiment(e.inputs as Record<string, number>, ctx.world);
      if (!c) continue;
      const key = JSON.stringify(c.experiment);
      if (seen.has(key)) continue;
      seen.add(key);
      if (c.clipped) clippedCount += 1;
      out.push({ experiment: c.experiment, hypothesis: e.hypothesis.trim() });
    }
    if (clippedCount > 0) this.log(`llm: breaker: ${clippedCount} proposed experiment(s) clipped into the world's ranges`);
    return out;
  }
}
