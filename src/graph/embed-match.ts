/**
 * Concept matching by embeddings: when a typed name matches no key, alias or shared lemma, the query
 * and every node label are embedded and the nearest node by cosine similarity is taken — if it is
 * similar enough. Key, alias and lemma matches still win, so an embeddings endpoint only ever adds
 * matches; it never changes one the offline matcher makes.
 */
import { GraphError } from "./errors.js";
import { cosine, type Embedder } from "../llm/embeddings.js";
import { nodeEmbeddings, type EmbeddingCacheOptions } from "./embedding-cache.js";
import { tryMatchConcept, type ConceptMatch } from "./match.js";
import type { ConceptGraph } from "./types.js";

/** Default least cosine similarity accepted for an embeddings match. */
export const DEFAULT_MIN_SIMILARITY = 0.5;

/** A match that may have come from embeddings. */
export interface SemanticMatch {
  key: string;
  how: ConceptMatch["how"] | "embedding";
  score: number;
  /** For embeddings matches: the runner-up, to judge how clear-cut the match was. */
  runnerUp?: { key: string; score: number };
}

/** How to match by embeddings. */
export interface SemanticMatchOptions extends EmbeddingCacheOptions {
  embedder: Embedder;
  /** Least cosine similarity accepted (default DEFAULT_MIN_SIMILARITY). */
  minSimilarity?: number;
}

/** The nearest nodes to `query` by cosine similarity of embeddings, best first (ties by key). */
export async function nearestConcepts(g: ConceptGraph, query: string, opts: SemanticMatchOptions, n = 2): Promise<{ key: string; score: number }[]> {
  if (g.order === 0) return [];
  const nodes = await nodeEmbeddings(g, opts.embedder, opts);
  const [q] = await opts.embedder.embed([query.trim()]);
  return nodes.keys
    .map((key, i) => ({ key, score: cosine(q, nodes.vectors[i]) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, n);
}

/**
 * The concept `query` means: by key, alias or lemma as `matchConcept` does, else by embeddings. Below
 * the similarity threshold it throws a GraphError naming the nearest concept and its similarity.
 */
export async function matchConceptSemantic(g: ConceptGraph, query: string, opts: SemanticMatchOptions): Promise<SemanticMatch> {
  const offline = tryMatchConcept(g, query);
  if (offline) return offline;
  const min = opts.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const [best, second] = await nearestConcepts(g, query, opts);
  if (!best) throw new GraphError(`no concept matching '${query}': graph '${g.getAttribute("name")}' is empty`);
  if (!(best.score >= min)) {
    throw new GraphError(
      `no concept matching '${query}' in graph '${g.getAttribute("name")}': the nearest by embeddings is '${best.key}' at similarity ${best.score.toFixed(3)}, below the threshold ${min} (lower it with --min-similarity, or name the concept differently)`,
    );
  }
  return { key: best.key, how: "embedding", score: best.score, ...(second ? { runnerUp: second } : {}) };
}
