/**
 * Offline concept and relation extraction with wink-nlp's English model: noun phrases become concepts,
 * verbs between two noun phrases of a sentence become typed relations (subject → object, passive voice
 * turned around, coordinated verbs sharing their subject), "A of B" becomes "B has A", "A is a B" becomes
 * "is a", and every pair of concepts in a sentence co-occurs. No network, no model download.
 */
import { createHash } from "node:crypto";
import { winkEnglishModel, winkNLP } from "./libs.js";
import { abbreviates, canonicalWord, conceptKey, singular } from "./normalize.js";
import { countWords, toPlainProse } from "./plain-text.js";
import { CO_OCCURS, IS_A, isKnownVerb } from "./relation-classes.js";
import type { ConceptMention, Extraction, Provenance, RelationMention } from "./types.js";

type Nlp = ReturnType<typeof winkNLP>;
type ItsFunction<T> = import("wink-nlp").ItsFunction<T>;
let shared: Nlp | undefined;

/** The wink-nlp instance, loaded once (loading the model takes a few hundred milliseconds). */
function nlp(): Nlp {
  shared ??= winkNLP(winkEnglishModel);
  return shared;
}

/** The sentences of plain prose, as the offline extractor numbers them. */
export function splitSentences(prose: string): string[] {
  return (nlp().readDoc(prose).sentences().out() as string[]).map((x) => x.trim());
}

/** One token after hyphenated compounds are joined ("beta" "-" "sheet" → "beta-sheet"). */
interface Unit {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

/** A noun phrase found in a sentence: unit range [start, end) and its concept key. */
interface Phrase {
  start: number;
  end: number;
  key: string;
  surface: string;
  words: string[];
}

const NOUNISH = new Set(["NOUN", "PROPN"]);
const MODIFIER_STOP = new Set([
  "such", "other", "many", "several", "various", "different", "same", "new", "certain", "own", "more", "most",
  "less", "few", "first", "second", "third", "main", "key", "important", "specific", "particular", "similar",
  "each", "every", "entire", "whole", "overall", "typical", "remarkable", "exceptional", "significant",
  "high", "low", "large", "small", "great", "good", "better", "best", "much", "further", "possible", "whose",
]);
const GENERIC_NOUNS = new Set([
  "way", "thing", "example", "case", "kind", "sort", "lot", "fact", "use", "paper", "work", "study", "result",
  "number", "amount", "part", "type", "one", "ones", "instance", "aspect", "term", "manner", "respect", "deal",
  "%", "i", "we", "it", "they", "this", "that", "these", "those", "which", "etc",
]);
const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being"]);
const SKIP_BEFORE_OBJECT = new Set(["DET", "ADV", "PART", "NUM", "ADJ", "ADP", "PRON"]);

/** Reads one document's text and returns its concepts and relations with provenance. */
export function extractOffline(file: string, source: string): Extraction {
  const prose = toPlainProse(source);
  const doc = nlp().readDoc(prose);
  const its = nlp().its;
  const concepts: ConceptMention[] = [];
  const relations: RelationMention[] = [];
  const abbreviations: Record<string, string> = {};
  let sentenceCount = 0;

  // Token attributes are read for the whole document at once: per-sentence reads cost several times more.
  const all = doc.tokens();
  const allValues = all.out() as string[];
  const allPos = all.out(its.pos) as string[];
  const allLemma = all.out(its.lemma as ItsFunction<string>) as string[];
  const allSpaces = all.out(its.precedingSpaces) as string[];
  doc.sentences().each((sentence, index) => {
    sentenceCount += 1;
    const tokens = sentence.tokens();
    if (tokens.length() === 0) return;
    const from = tokens.itemAt(0).index();
    const to = from + tokens.length();
    const units = joinCompounds(allValues.slice(from, to), allPos.slice(from, to), allLemma.slice(from, to), allSpaces.slice(from, to));
    const text = sentence.out().trim();
    const provenance: Provenance = { file, sentence: index, text };
    const phrases = findPhrases(units, abbreviations);
    const phraseAt = new Map<number, Phrase>();
    for (const p of phrases) for (let i = p.start; i < p.end; i++) phraseAt.set(i, p);

    for (const p of phrases) {
      concepts.push({ key: p.key, surface: p.surface, provenance });
      if (p.words.length > 1) {
        const head = p.words[p.words.length - 1];
        if (!GENERIC_NOUNS.has(head) && head.length > 1) {
          concepts.push({ key: head, surface: head, provenance });
          relations.push({ source: p.key, target: head, relation: IS_A, kind: "hierarchy", provenance });
        }
      }
    }
    for (const r of verbRelations(units, phrases, phraseAt)) relations.push({ ...r, kind: "relation", provenance });
    for (const r of ofRelations(units, phrases, phraseAt)) relations.push({ ...r, kind: "relation", provenance });

    const keys = [...new Set(phrases.map((p) => p.key))].slice(0, 12);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = keys[i] < keys[j] ? [keys[i], keys[j]] : [keys[j], keys[i]];
        relations.push({ source: a, target: b, relation: CO_OCCURS, kind: "cooccurrence", provenance });
      }
    }
  });

  return {
    document: { file, sha256: createHash("sha256").update(source).digest("hex"), sentences: sentenceCount, words: countWords(prose) },
    concepts,
    relations,
    abbreviations,
  };
}

