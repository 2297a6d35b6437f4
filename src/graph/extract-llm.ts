/**
 * Extraction through a language model: the document is cut into chunks of whole sentences, each chunk is
 * sent with a JSON schema (concepts with type and description; relations with verb and the sentence they
 * come from), and the answers are normalised like offline mentions. A chunk the model cannot answer is
 * skipped with a warning; provenance always points at a sentence of the document, never at model text.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { buildGraphFromPieces } from "./llm-pieces.js";
import { openGraphLlm } from "./llm-session.js";
import { splitSentences } from "./extract-offline.js";
import { countWords, toPlainProse } from "./plain-text.js";
import type { Extractor } from "./build-graph.js";
import type { Extraction } from "./types.js";

/** What the model answers for one chunk. */
export const ExtractionSchema = z.object({
  concepts: z
    .array(z.object({ name: z.string().min(1).max(120), type: z.string().max(60), description: z.string().max(400) }))
    .max(80),
  relations: z
    .array(z.object({ source: z.string().min(1).max(120), relation: z.string().min(1).max(80), target: z.string().min(1).max(120), sentence: z.string().max(1200) }))
    .max(120),
});
/** One chunk's answer. */
export type ExtractionAnswer = z.infer<typeof ExtractionSchema>;

const SYSTEM = [
  "You extract a knowledge graph from scientific text. List the important concepts (materials, structures,",
  "properties, processes, methods, quantities) with a short type (e.g. material, structure, property, process)",
  "and a one-sentence description, and the relations between them stated in the text: source, a short verb",
  "phrase in base form (e.g. 'reinforce', 'consist of', 'increase'), target, and the sentence it comes from,",
  "copied verbatim. Use the text's own names for concepts, singular. Answer with JSON only.",
].join("\n");

/** Whole sentences grouped into chunks of at most `maxChars` characters. */
export function chunkSentences(sentences: readonly string[], maxChars: number): Array<{ start: number; sentences: string[] }> {
  const chunks: Array<{ start: number; sentences: string[] }> = [];
  let current: { start: number; sentences: string[] } | undefined;
  let size = 0;
  sentences.forEach((s, i) => {
    if (!current || (size + s.length > maxChars && current.sentences.length > 0)) {
      current = { start: i, sentences: [] };
      chunks.push(current);
      size = 0;
    }
    current.sentences.push(s);
    size += s.length + 1;
  });
  return chunks;
}

/** Options of the language-model extractor. */
export interface LlmExtractorOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  store?: string;
  budget?: number;
  chunkChars?: number;
  progress: (line: string) => void;
}

/** An Extractor that asks the language model of `profile`, chunk by chunk. */
export async function llmExtractor(profile: string, opts: LlmExtractorOptions): Promise<Extractor> {
  const session = openGraphLlm(profile, { env: opts.env, cwd: opts.cwd, store: opts.store, budget: opts.budget, log: opts.progress });
  return async (file, source, signal): Promise<Extraction> => {
    const prose = toPlainProse(source);
    const sentences = splitSentences(prose);
    const answers: Array<{ start: number; sentences: string[]; answer: ExtractionAnswer }> = [];
    for (const chunk of chunkSentences(sentences, opts.chunkChars ?? 3000)) {
      if (signal.aborted) break;
      const answer = await session.structured("extractor", ExtractionSchema, [
        { role: "system", content: SYSTEM },
        { role: "user", content: chunk.sentences.join(" ") },
      ], { name: "knowledge_graph", signal });
      if (answer) answers.push({ ...chunk, answer });
      else opts.progress(`graph build: ${file}: sentences ${chunk.start + 1}–${chunk.start + chunk.sentences.length} skipped (no usable answer${session.stopped() ? `: ${session.stopped()}` : ""})`);
    }
    const pieces = buildGraphFromPieces(file, answers);
    return {
      document: { file, sha256: createHash("sha256").update(source).digest("hex"), sentences: sentences.length, words: countWords(prose) },
      ...pieces,
    };
  };
}
