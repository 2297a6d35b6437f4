/**
 * The three agents of `graph hypothesize` (after SciAgents): the ontologist defines every concept and
 * relation on a sampled path, the scientist turns the path into a hypothesis with a falsification plan a
 * world can run, the critic names strengths, weaknesses and the decisive experiment. Schemas and prompts
 * only; the session does transport, validation, repair, budgets and journaling.
 */
import { z } from "zod";
import { ParseError } from "../expr/errors.js";
import { isPlainIdentifier, parse } from "../expr/parse.js";
import { GRAMMAR } from "../llm/roles/prompt-context.js";
import type { ConceptPath } from "./path.js";
import type { ConceptGraph } from "./types.js";

/** The ontologist's answer. */
export const OntologistSchema = z.object({
  definitions: z.array(z.object({ concept: z.string().min(1).max(200), definition: z.string().min(1).max(1200) })).min(1).max(40),
  relations: z.array(z.object({ source: z.string().max(200), relation: z.string().max(200), target: z.string().max(200), explanation: z.string().max(1200) })).max(40),
});
/** What the ontologist answers. */
export type OntologistAnswer = z.infer<typeof OntologistSchema>;

const variableSchema = z.object({
  name: z.string().min(1).max(60),
  min: z.number(),
  max: z.number(),
  unit: z.string().max(40).optional(),
  description: z.string().max(400).optional(),
});

/** The falsification plan: a world, its inputs and observable, and optionally a law to test against data. */
export const FalsificationPlanSchema = z.object({
  world: z.string().min(1).max(200).describe("a built-in world name if one fits, else a short name for the experiment or simulator to build"),
  description: z.string().min(1).max(1500),
  inputs: z.array(variableSchema).min(1).max(12),
  observable: z.object({ name: z.string().min(1).max(60), unit: z.string().max(40).optional(), description: z.string().max(400).optional() }),
  law: z.string().max(500).optional().describe("the predicted law for the observable in contract infix, over the input names"),
  prediction: z.string().min(1).max(1200),
  refutedIf: z.string().min(1).max(1200),
});
/** A falsification plan. */
export type FalsificationPlan = z.infer<typeof FalsificationPlanSchema>;

/** The scientist's answer. */
export const ScientistSchema = z.object({
  title: z.string().min(1).max(300),
  claim: z.string().min(1).max(2000),
  mechanism: z.string().min(1).max(4000),
  expectedOutcome: z.string().min(1).max(2000),
  novelty: z.string().max(2000),
  falsification: FalsificationPlanSchema,
});
/** What the scientist answers. */
export type ScientistAnswer = z.infer<typeof ScientistSchema>;

/** The critic's answer. */
export const HypothesisCriticSchema = z.object({
  strengths: z.array(z.string().max(800)).max(10),
  weaknesses: z.array(z.string().max(800)).max(10),
  decisiveExperiment: z.string().min(1).max(2000),
  verdict: z.enum(["promising", "weak", "untestable"]),
  score: z.number().min(1).max(10),
});
/** What the critic answers. */
export type HypothesisCriticAnswer = z.infer<typeof HypothesisCriticSchema>;

/** A chat message. */
type Message = { role: "system" | "user"; content: string };

/** The path with the evidence sentences of its concepts and relations, as prompt text. */
export function pathContext(g: ConceptGraph, path: ConceptPath): string {
  const lines = [`Path: ${path.steps.map((s, i) => `${i === 0 ? s.from : ""} ${s.direction === "forward" ? `-[${s.relation}]->` : `<-[${s.relation}]-`} ${s.to}`).join("")}`.replace(/\s+/g, " ").trim(), "", "Evidence:"];
  for (const st of path.steps) if (st.evidence) lines.push(`- ${st.from} / ${st.to}: ${st.evidence.replace(/^[^:]*: /, "")}`);
  lines.push("", "Concepts:");
  for (const n of path.nodes) {
    const a = g.getNodeAttributes(n);
    const seen = a.provenance.slice(0, 2).map((p) => p.text).join(" | ");
    lines.push(`- ${a.label}${a.aliases.length ? ` (also: ${a.aliases.slice(0, 4).join(", ")})` : ""}${a.description ? `: ${a.description}` : ""}${seen ? ` — e.g. "${seen}"` : ""}`);
  }
  return lines.join("\n");
}

