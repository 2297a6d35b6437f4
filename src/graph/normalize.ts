/**
 * Concept-name normalisation: the rules that make "Spider silk fibers", "spider-silk fiber" and
 * "spider silk fibre" land on one node key.
 */

const INVARIANT_ENDINGS = ["ss", "us", "is", "as", "ics", "ies"] as const;
const INVARIANT_WORDS = new Set(["series", "species", "means", "news", "chaos", "gas", "lens", "bias", "physics", "kinetics"]);
const BRITISH = new Map([
  ["fibre", "fiber"],
  ["behaviour", "behavior"],
  ["colour", "color"],
  ["centre", "center"],
  ["modelling", "modeling"],
  ["harmonisation", "harmonization"],
]);

/**
 * Singular form of a lower-case noun. The NLP model lemmatises common plurals; this catches the ones it
 * leaves alone (technical words such as "nanocrystals"), conservatively.
 */
export function singular(word: string): string {
  const w = BRITISH.get(word) ?? word;
  return BRITISH.get(singularRule(w)) ?? singularRule(w);
}

function singularRule(w: string): string {
  if (w.length <= 3 || INVARIANT_WORDS.has(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (/(?:sses|xes|ches|shes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !INVARIANT_ENDINGS.some((e) => w.endsWith(e))) return w.slice(0, -1);
  return w;
}

/** Canonical spelling of a single lower-case word (British → American for common cases). */
export function canonicalWord(word: string): string {
  return BRITISH.get(word) ?? word;
}

/** A node key from normalised words: lower case, single spaces, hyphens kept inside words. */
export function conceptKey(words: readonly string[]): string {
  return words
    .map((w) => w.toLowerCase().trim())
    .filter((w) => w.length > 0)
    .join(" ")
    .replace(/\s+/g, " ");
}

/** Normalises free text typed by a user or a model ("Spider Silk Fibres") into the key space. */
export function normalizeQuery(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "";
  const last = words.length - 1;
  return conceptKey(words.map((w, i) => (i === last ? singular(w) : canonicalWord(w))));
}

/**
 * Whether `abbr` plausibly abbreviates `words`: its letters appear in order from a word initial ("FEM" ←
 * "finite element method"), or it is made of the words' initials in any order ("Lp" ← "persistence length").
 */
export function abbreviates(abbr: string, words: readonly string[]): boolean {
  const a = abbr.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (a.length < 2 || a.length > 8 || words.length === 0) return false;
  const initials = words.map((w) => w[0]?.toLowerCase() ?? "");
  if (!initials.includes(a[0])) return false;
  // Subscript-style abbreviations ("Lp" for persistence length) use every initial, in any order.
  if (a.length <= initials.length && [...a].every((ch) => initials.includes(ch)) && new Set(a).size === a.length) return true;
  const text = words.slice(initials.indexOf(a[0])).join(" ").toLowerCase();
  let pos = 0;
  for (const ch of a) {
    const found = text.indexOf(ch, pos);
    if (found < 0) return false;
    pos = found + 1;
  }
  return true;
}
