/** Resolving the two concept names a path command was given, by lemma or (with an embeddings model) by embeddings. */
import { dirname, resolve } from "node:path";
import { Embedder } from "../llm/embeddings.js";
import type { LlmProfile } from "../llm/profiles.js";
import { DEFAULT_MIN_SIMILARITY, matchConceptSemantic, type SemanticMatch } from "./embed-match.js";
import { matchConcept } from "./match.js";
import { DEFAULT_STORE } from "./store.js";
import type { ConceptGraph } from "./types.js";

/** Where and how to resolve. */
export interface ResolveOptions {
  /** A profile with an `embeddingModel` enables embeddings; otherwise matching is offline. */
  profile?: LlmProfile;
  cwd: string;
  /** The graph store path (`--store`); node embeddings are cached in `embeddings/` beside it. */
  store?: string;
  minSimilarity?: number;
  signal?: AbortSignal;
  /** Receives which concept an embeddings match chose, retry notices and cache warnings. */
  log: (line: string) => void;
  /** Prefix of the log lines (the command name). */
  who: string;
}

/** The concepts meant by `a` and `b`: offline when no embeddings model is configured, else with embeddings as a fallback. */
export async function resolveConceptPair(g: ConceptGraph, a: string, b: string, opts: ResolveOptions): Promise<[SemanticMatch, SemanticMatch]> {
  if (!opts.profile?.embeddingModel) return [matchConcept(g, a), matchConcept(g, b)];
  const embedder = new Embedder(opts.profile, { signal: opts.signal, log: opts.log });
  const dir = resolve(dirname(resolve(opts.cwd, opts.store ?? DEFAULT_STORE)), "embeddings");
  const one = async (query: string): Promise<SemanticMatch> => {
    const m = await matchConceptSemantic(g, query, { embedder, minSimilarity: opts.minSimilarity ?? DEFAULT_MIN_SIMILARITY, dir, log: opts.log });
    if (m.how === "embedding") {
      const next = m.runnerUp ? `; next: '${m.runnerUp.key}' ${m.runnerUp.score.toFixed(3)}` : "";
      opts.log(`${opts.who}: '${query}' matched '${m.key}' by embeddings (similarity ${m.score.toFixed(3)}${next})`);
    }
    return m;
  };
  // One after the other: the first call fills the node-embedding cache the second reuses.
  const from = await one(a);
  return [from, await one(b)];
}
