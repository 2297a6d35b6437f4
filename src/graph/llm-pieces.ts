/** Turns language-model chunk answers into mentions with normalised keys and sentence provenance. */
import { normalizeQuery } from "./normalize.js";
import type { ConceptMention, Provenance, RelationMention } from "./types.js";

/** One chunk's answer with the sentences it was given. */
export interface ChunkAnswer {
  start: number;
  sentences: string[];
  answer: {
    concepts: Array<{ name: string; type: string; description: string }>;
    relations: Array<{ source: string; relation: string; target: string; sentence: string }>;
  };
}

function wordsOf(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

/** The chunk sentence that best matches `quote` (word overlap), or the one mentioning `names`. */
function locate(chunk: ChunkAnswer, quote: string, names: string[]): number {
  const q = wordsOf(quote);
  let best = -1;
  let bestScore = 0;
  chunk.sentences.forEach((s, i) => {
    const w = wordsOf(s);
    let score = 0;
    for (const x of q) if (w.has(x)) score += 1;
    const lower = s.toLowerCase();
    for (const n of names) if (n && lower.includes(n.toLowerCase())) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best < 0 ? 0 : best;
}

/** Concept and relation mentions of a document from its chunk answers. */
export function buildGraphFromPieces(file: string, chunks: ChunkAnswer[]): { concepts: ConceptMention[]; relations: RelationMention[]; abbreviations: Record<string, string> } {
  const concepts: ConceptMention[] = [];
  const relations: RelationMention[] = [];
  for (const chunk of chunks) {
    const prov = (i: number): Provenance => ({ file, sentence: chunk.start + i, text: chunk.sentences[i] });
    for (const c of chunk.answer.concepts) {
      const key = normalizeQuery(c.name);
      if (!key) continue;
      concepts.push({ key, surface: c.name, type: c.type.trim().toLowerCase() || undefined, description: c.description.trim() || undefined, provenance: prov(locate(chunk, "", [c.name])) });
    }
    for (const r of chunk.answer.relations) {
      const source = normalizeQuery(r.source);
      const target = normalizeQuery(r.target);
      const relation = r.relation.trim().toLowerCase().replace(/\s+/g, " ");
      if (!source || !target || !relation || source === target) continue;
      relations.push({ source, target, relation, kind: "relation", provenance: prov(locate(chunk, r.sentence, [r.source, r.target])) });
    }
  }
  return { concepts, relations, abbreviations: {} };
}