/** Messages for the ontologist. */
export function ontologistMessages(context: string): Message[] {
  return [
    {
      role: "system",
      content:
        "You are the Ontologist of a research team. Define each concept on the knowledge-graph path precisely (one or two sentences, in the sense the evidence uses it) and explain each relation between consecutive concepts. Do not speculate beyond the evidence. Answer with JSON only.",
    },
    { role: "user", content: context },
  ];
}

/** Messages for the scientist; `worlds` lists the built-in worlds that could test a claim. */
export function scientistMessages(context: string, ontology: OntologistAnswer, worlds: ReadonlyArray<{ name: string; summary: string }>): Message[] {
  const defs = ontology.definitions.map((d) => `- ${d.concept}: ${d.definition}`).join("\n");
  const rels = ontology.relations.map((r) => `- ${r.source} ${r.relation} ${r.target}: ${r.explanation}`).join("\n");
  return [
    {
      role: "system",
      content: [
        "You are the Scientist of a research team. From a path through a knowledge graph, propose ONE new, specific, testable hypothesis that connects its first and last concepts through the path.",
        "Give a claim, the mechanism, the expected outcome, and what is new. Then a falsification plan: the world (a built-in simulator if one fits, otherwise the experiment or simulator to build), its input variables with ranges and units, the observable, the prediction, and the result that would refute the claim.",
        "When the claim can be quantitative, also give the predicted law for the observable over the input names:",
        GRAMMAR,
        "Input and observable names are identifiers (letters, digits, underscores).",
        `Built-in worlds: ${worlds.length > 0 ? worlds.map((w) => `${w.name} (${w.summary})`).join("; ") : "none"}.`,
        "Answer with JSON only.",
      ].join("\n"),
    },
    { role: "user", content: `${context}\n\nDefinitions:\n${defs}\n\nRelations:\n${rels}` },
  ];
}

/** Messages for the critic of a graph hypothesis (the discovery loop's law critic has its own, in llm). */
export function hypothesisCriticMessages(context: string, hypothesis: ScientistAnswer): Message[] {
  return [
    {
      role: "system",
      content:
        "You are the Critic of a research team. Review the hypothesis strictly and fairly: its strengths, its weaknesses (vagueness, confounders, missing controls, implausible mechanism), and the single decisive experiment that would most quickly prove it wrong. Give a verdict and a score from 1 (worthless) to 10 (excellent). Answer with JSON only.",
    },
    { role: "user", content: `${context}\n\nHypothesis:\n${JSON.stringify(hypothesis, null, 1)}` },
  ];
}

/** A semantic check of the scientist's plan (names, ranges, law), or undefined when it is usable. */
export function checkFalsificationPlan(plan: FalsificationPlan): string | undefined {
  const names = plan.inputs.map((i) => i.name);
  for (const name of [...names, plan.observable.name]) if (!isPlainIdentifier(name)) return `falsification.inputs/observable: '${name}' is not an identifier (letters, digits, underscores; not a function name)`;
  if (new Set(names).size !== names.length) return "falsification.inputs: input names must be distinct";
  for (const i of plan.inputs) if (!(i.min < i.max)) return `falsification.inputs: '${i.name}' needs min < max (got ${i.min} and ${i.max})`;
  if (plan.law !== undefined && plan.law.trim() !== "") {
    try {
      parse(plan.law, { variables: names });
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      return `falsification.law does not parse: ${err.message}`;
    }
  }
  return undefined;
}