function joinCompounds(values: string[], pos: string[], lemma: string[], spaces: string[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < values.length; i++) {
    const joinable =
      values[i] === "-" && spaces[i] === "" && i + 1 < values.length && spaces[i + 1] === "" && units.length > 0 && /[\p{L}\p{N}]$/u.test(units[units.length - 1].text) && /^[\p{L}\p{N}]/u.test(values[i + 1]);
    if (joinable) {
      const prev = units[units.length - 1];
      const next = values[i + 1];
      const nextPos = pos[i + 1] === "VERB" || pos[i + 1] === "AUX" ? "ADJ" : pos[i + 1];
      prev.text = `${prev.text}-${next}`;
      prev.lower = `${prev.lower}-${next.toLowerCase()}`;
      prev.lemma = `${prev.lower.slice(0, prev.lower.length - next.length)}${(lemma[i + 1] ?? next).toLowerCase()}`;
      prev.pos = NOUNISH.has(nextPos) ? "NOUN" : nextPos === "NUM" ? "NOUN" : "ADJ";
      i += 1;
      continue;
    }
    // A lower-case "proper noun" is a noun the tagger did not know ("the nanocrystals").
    const p = pos[i] === "PROPN" && /^[a-z]/.test(values[i]) ? "NOUN" : pos[i];
    units.push({ text: values[i], lower: values[i].toLowerCase(), lemma: (lemma[i] ?? values[i]).toLowerCase(), pos: p });
  }
  return units;
}

/** Head noun in singular form: the model's lemma when it changed the word, else our conservative rules. */
function headForm(u: Unit): string {
  // The tagger calls capitalised sentence-initial nouns ("Engineers modify") proper nouns.
  if (u.pos === "PROPN" && !/^[A-Z][a-z]+s$/.test(u.text)) return u.lower;
  if (u.lemma !== u.lower && u.lemma.length > 1) return canonicalWord(u.lemma);
  if (u.lower.includes("-")) {
    const parts = u.lower.split("-");
    parts[parts.length - 1] = singular(parts[parts.length - 1]);
    return parts.join("-");
  }
  return singular(u.lower);
}

/** The base of a known verb's third-person form ("releases" → "release", "links" → "link"), if it is one. */
function thirdPersonBase(word: string): string | undefined {
  if (!word.endsWith("s")) return undefined;
  if (isKnownVerb(word.slice(0, -1))) return word.slice(0, -1);
  if (word.endsWith("es") && isKnownVerb(word.slice(0, -2))) return word.slice(0, -2);
  return undefined;
}

