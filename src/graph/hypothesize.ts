/**
 * `graph hypothesize`: samples a path between two concepts, then runs ontologist → scientist → critic.
 * The result carries the falsification plan in the external-world `describe` shape, so that a simulator
 * or lab driver answering it can be run by `worldbreaker discover --external`, or a built-in world directly.
 */
import { GraphError } from "./errors.js";
import type { LlmSession } from "../llm/session.js";
import { findWorld } from "../worlds/registry.js";
import {
  checkFalsificationPlan,
  hypothesisCriticMessages,
  HypothesisCriticSchema,
  ontologistMessages,
  OntologistSchema,
  pathContext,
  scientistMessages,
  ScientistSchema,
  type HypothesisCriticAnswer,
  type OntologistAnswer,
  type ScientistAnswer,
} from "./hypothesis-roles.js";
import { formatPath, samplePath, samplePathBetween, type ConceptPath, type PathOptions } from "./path.js";
import type { ConceptGraph } from "./types.js";

/** What `discover` needs to test the hypothesis. */
export interface Handoff {
  /** A built-in world's name when the plan names one. */
  builtinWorld?: string;
  /** The plan as an external world's `describe` answer (name, description, inputs, output, receivedTheory). */
  describe: {
    name: string;
    description: string;
    inputs: Array<{ name: string; min: number; max: number; unit?: string; kind: "real" }>;
    output: { name: string; unit?: string };
    receivedTheory?: string;
  };
  /** Command lines that run the test. */
  commands: string[];
}

/** The full result of `graph hypothesize`. */
export interface HypothesisReport {
  graph: string;
  from: string;
  to: string;
  seed: number;
  path: ConceptPath;
  pathText: string;
  ontology: OntologistAnswer;
  hypothesis: ScientistAnswer;
  critique: HypothesisCriticAnswer | null;
  handoff: Handoff;
}

/** Builds the hand-off to `discover` from the scientist's plan. */
export function handoffOf(h: ScientistAnswer): Handoff {
  const plan = h.falsification;
  const builtin = findWorld(plan.world);
  const slug = plan.world.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "hypothesis";
  const law = plan.law?.trim() ? plan.law.trim() : undefined;
  const describe: Handoff["describe"] = {
    name: slug,
    description: `${h.title}. ${plan.description}`,
    inputs: plan.inputs.map((i) => ({ name: i.name, min: i.min, max: i.max, ...(i.unit ? { unit: i.unit } : {}), kind: "real" as const })),
    output: { name: plan.observable.name, ...(plan.observable.unit ? { unit: plan.observable.unit } : {}) },
    ...(law ? { receivedTheory: law } : {}),
  };
  const commands = builtin
    ? [`worldbreaker discover ${builtin.name} --rounds 10 --json`]
    : [
        `worldbreaker discover --external "<simulator or lab driver that answers describe as in handoff.describe>" --rounds 10 --json`,
        `worldbreaker explain <measurements.csv with columns ${[...plan.inputs.map((i) => i.name), plan.observable.name].join(",")}> --target ${plan.observable.name} --json`,
      ];
  return { ...(builtin ? { builtinWorld: builtin.name } : {}), describe, commands };
}

/** Runs the three roles on a sampled path; throws a GraphError when the ontologist or scientist gives no usable answer. */
export async function hypothesize(g: ConceptGraph, a: string, b: string, session: LlmSession, opts: PathOptions & { worlds: ReadonlyArray<{ name: string; summary: string }>; progress: (line: string) => void; resolved?: [string, string] }): Promise<HypothesisReport> {
  // `resolved`: node keys the caller already matched (e.g. by embeddings); else `a` and `b` are matched here.
  const path = opts.resolved ? samplePathBetween(g, opts.resolved[0], opts.resolved[1], opts, [a, b]) : samplePath(g, a, b, opts);
  const pathText = formatPath(path);
  opts.progress(`path: ${pathText}`);
  const context = pathContext(g, path);
  opts.progress("ontologist: defining concepts and relations");
  const ontology = await session.structured("ontologist", OntologistSchema, ontologistMessages(context), { name: "ontology" });
  if (!ontology) throw new GraphError(`graph hypothesize: the ontologist gave no usable answer${session.stopped() ? ` (${session.stopped()})` : ""}`);
  opts.progress("scientist: proposing a testable hypothesis");
  const hypothesis = await session.structured("scientist", ScientistSchema, scientistMessages(context, ontology, opts.worlds), { name: "hypothesis", check: (h) => checkFalsificationPlan(h.falsification) });
  if (!hypothesis) throw new GraphError(`graph hypothesize: the scientist gave no usable hypothesis${session.stopped() ? ` (${session.stopped()})` : ""}`);
  opts.progress("critic: reviewing");
  const critique = await session.structured("critic", HypothesisCriticSchema, hypothesisCriticMessages(context, hypothesis), { name: "hypothesis_review" });
  if (!critique) opts.progress("critic: no usable review (the hypothesis is reported without one)");
  return { graph: g.getAttribute("name"), from: path.from, to: path.to, seed: path.seed, path, pathText, ontology, hypothesis, critique, handoff: handoffOf(hypothesis) };
}

/** The report as Markdown. */
export function hypothesisMarkdown(r: HypothesisReport): string {
  const h = r.hypothesis;
  const p = h.falsification;
  const lines = [
    `# ${h.title}`,
    "",
    `*Graph \`${r.graph}\`, path from **${r.from}** to **${r.to}** (seed ${r.seed}):*`,
    "",
    "```",
    r.pathText,
    "```",
    "",
    "## Claim",
    "",
    h.claim,
    "",
    "## Mechanism",
    "",
    h.mechanism,
    "",
    "## Expected outcome",
    "",
    h.expectedOutcome,
    "",
    "## Novelty",
    "",
    h.novelty || "(not stated)",
    "",
    "## Falsification plan",
    "",
    `- World: ${r.handoff.builtinWorld ? `built-in \`${r.handoff.builtinWorld}\`` : p.world} — ${p.description}`,
    `- Inputs: ${p.inputs.map((i) => `\`${i.name}\` in [${i.min}, ${i.max}]${i.unit ? ` ${i.unit}` : ""}`).join(", ")}`,
    `- Observable: \`${p.observable.name}\`${p.observable.unit ? ` (${p.observable.unit})` : ""}`,
    ...(p.law ? [`- Predicted law: \`${p.observable.name} = ${p.law}\``] : []),
    `- Prediction: ${p.prediction}`,
    `- Refuted if: ${p.refutedIf}`,
    "",
    "Run it:",
    "",
    "```sh",
    ...r.handoff.commands,
    "```",
    "",
    "## Definitions",
    "",
    ...r.ontology.definitions.map((d) => `- **${d.concept}**: ${d.definition}`),
    ...(r.ontology.relations.length > 0 ? ["", ...r.ontology.relations.map((x) => `- ${x.source} *${x.relation}* ${x.target}: ${x.explanation}`)] : []),
    "",
    "## Critique",
    "",
  ];
  if (r.critique) {
    const c = r.critique;
    lines.push(`Verdict: **${c.verdict}** (score ${c.score}/10)`, "", "Strengths:", ...c.strengths.map((s) => `- ${s}`), "", "Weaknesses:", ...c.weaknesses.map((s) => `- ${s}`), "", `Decisive experiment: ${c.decisiveExperiment}`);
  } else lines.push("(the critic gave no usable review)");
  return lines.join("\n") + "\n";
}
