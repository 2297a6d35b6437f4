/**
 * Coarse relation classes. Two domains rarely share verbs ("reinforce" in materials, "support" in music),
 * but they share the shape of what the verbs do; analogy search compares these classes.
 */

const CLASSES: Record<string, readonly string[]> = {
  increases: ["increase", "enhance", "strengthen", "reinforce", "improve", "raise", "amplify", "boost", "intensify", "heighten", "toughen", "stiffen", "support", "sustain", "promote", "accelerate"],
  decreases: ["decrease", "reduce", "weaken", "lower", "diminish", "dampen", "suppress", "inhibit", "soften", "limit", "prevent", "dissipate", "attenuate", "resolve", "release", "relax"],
  part_of: ["contain", "include", "comprise", "consist of", "compose", "incorporate", "embed", "form part of", "belong to", "make up", "combine"],
  has_property: ["has", "have", "exhibit", "show", "display", "possess", "feature"],
  produces: ["produce", "form", "generate", "create", "yield", "give", "cause", "lead to", "result in", "give rise to", "build", "assemble", "emerge from", "arise from", "spin"],
  controls: ["control", "determine", "govern", "regulate", "shape", "guide", "organize", "organise", "define", "drive", "set", "direct", "modulate", "tune"],
  connects: ["connect", "link", "bind", "bridge", "join", "couple", "anchor", "tie", "cross-link", "hold", "unite", "transfer", "transmit", "carry"],
  is_a: ["be", "is a", "act as", "serve as", "become", "represent", "resemble", "behave as", "function as"],
  depends_on: ["depend on", "rely on", "require", "need", "follow", "respond to"],
  stabilizes: ["stabilize", "stabilise", "protect", "maintain", "preserve", "anchor", "lock", "resist"],
  repeats: ["repeat", "recur", "alternate", "cycle", "iterate", "echo", "vary", "develop", "transform", "modulate into"],
};

const BY_VERB = new Map<string, string>();
for (const [cls, verbs] of Object.entries(CLASSES)) for (const v of verbs) if (!BY_VERB.has(v)) BY_VERB.set(v, cls);

/** Whether `word` is the base form of a verb this module knows (used to catch verbs tagged as nouns). */
export function isKnownVerb(word: string): boolean {
  return BY_VERB.has(word) || EXTRA_VERBS.has(word);
}

const EXTRA_VERBS = new Set(["exhibit", "rise", "fall", "lack", "share", "mark", "predict", "shrink", "grow", "fail", "absorb", "tolerate", "imitate", "inspire", "modify", "interpret", "constrain", "confirm", "change", "persist", "present", "restate", "exceed", "describe", "align", "trigger", "unfold", "break", "reform", "act", "spin", "move"]);

/** The class of a relation phrase; unknown verbs are their own class, co-occurrence is `related_to`. */
export function relationClass(relation: string): string {
  if (relation === CO_OCCURS) return "related_to";
  if (relation === IS_A) return "is_a";
  const negated = relation.startsWith("not ");
  const phrase = negated ? relation.slice(4) : relation;
  const cls = BY_VERB.get(phrase) ?? BY_VERB.get(phrase.split(" ")[0]) ?? phrase;
  if (!negated) return cls;
  if (cls === "increases") return "decreases";
  if (cls === "decreases") return "increases";
  return `not ${cls}`;
}

/** The relation name of sentence-level co-occurrence edges. */
export const CO_OCCURS = "co-occurs with";

/** The relation name of hierarchy edges from a compound concept to its head ("silk fiber" → "fiber"). */
export const IS_A = "is a";