function isWordy(u: Unit): boolean {
  return /\p{L}/u.test(u.text) && u.text.length > 1;
}

function findPhrases(units: Unit[], abbreviations: Record<string, string>): Phrase[] {
  const phrases: Phrase[] = [];
  let i = 0;
  while (i < units.length) {
    if (!((units[i].pos === "ADJ" || NOUNISH.has(units[i].pos)) && isWordy(units[i]))) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < units.length && (units[j].pos === "ADJ" || NOUNISH.has(units[j].pos)) && isWordy(units[j])) j += 1;
    // "fibers exhibit a …": a noun run followed by a determiner ends in a verb the tagger called a noun.
    if (j - i >= 2 && units[j]?.pos === "DET" && units[j - 1].pos === "NOUN") {
      units[j - 1].pos = "VERB";
      j -= 1;
    }
    // "spidroins form fibers", "humidity rises": a known verb after a plural noun (or with -s after a
    // singular one) inside a noun run is the sentence's verb.
    for (let k = i + 1; k < j; k++) {
      const prev = units[k - 1];
      const u = units[k];
      const prevPlural = prev.lower.endsWith("s") && headForm(prev) !== prev.lower;
      const verbBase = isKnownVerb(u.lower) && prevPlural;
      const third = thirdPersonBase(u.lower);
      const verbThird = third !== undefined && !prevPlural && prev.pos === "NOUN";
      if (NOUNISH.has(prev.pos) && (verbBase || verbThird)) {
        u.pos = "VERB";
        u.lemma = verbBase ? u.lower : third!;
        j = k;
        break;
      }
    }
    let end = j;
    while (end > i && !NOUNISH.has(units[end - 1].pos)) end -= 1;
    let start = i;
    while (start < end && (MODIFIER_STOP.has(units[start].lower) || units[start].pos === "ADJ" && start < end - 1 && MODIFIER_STOP.has(units[start].lemma))) start += 1;
    if (end - start > 4) start = end - 4;
    if (end > start) {
      const span = units.slice(start, end);
      const words = span.map((u, k) => (k === span.length - 1 ? headForm(u) : canonicalWord(u.lower)));
      let key = conceptKey(words);
      if (words.length === 1 && abbreviations[key]) key = abbreviations[key];
      const measurementUnit = words.length === 1 && units[start - 1]?.pos === "NUM";
      if (!(words.length === 1 && GENERIC_NOUNS.has(key)) && !measurementUnit) {
        phrases.push({ start, end, key, surface: span.map((u) => u.text).join(" "), words: key.split(" ") });
        // "persistence length (Lp)": the parenthesised abbreviation names this phrase.
        const open = units[end];
        const abbr = units[end + 1];
        const close = units[end + 2];
        if (open?.text === "(" && close?.text === ")" && abbr && /^[A-Za-z][A-Za-z0-9]{1,7}$/.test(abbr.text) && words.length > 1 && abbreviates(abbr.text, words)) {
          abbreviations[abbr.lower] = key;
          j = Math.max(j, end + 3);
        }
      }
    }
    i = Math.max(j, i + 1);
  }
  return phrases;
}

/** The phrase that heads a noun phrase ending just before unit `end`, following "A of B" back to A. */
function phraseEndingBefore(units: Unit[], phraseAt: Map<number, Phrase>, from: number, limit: number): Phrase | undefined {
  let k = from;
  while (k >= limit) {
    const p = phraseAt.get(k);
    if (p) {
      const before = p.start - 1;
      const prep = units[before];
      if (prep && prep.pos === "ADP" && prep.lower === "of" && phraseAt.get(before - 1)) return phraseEndingBefore(units, phraseAt, before - 1, limit);
      return p;
    }
    const u = units[k];
    if (u.pos === "VERB" || u.text === ";" || u.text === ":") return undefined;
    if (!(u.pos === "ADV" || u.pos === "AUX" || u.pos === "PART" || u.pos === "PRON" || u.pos === "DET" || u.text === "," || u.pos === "NUM" || u.pos === "ADJ")) return undefined;
    k -= 1;
  }
  return undefined;
}

