import { z } from "zod";
import { NOISE_KINDS } from "../core/noise.js";
import { isPrototypeKey, reservedNameReason } from "../data/reserved-names.js";

/**
 * The JSON-lines protocol of an external world (DESIGN.md): the shapes of its `describe` and `run`
 * answers, validated with zod so a bad answer is reported by the field that is wrong.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const inputSchema = z
  .object({
    name: z
      .string()
      .regex(NAME, "must be an identifier (letters, digits, _; not starting with a digit)")
      .refine((n) => !isPrototypeKey(n), { error: (issue) => reservedNameReason(String(issue.input)) }),
    min: z.number(),
    max: z.number(),
    unit: z.string().optional(),
    kind: z.enum(["real", "integer"]).default("real"),
    initial: z.tuple([z.number(), z.number()]).optional(),
    description: z.string().optional(),
    scale: z.enum(["linear", "log"]).optional(),
  })
  .superRefine((s, ctx) => {
    if (!(s.min < s.max)) ctx.addIssue({ code: "custom", path: ["max"], message: `max (${s.max}) must exceed min (${s.min})` });
    if (s.initial) {
      const [lo, hi] = s.initial;
      if (!(lo <= hi)) ctx.addIssue({ code: "custom", path: ["initial"], message: `initial [${lo}, ${hi}] is reversed` });
      if (lo < s.min || hi > s.max) ctx.addIssue({ code: "custom", path: ["initial"], message: `initial [${lo}, ${hi}] lies outside [${s.min}, ${s.max}]` });
    }
    if (s.scale === "log" && !(s.min > 0)) ctx.addIssue({ code: "custom", path: ["scale"], message: "a log-scale input needs min > 0" });
  });

/** The answer to `{"op":"describe"}`. */
export const describeSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    inputs: z.array(inputSchema).min(1),
    output: z.object({
      name: z
        .string()
        .regex(NAME, "must be an identifier")
        .refine((n) => !isPrototypeKey(n), { error: (issue) => reservedNameReason(String(issue.input)) }),
      unit: z.string().optional(), description: z.string().optional() }),
    receivedTheory: z.string().optional(),
    cost: z.number().positive().optional(),
    noise: z.string().optional(),
    noiseModel: z
      .object({ kind: z.enum(NOISE_KINDS, { error: `must be one of ${NOISE_KINDS.map((k) => `"${k}"`).join(", ")}` }) })
      .optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.inputs.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: "custom", path: ["inputs", i, "name"], message: `duplicate input '${s.name}'` });
      seen.add(s.name);
    });
    if (seen.has(d.output.name)) ctx.addIssue({ code: "custom", path: ["output", "name"], message: `'${d.output.name}' is also an input` });
  });

/** A validated describe answer. */
export type DescribeAnswer = z.infer<typeof describeSchema>;

/** The first problem of a failed validation as `field.path: message`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  return `${path || "answer"}: ${issue.message}`;
}

/** The `{"error": "..."}` answer's message, if the answer is one. */
export function errorAnswer(answer: unknown): string | null {
  if (typeof answer === "object" && answer !== null && "error" in answer) {
    const e = (answer as { error: unknown }).error;
    return typeof e === "string" ? e : JSON.stringify(e);
  }
  return null;
}

/**
 * Reads a run answer's outputs: exactly `count` entries, each a finite number or null. Non-finite
 * numbers (JSON's `1e999` parses to Infinity) become null; anything else is a problem.
 */
export function readOutputs(answer: unknown, count: number): { outputs: (number | null)[] } | { problem: string } {
  if (typeof answer !== "object" || answer === null || !Array.isArray((answer as { outputs?: unknown }).outputs)) {
    return { problem: `answer must be {"outputs": [...]}, got ${JSON.stringify(answer).slice(0, 120)}` };
  }
  const raw = (answer as { outputs: unknown[] }).outputs;
  if (raw.length !== count) return { problem: `answered ${raw.length} outputs for ${count} experiments` };
  const outputs: (number | null)[] = [];
  for (let i = 0; i < raw.length; i++) {
    const y = raw[i];
    if (y === null) outputs.push(null);
    else if (typeof y === "number") outputs.push(Number.isFinite(y) ? y : null);
    else return { problem: `outputs[${i}] must be a number or null, got ${JSON.stringify(y).slice(0, 60)}` };
  }
  return { outputs };
}
