/**
 * The words a scientist reads beside the numbers: what a count of bits compares, how many rounds a run
 * had, a short glossary, and what to do next. Pure (no imports of Node), so the web app shows the same
 * sentences as the report.
 */
import { formatSignificant, type ShownConstant } from "../expr/significant.js";

function bitsText(x: number): string {
  return `${Math.round(Math.abs(x)).toLocaleString("en")} bit${Math.round(Math.abs(x)) === 1 ? "" : "s"}`;
}

/** "the new law is 224 bits shorter than the old one on the same 36 measurements". */
export function bitsComparison(gainBits: number, measurements?: number): string {
  const on = measurements !== undefined && measurements > 0 ? ` on the same ${measurements} measurement${measurements === 1 ? "" : "s"}` : "";
  return `the new law is ${bitsText(gainBits)} shorter than the old one${on}`;
}

/** "1,929 bits to write down the law (73 bits) and what it leaves unexplained in 108 measurements (1,856 bits)". */
export function bitsBreakdown(total: number, model: number, data: number, measurements: number): string {
  return `${bitsText(total)} to write down the law (${bitsText(model)}) and what it leaves unexplained in ${measurements} measurement${measurements === 1 ? "" : "s"} (${bitsText(data)})`;
}

/** "the received theory fits the same measurements 65 bits worse than noise allows" — the falsification evidence. */
export function falsificationWords(gainBits: number): string {
  return `the new measurements contradict it by ${bitsText(gainBits)} of evidence: measurement noise alone would misfit this badly with a chance of about 1 in 2^${Math.round(gainBits)}`;
}

/**
 * The rounds of a run, counted the same way everywhere (terminal, report, web): round 0 takes the first
 * measurements, and each later round is one round of experiments. `lastRound` 7 → "7 rounds of experiments".
 */
export function roundsPhrase(lastRound: number): string {
  return `${lastRound} round${lastRound === 1 ? "" : "s"} of experiments`;
}

/** The names of the Breaker's strategies, in plain words. */
export const STRATEGY_WORDS: Record<string, string> = {
  initial: "the first measurements, in the comfortable range where the received theory is expected to hold",
  disagreement: "where the competing laws of the Explainer's front disagree most",
  residuals: "near the measurements the current law fits worst",
  coverage: "where the experiment space has not been measured yet",
  stages: "the next stage of a staged experiment",
  frontier: "the one experiment farthest from all the measurements so far (the boldest extrapolation)",
  random: "chosen at random (the baseline)",
  agent: "proposed by a language model",
};

/** The glossary a report ends with: each term in one or two sentences. */
export const GLOSSARY: Array<{ term: string; text: string }> = [
  {
    term: "bits (description length)",
    text: "The length of the shortest message that writes down a law and then the measurements given the law: the law's own bits plus the bits of what it leaves unexplained. A shorter total is a better explanation of the same measurements; a law must save bits to replace another, so a more complex law has to earn its complexity.",
  },
  {
    term: "received theory",
    text: "The textbook law a run starts from, the belief the Breaker tries to prove wrong (for the double slit: two piles behind two slits).",
  },
  {
    term: "falsified",
    text: "The measurements contradict a law beyond its own noise (Chow's predictive-failure test, counted in bits), not merely because a shorter law exists.",
  },
  {
    term: "break types",
    text: "A new variable (the law needs an input the old one ignored), a regime split (different laws on two sides of a threshold), an ontology break (a history variable such as the running maximum of the strain), a structural revision (a different form over the same inputs). A parameter update only refits constants and is not a break.",
  },
  {
    term: "Breaker strategies",
    text: Object.entries(STRATEGY_WORDS)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ") + ".",
  },
  {
    term: "R²",
    text: "The share of the variation in the measurements that the law accounts for (1 is all of it).",
  },
];

/** What a run's end state suggests measuring next; each item one sentence. */
export function nextSteps(opts: {
  inputs: ReadonlyArray<{ name: string; min: number; max: number; unit?: string }>;
  /** Values of each input measured so far. */
  measured: Record<string, readonly number[]>;
  r2: number;
  constants?: readonly ShownConstant[];
  receivedTheory?: string;
  falsified?: boolean;
  /** Inputs at the measurement the final law fits worst, when known. */
  worst?: Record<string, number>;
}): string[] {
  const out: string[] = [];
  const whole: string[] = [];
  for (const s of opts.inputs) {
    const vals = (opts.measured[s.name] ?? []).filter(Number.isFinite);
    if (vals.length === 0) continue;
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    const unit = s.unit && s.unit !== "1" ? ` ${s.unit}` : "";
    const span = s.max - s.min;
    if (span > 0 && (lo - s.min > 0.05 * span || s.max - hi > 0.05 * span)) {
      out.push(`Extend the range: ${s.name} was measured from ${formatSignificant(lo)} to ${formatSignificant(hi)}${unit} of the possible ${formatSignificant(s.min)} to ${formatSignificant(s.max)}${unit}; the law is untested outside.`);
    } else if (span > 0) whole.push(`${s.name} (${formatSignificant(s.min)} to ${formatSignificant(s.max)}${unit})`);
  }
  if (whole.length > 0) {
    const list = whole.length === 1 ? whole[0] : `${whole.slice(0, -1).join(", ")} and ${whole.at(-1)}`;
    out.push(`Extend the range: ${list} ${whole.length === 1 ? "was" : "were"} measured over the whole range the experiment allows; a wider instrument range is where the law can still break.`);
  }
  if (Number.isFinite(opts.r2) && opts.r2 < 0.999) {
    const at = opts.worst ? ` near ${Object.entries(opts.worst).map(([k, v]) => `${k} = ${formatSignificant(v)}`).join(", ")}, where the law fits worst,` : "";
    out.push(`Repeat at higher precision: the law accounts for ${(Math.max(0, opts.r2) * 100).toFixed(1)}% of the variation; repeated measurements${at} tell noise from a law that is still missing something.`);
  } else {
    out.push("Repeat at higher precision: the law accounts for nearly all the variation, so only more precise measurements can show a smaller deviation.");
  }
  const recognised = (opts.constants ?? []).filter((c) => c.recognised);
  if (recognised.length > 0) {
    for (const c of recognised) out.push(`Check a constant: ${c.name ? `${c.name} = ` : ""}${formatSignificant(c.value)} matches ${c.recognised}; a measurement designed to pin it down tests whether it is exactly that.`);
  } else {
    out.push("Check a constant: compare the fitted constants with known values (a slit spacing, a wavelength, a material constant); a constant that matches a known one is evidence the law is physical, not just a fit.");
  }
  if (opts.receivedTheory && opts.falsified === false) out.push("The received theory survived this run: a longer run or a wider range is the next attack on it.");
  return out;
}
