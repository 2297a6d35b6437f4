/** Finds the concept a user means: exact key, alias or abbreviation, then the best lemma overlap. */
import { GraphError } from "./errors.js";
import { normalizeQuery } from "./normalize.js";
import type { ConceptGraph } from "./types.js";

/** A matched concept and how it was matched. */
export interface ConceptMatch {
  key: string;
  how: "exact" | "alias" | "lemma";
  score: number;
}

function words(key: string): string[] {
  return key.split(/[\s-]+/).filter(Boolean);
}

/** The concept best matching `query`, or a GraphError naming the closest candidates when none shares a word. */
export function matchConcept(g: ConceptGraph, query: string): ConceptMatch {
  const hit = tryMatchConcept(g, query);
  if (hit) return hit;
  throw new GraphError(`no concept matching '${query}' in graph '${g.getAttribute("name")}' (try one of: ${topConcepts(g, 8).join(", ")})`);
}

/** The concept best matching `query` by key, alias or shared lemma; undefined when none shares a word (GraphError when the name is empty). */
export function tryMatchConcept(g: ConceptGraph, query: string): ConceptMatch | undefined {
  const key = normalizeQuery(query);
  if (!key) throw new GraphError(`empty concept name '${query}'`);
  if (g.hasNode(key)) return { key, how: "exact", score: 1 };
  const abbr = g.getAttribute("abbreviations")[key];
  if (abbr && g.hasNode(abbr)) return { key: abbr, how: "alias", score: 1 };
  const lower = query.trim().toLowerCase();
  let aliasHit: string | undefined;
  g.forEachNode((k, a) => {
    if (!aliasHit && a.aliases.some((al) => al.toLowerCase() === lower || normalizeQuery(al) === key)) aliasHit = k;
  });
  if (aliasHit) return { key: aliasHit, how: "alias", score: 1 };
  const q = new Set(words(key));
  const qHead = words(key).at(-1)!;
  let best: ConceptMatch | undefined;
  let bestCount = -1;
  g.forEachNode((k, a) => {
    const w = words(k);
    const shared = w.filter((x) => q.has(x)).length;
    if (shared === 0) return;
    // Jaccard overlap, with a bonus when the heads agree ("silk fiber" ~ "spider silk fiber" over "silk gland").
    const score = shared / new Set([...w, ...q]).size + (w.at(-1) === qHead ? 0.25 : 0);
    if (!best || score > best.score || (score === best.score && a.count > bestCount)) {
      best = { key: k, how: "lemma", score };
      bestCount = a.count;
    }
  });
  return best;
}

/** The most mentioned concepts, for suggestions. */
export function topConcepts(g: ConceptGraph, n: number): string[] {
  return g
    .mapNodes((k, a) => [k, a.count] as const)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}
