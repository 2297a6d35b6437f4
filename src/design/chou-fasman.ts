/**
 * Sequence → secondary structure with per-residue probabilities, after Chou & Fasman.
 *
 * Propensities P(α), P(β), P(turn) are the published conformational parameters of
 * P. Y. Chou & G. D. Fasman, Adv. Enzymol. 47:45–148 (1978), Table of "Pα, Pβ, Pt" (×100 here).
 * The classical nucleate-and-extend rules are replaced by their smooth equivalent so that the
 * optimiser sees a graded landscape:
 *   ⟨Pα⟩_i = mean of Pα over a 6-residue window centred on i (helix nucleus size),
 *   ⟨Pβ⟩_i = mean of Pβ over a 5-residue window (strand nucleus size),
 *   ⟨Pt⟩_i = mean of Pt over a 4-residue window (turn tetrapeptide),
 *   p(H) ∝ exp(κ(⟨Pα⟩ − 1.03)), p(E) ∝ exp(κ(⟨Pβ⟩ − 1.05)), p(C) ∝ exp(κ(max(⟨Pt⟩, 1) − 1)),
 * with κ = 10 and the Chou–Fasman thresholds 1.03 (helix) and 1.05 (sheet). The state of each residue
 * is its most probable one; helices shorter than 5 and strands shorter than 3 residues become coil
 * (the minimum nucleus lengths of the original rules). Accuracy is that of Chou–Fasman: Q3 ≈ 50–60 %.
 */
import { AA_INDEX, AMINO_ACIDS } from "./amino-acids.js";

/** Secondary-structure state of one residue: helix, strand or coil. */
export type SsState = "H" | "E" | "C";

/** The predicted secondary structure of a sequence. */
export interface SecondaryStructure {
  /** One letter per residue: H, E or C. */
  states: string;
  /** Probability of helix per residue. */
  pHelix: Float64Array;
  /** Probability of strand per residue. */
  pStrand: Float64Array;
  /** Probability of coil per residue. */
  pCoil: Float64Array;
}

// Columns: Pα, Pβ, Pt (×100), in AMINO_ACIDS order (A C D E F G H I K L M N P Q R S T V W Y).
const TABLE: Record<string, [number, number, number]> = {
  A: [142, 83, 66], C: [70, 119, 119], D: [101, 54, 146], E: [151, 37, 74], F: [113, 138, 60],
  G: [57, 75, 156], H: [100, 87, 95], I: [108, 160, 47], K: [114, 74, 101], L: [121, 130, 59],
  M: [145, 105, 60], N: [67, 89, 156], P: [57, 55, 152], Q: [111, 110, 98], R: [98, 93, 95],
  S: [77, 75, 143], T: [83, 119, 96], V: [106, 170, 50], W: [108, 137, 96], Y: [69, 147, 114],
};

/** Chou–Fasman helix propensity per amino acid (AMINO_ACIDS order, 1.0 = neutral). */
export const P_ALPHA = Float64Array.from([...AMINO_ACIDS].map((a) => TABLE[a][0] / 100));
/** Chou–Fasman strand propensity per amino acid. */
export const P_BETA = Float64Array.from([...AMINO_ACIDS].map((a) => TABLE[a][1] / 100));
/** Chou–Fasman turn propensity per amino acid. */
export const P_TURN = Float64Array.from([...AMINO_ACIDS].map((a) => TABLE[a][2] / 100));

const KAPPA = 10;
const MIN_HELIX = 5;
const MIN_STRAND = 3;

function windowMean(values: Float64Array, width: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const left = Math.floor((width - 1) / 2);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - left);
    const hi = Math.min(n, lo + width);
    let s = 0;
    for (let j = lo; j < hi; j++) s += values[j];
    out[i] = s / (hi - lo);
  }
  return out;
}

/** Turns runs of `state` shorter than `min` into coil, in place. */
function dropShortRuns(states: string[], state: SsState, min: number): void {
  let i = 0;
  while (i < states.length) {
    if (states[i] !== state) { i++; continue; }
    let j = i;
    while (j < states.length && states[j] === state) j++;
    if (j - i < min) for (let k = i; k < j; k++) states[k] = "C";
    i = j;
  }
}

/** Predicts helix/strand/coil states and their probabilities for a validated sequence. */
export function predictSecondaryStructure(sequence: string): SecondaryStructure {
  const n = sequence.length;
  const pa = new Float64Array(n);
  const pb = new Float64Array(n);
  const pt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = AA_INDEX[sequence[i]];
    pa[i] = P_ALPHA[k];
    pb[i] = P_BETA[k];
    pt[i] = P_TURN[k];
  }
  const wa = windowMean(pa, 6);
  const wb = windowMean(pb, 5);
  const wt = windowMean(pt, 4);
  const pHelix = new Float64Array(n);
  const pStrand = new Float64Array(n);
  const pCoil = new Float64Array(n);
  const states: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const h = Math.exp(KAPPA * (wa[i] - 1.03));
    const e = Math.exp(KAPPA * (wb[i] - 1.05));
    const c = Math.exp(KAPPA * (Math.max(wt[i], 1) - 1));
    const z = h + e + c;
    pHelix[i] = h / z;
    pStrand[i] = e / z;
    pCoil[i] = c / z;
    states[i] = h >= e && h >= c ? "H" : e >= c ? "E" : "C";
  }
  dropShortRuns(states, "H", MIN_HELIX);
  dropShortRuns(states, "E", MIN_STRAND);
  return { states: states.join(""), pHelix, pStrand, pCoil };
}

/** Fraction of residues whose predicted state equals the reference state (Q3 when both use H/E/C). */
export function q3(predicted: string, reference: string): number {
  if (predicted.length !== reference.length || predicted.length === 0) throw new Error("q3: strings must have equal, non-zero length");
  let same = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === reference[i]) same++;
  return same / predicted.length;
}
