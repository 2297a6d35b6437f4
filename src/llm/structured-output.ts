/**
 * Structured output: a zod schema becomes the JSON Schema sent as `response_format: json_schema`
 * (mistral.rs constrains decoding with it and rejects `json_object`), and every answer is parsed and
 * validated with the same schema. Nothing in an answer is ever executed.
 */
import { z } from "zod";

/** The `response_format` body field for a schema. */
export interface JsonSchemaResponseFormat {
  type: "json_schema";
  json_schema: { name: string; schema: Record<string, unknown>; strict: true };
}

// Converting a schema costs far more than a request to a fast local server; convert each schema once.
const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/** Builds `response_format` for `schema`; `name` is sanitised to the [A-Za-z0-9_-] OpenAI requires. */
export function responseFormatFor(name: string, schema: z.ZodType): JsonSchemaResponseFormat {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
    delete json.$schema;
    jsonSchemas.set(schema, json);
  }
  return { type: "json_schema", json_schema: { name: name.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64) || "answer", schema: json, strict: true } };
}

/** Outcome of reading an answer. */
export type StructuredParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Pulls the JSON object out of an answer: drops `<think>` blocks of reasoning models and Markdown
 * fences, and falls back to the outermost {...} span when prose surrounds it.
 */
export function extractJson(content: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  let text = content.replace(/<think>[\s\S]*?<\/think>/g, "").trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(text);
  if (fenced) text = fenced[1];
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const first = text.indexOf("{");
    const last = text.lastIndexOf("}");
    if (first >= 0 && last > first) {
      try {
        return { ok: true, value: JSON.parse(text.slice(first, last + 1)) };
      } catch (inner) {
        if (!(inner instanceof SyntaxError)) throw inner;
        // fall through to the original error, which names the first bad position
      }
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: text === "" ? "the answer was empty" : `the answer is not valid JSON (${message})` };
  }
}

/** Parses and validates an answer against `schema`; a failure says what was wrong, for the repair prompt. */
export function parseStructured<T>(content: string, schema: z.ZodType<T>): StructuredParse<T> {
  const json = extractJson(content);
  if (!json.ok) return json;
  const checked = schema.safeParse(json.value);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, problem: `the JSON does not match the schema:\n${z.prettifyError(checked.error)}` };
}

/** The user message sent with the one repair attempt. */
export function repairPrompt(problem: string): string {
  const clipped = problem.length > 1500 ? problem.slice(0, 1500) + "\n…" : problem;
  return `Your previous answer was rejected: ${clipped}\nAnswer again with one JSON object that matches the schema exactly, and nothing else.`;
}
