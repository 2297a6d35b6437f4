/**
 * Transfer along an analogy: relations known between two mapped concepts of one domain, absent between
 * their images in the other, restated in the other domain's terms as candidate hypotheses.
 */
import type { AnalogyMapping } from "./analogy.js";
import { IS_A } from "./relation-classes.js";
import type { ConceptGraph } from "./types.js";

/** One transferred statement. */
export interface TransferredHypothesis {
  /** The domain the statement is known in ("a" or "b"). */
  from: "a" | "b";
  known: { source: string; relation: string; target: string; evidence?: string };
  /** The statement restated with the other domain's concepts. */
  proposed: { source: string; relation: string; target: string };
  /** Plain sentence: "In B, X may <relation> Y, as in A S <relation> T." */
  text: string;
}

/** "may <verb>" in grammatical English for our relation phrases. */
function modal(relation: string): string {
  if (relation === IS_A) return "may be a";
  if (relation === "has") return "may have";
  if (relation.startsWith("not ")) return `may not ${relation.slice(4)}`;
  return `may ${relation}`;
}

function transferOneWay(from: "a" | "b", src: ConceptGraph, dst: ConceptGraph, map: Map<string, string>, limit: number): TransferredHypothesis[] {
  const out: TransferredHypothesis[] = [];
  src.forEachEdge((_e, attrs, s, t) => {
    if (out.length >= limit || attrs.kind === "cooccurrence") return;
    const ms = map.get(s);
    const mt = map.get(t);
    if (!ms || !mt) return;
    // Known already in the other domain (with the same class of relation): nothing to transfer.
    const known = dst.edges(ms, mt).some((e) => dst.getEdgeAttribute(e, "relationClass") === attrs.relationClass);
    if (known) return;
    const p = attrs.provenance[0];
    const label = (g: ConceptGraph, k: string) => g.getNodeAttribute(k, "label");
    out.push({
      from,
      known: { source: s, relation: attrs.relation, target: t, evidence: p ? `${p.file}#${p.sentence}: ${p.text}` : undefined },
      proposed: { source: ms, relation: attrs.relation, target: mt },
      text: `${label(dst, ms)} ${modal(attrs.relation)} ${label(dst, mt)} — as ${label(src, s)} ${attrs.relation} ${label(src, t)}`,
    });
  });
  return out;
}

/** Candidate hypotheses in both directions along one mapping (at most `limit` each way). */
export function transferHypotheses(a: ConceptGraph, b: ConceptGraph, mapping: AnalogyMapping, limit = 20): TransferredHypothesis[] {
  const ab = new Map(mapping.pairs.map((p) => [p.a, p.b]));
  const ba = new Map(mapping.pairs.map((p) => [p.b, p.a]));
  return [...transferOneWay("a", a, b, ab, limit), ...transferOneWay("b", b, a, ba, limit)];
}