function phraseStartingAfter(units: Unit[], phraseAt: Map<number, Phrase>, from: number): Phrase | undefined {
  for (let k = from; k < units.length && k < from + 6; k++) {
    const p = phraseAt.get(k);
    if (p) return p;
    if (!SKIP_BEFORE_OBJECT.has(units[k].pos)) return undefined;
  }
  return undefined;
}

function verbRelations(units: Unit[], phrases: Phrase[], phraseAt: Map<number, Phrase>): Array<{ source: string; target: string; relation: string }> {
  const out: Array<{ source: string; target: string; relation: string }> = [];
  let lastSubject: Phrase | undefined;
  let lastVerb = -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (phraseAt.has(i)) continue;
    // Copula: "A is a B".
    if (u.pos === "AUX" && BE_FORMS.has(u.lower) && (units[i + 1]?.lower === "a" || units[i + 1]?.lower === "an")) {
      const subject = phraseEndingBefore(units, phraseAt, i - 1, 0);
      const object = phraseAt.get(i + 2) ?? (units[i + 2]?.pos === "ADJ" ? phraseAt.get(i + 3) : undefined);
      if (subject && object && subject.key !== object.key) out.push({ source: subject.key, target: object.key, relation: IS_A });
      continue;
    }
    if (u.pos !== "VERB" || !isWordy(u)) continue;
    let negated = false;
    let passive = false;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const b = units[k];
      if (b.pos === "PART" && (b.lower === "not" || b.lower === "n't")) negated = true;
      else if (b.pos === "AUX" && BE_FORMS.has(b.lower)) passive = true;
      else if (b.pos !== "ADV" && b.pos !== "AUX") break;
    }
    // Third-person forms the lemmatiser left alone ("aligns") lose their -s when the base is a known verb.
    let relation = u.lemma === u.lower ? (thirdPersonBase(u.lower) ?? u.lemma) : u.lemma;
    let objectFrom = i + 1;
    const next = units[i + 1];
    if (passive && next?.lower === "by") {
      const agent = phraseStartingAfter(units, phraseAt, i + 2);
      const patient = phraseEndingBefore(units, phraseAt, i - 1, 0);
      if (agent && patient && agent.key !== patient.key) out.push({ source: agent.key, target: patient.key, relation: negated ? `not ${relation}` : relation });
      lastSubject = patient;
      lastVerb = i;
      continue;
    }
    if (next && next.pos === "ADP" && next.lower !== "by" && !phraseAt.has(i + 1)) {
      relation = `${relation} ${next.lower}`;
      objectFrom = i + 2;
    }
    let subject = phraseEndingBefore(units, phraseAt, i - 1, lastVerb + 1);
    if (!subject && lastVerb >= 0 && units.slice(lastVerb + 1, i).some((b) => b.pos === "CCONJ")) subject = lastSubject;
    const object = phraseStartingAfter(units, phraseAt, objectFrom);
    if (subject && object && subject.key !== object.key && !passive) out.push({ source: subject.key, target: object.key, relation: negated ? `not ${relation}` : relation });
    if (subject) lastSubject = subject;
    lastVerb = i;
  }
  return out;
}

function ofRelations(units: Unit[], phrases: Phrase[], phraseAt: Map<number, Phrase>): Array<{ source: string; target: string; relation: string }> {
  const out: Array<{ source: string; target: string; relation: string }> = [];
  for (const p of phrases) {
    const of = units[p.end];
    if (of?.lower !== "of") continue;
    const owner = phraseStartingAfter(units, phraseAt, p.end + 1);
    if (owner && owner.key !== p.key && !GENERIC_NOUNS.has(p.key)) out.push({ source: owner.key, target: p.key, relation: "has" });
  }
  return out;
}
