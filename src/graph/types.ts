/**
 * The knowledge graph's data model. A concept graph is a graphology MultiDirectedGraph whose node keys are
 * normalised concept keys and whose edges carry a `relation` (verb phrase) and a coarse `relationClass`
 * used when comparing graphs across domains. Everything carries provenance back to the sentence.
 */
import type { MultiDirectedGraph } from "graphology";

/** Where a concept or relation was read: file, sentence index within the file, and the sentence. */
export interface Provenance {
  file: string;
  sentence: number;
  text: string;
}

/** Node attributes of a concept. */
export interface ConceptAttributes {
  /** The display name (the most frequent surface form). */
  label: string;
  /** Other surface forms and abbreviations that were merged into this concept. */
  aliases: string[];
  /** A coarse type when known (the language-model path sets it; offline extraction leaves "concept"). */
  type: string;
  /** A one-line definition when known. */
  description?: string;
  /** Number of mentions. */
  count: number;
  /** The first mentions (capped at PROVENANCE_CAP, in reading order). */
  provenance: Provenance[];
}

/** How an edge was found. */
export type EdgeKind = "relation" | "cooccurrence" | "hierarchy";

/** Edge attributes of a relation between two concepts. */
export interface RelationAttributes {
  /** The relation as read (a verb lemma with its particle, e.g. `consist of`, or `co-occurs with`). */
  relation: string;
  /** A coarse class of the relation (`increases`, `part_of`, …) so different verbs can agree across domains. */
  relationClass: string;
  kind: EdgeKind;
  /** Number of sentences that support the edge. */
  weight: number;
  /** The first supporting sentences (capped at PROVENANCE_CAP). */
  provenance: Provenance[];
}

/** One document that went into the graph. */
export interface DocumentRecord {
  file: string;
  sha256: string;
  sentences: number;
  words: number;
}

/** Graph-level attributes. */
export interface GraphAttributes {
  name: string;
  documents: DocumentRecord[];
  /** Abbreviation (lower case) → the concept key it stands for. */
  abbreviations: Record<string, string>;
}

/** The concept graph. */
export type ConceptGraph = MultiDirectedGraph<ConceptAttributes, RelationAttributes, GraphAttributes>;

/** The most provenance records kept per node or edge; `count`/`weight` still count every mention. */
export const PROVENANCE_CAP = 12;

/** A concept mention produced by an extractor, before merging. */
export interface ConceptMention {
  key: string;
  surface: string;
  type?: string;
  description?: string;
  provenance: Provenance;
}

/** A relation produced by an extractor, before merging. */
export interface RelationMention {
  source: string;
  target: string;
  relation: string;
  kind: EdgeKind;
  provenance: Provenance;
}

/** Everything an extractor read from one document. */
export interface Extraction {
  document: DocumentRecord;
  concepts: ConceptMention[];
  relations: RelationMention[];
  /** Abbreviations defined in the document: abbreviation (lower case) → concept key. */
  abbreviations: Record<string, string>;
}
