/**
 * Segmentation of a predicted secondary structure into mechanical domains.
 *
 * Secondary-structure elements (helices ≥ 5, strands ≥ 3 residues) separated by loops of at most 8 residues
 * belong to one domain; a longer loop, or a domain reaching 150 residues, starts a new one. The class follows
 * the topology that decides how a domain resists force when pulled by its termini:
 *   ≥ 3 strands with strands at both ends → shear clamp ("beta-shear" if no helix, else "alpha-beta-shear");
 *   ≥ 2 strands otherwise → "beta-unzip" (no helix) or "alpha-beta";
 *   < 2 strands: ≥ 2 helices → "alpha-bundle", one helix → "helix"; a lone strand is not a domain.
 * Confidence is the mean probability of each residue's assigned state; it shifts the barrier (see forceModel).
 */
import type { SecondaryStructure } from "./chou-fasman.js";
import type { MechanicalClass } from "./mechanical-classes.js";

/** One predicted mechanical domain, residues [start, end). */
export interface Domain {
  /** First residue (0-based). */
  start: number;
  /** One past the last residue. */
  end: number;
  /** Mechanical class. */
  cls: MechanicalClass;
  /** Helices in the domain. */
  helices: number;
  /** Strands in the domain. */
  strands: number;
  /** Mean probability of the assigned states over the domain's residues (0–1). */
  confidence: number;
}

const MAX_LOOP = 8;
const MAX_DOMAIN = 150;

interface Element { state: "H" | "E"; start: number; end: number }

function elementsOf(states: string): Element[] {
  const out: Element[] = [];
  let i = 0;
  while (i < states.length) {
    const s = states[i];
    if (s !== "H" && s !== "E") { i++; continue; }
    let j = i;
    while (j < states.length && states[j] === s) j++;
    out.push({ state: s, start: i, end: j });
    i = j;
  }
  return out;
}

function classify(group: Element[]): MechanicalClass | null {
  const strands = group.filter((e) => e.state === "E").length;
  const helices = group.length - strands;
  const terminalStrands = group[0].state === "E" && group[group.length - 1].state === "E";
  if (strands >= 3 && terminalStrands) return helices === 0 ? "beta-shear" : "alpha-beta-shear";
  if (strands >= 2) return helices === 0 ? "beta-unzip" : "alpha-beta";
  if (helices >= 2) return "alpha-bundle";
  if (helices === 1) return "helix";
  return null;
}

/** Splits a predicted secondary structure into mechanical domains (in sequence order). */
export function segmentDomains(ss: SecondaryStructure): Domain[] {
  const elements = elementsOf(ss.states);
  const groups: Element[][] = [];
  for (const e of elements) {
    const last = groups[groups.length - 1];
    if (last && e.start - last[last.length - 1].end <= MAX_LOOP && e.end - last[0].start <= MAX_DOMAIN) last.push(e);
    else groups.push([e]);
  }
  const domains: Domain[] = [];
  for (const g of groups) {
    const cls = classify(g);
    if (cls === null) continue;
    const start = g[0].start;
    const end = g[g.length - 1].end;
    let conf = 0;
    for (let i = start; i < end; i++) {
      const s = ss.states[i];
      conf += s === "H" ? ss.pHelix[i] : s === "E" ? ss.pStrand[i] : ss.pCoil[i];
    }
    domains.push({
      start, end, cls,
      helices: g.filter((e) => e.state === "H").length,
      strands: g.filter((e) => e.state === "E").length,
      confidence: conf / (end - start),
    });
  }
  return domains;
}
