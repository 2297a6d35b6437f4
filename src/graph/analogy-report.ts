/** Plain-text report of analogies: concept pairs, the relations they preserve, and the transferred statements. */
import type { AnalogyMapping } from "./analogy.js";
import type { TransferredHypothesis } from "./transfer.js";
import type { ConceptGraph } from "./types.js";

/** Formats mappings best first, each with its pairs, preserved relations and up to ten transfers. */
export function formatAnalogies(a: ConceptGraph, b: ConceptGraph, items: Array<{ mapping: AnalogyMapping; transfer: TransferredHypothesis[] }>): string {
  const an = a.getAttribute("name");
  const bn = b.getAttribute("name");
  if (items.length === 0) return `no structure-preserving map between ${an} and ${bn} (try --min-preserved 1 or --cooccurrence)\n`;
  const lines: string[] = [];
  items.forEach(({ mapping: m, transfer }, i) => {
    lines.push(`mapping ${i + 1}: score ${m.score.toFixed(2)}, ${m.pairs.length} pairs, ${m.preserved} relations preserved, agreement ${m.agreement.toFixed(2)}`);
    const width = Math.max(...m.pairs.map((p) => a.getNodeAttribute(p.a, "label").length));
    for (const p of m.pairs) lines.push(`  ${a.getNodeAttribute(p.a, "label").padEnd(width)}  ↔  ${b.getNodeAttribute(p.b, "label")}`);
    lines.push("  preserved:");
    for (const e of m.edges) {
      const ra = a.getEdgeAttribute(e.a.edge, "relation");
      const rb = b.getEdgeAttribute(e.b.edge, "relation");
      lines.push(`    ${e.a.source} -[${ra}]-> ${e.a.target}   ≈   ${e.b.source} -[${rb}]-> ${e.b.target}   (${e.relationClass})`);
    }
    if (transfer.length > 0) {
      lines.push("  transfer (candidate hypotheses):");
      for (const t of transfer.slice(0, 10)) lines.push(`    in ${t.from === "a" ? bn : an}: ${t.text}`);
      if (transfer.length > 10) lines.push(`    … ${transfer.length - 10} more (--json lists all)`);
    }
    lines.push("");
  });
  return lines.join("\n");
}
