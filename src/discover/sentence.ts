import { roundLawText } from "../expr/significant.js";
import type { BreakType, BreakWitness } from "./types.js";

/** Short decimal for sentences: 3 significant digits, no exponent for ordinary magnitudes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

const TYPE_WORDS: Record<BreakType, string> = {
  parameter_update: "a parameter update",
  regime_split: "a regime split",
  new_variable: "a new variable",
  ontology_break: "an ontology break (a history variable the old vocabulary lacked)",
  structural: "a structural revision",
};

/** One plain sentence explaining a break, e.g. "The received theory predicts 3 counts at x = 0.3; 412 were observed." */
export function breakSentence(opts: {
  oldName: string;
  outputName: string;
  witness?: BreakWitness;
  type: BreakType;
  gainBits: number;
  newLaw: string;
  /** Measurements both laws were compared on. */
  measurements?: number;
}): string {
  const head = opts.oldName.charAt(0).toUpperCase() + opts.oldName.slice(1);
  const newLaw = roundLawText(opts.newLaw);
  const on = opts.measurements ? ` on the same ${opts.measurements} measurements` : "";
  const gain = `${Math.round(opts.gainBits)} bits`;
  // A miss within three noise-widths is no contradiction: the new law won by being shorter, not by fitting better.
  if (!opts.witness || (opts.witness.noiseWidths ?? Infinity) < 3) {
    return `${head} is replaced by the shorter ${newLaw}, which fits the measurements as well (${TYPE_WORDS[opts.type]}): the new law is ${gain} shorter than the old one${on}.`;
  }
  const at = Object.entries(opts.witness.inputs)
    .map(([k, v]) => `${k} = ${fmt(v)}`)
    .join(", ");
  return `${head} predicts ${opts.outputName} = ${fmt(opts.witness.predicted)} at ${at}; ${fmt(opts.witness.observed)} was observed — ${TYPE_WORDS[opts.type]} to ${newLaw}: the new law is ${gain} shorter than the old one${on}.`;
}
