import { compile, type Expr } from "../expr/index.js";
import type { Evidence } from "../explain/types.js";
import { fitNoiseModel } from "../breaker/noise.js";
import type { BreakType, BreakWitness } from "./types.js";

/** Short decimal for sentences: 3 significant digits, no exponent for ordinary magnitudes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

/**
 * The observation that shows the break most plainly: where the old law missed by the most noise-widths,
 * noise being judged from the new law's residuals (the better account of the data).
 */
export function findWitness(
  oldExpr: Expr,
  oldParams: readonly number[],
  newPredicted: Float64Array,
  evidence: Evidence,
  rows: readonly number[],
  /** Variables to show in the sentence (the world's inputs and the derived ones either law uses). */
  shown: readonly string[] = evidence.variables,
): BreakWitness | undefined {
  let oldPred: Float64Array;
  try {
    oldPred = compile(oldExpr, evidence.variables).evaluate(
      evidence.variables.map((v) => evidence.columns[v]),
      oldParams,
    );
  } catch {
    return undefined;
  }
  const noise = fitNoiseModel(newPredicted, evidence.target);
  let best = -1;
  let bestZ = -Infinity;
  for (const i of rows) {
    const z = Math.abs(evidence.target[i] - oldPred[i]) / noise.sigma(newPredicted[i]);
    if (Number.isFinite(z) && z > bestZ) {
      bestZ = z;
      best = i;
    }
  }
  if (best < 0) return undefined;
  const inputs: Record<string, number> = {};
  for (const v of shown) if (evidence.columns[v]) inputs[v] = evidence.columns[v][best];
  return { inputs, predicted: oldPred[best], observed: evidence.target[best], noiseWidths: bestZ };
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
}): string {
  const head = opts.oldName.charAt(0).toUpperCase() + opts.oldName.slice(1);
  const gain = `${fmt(opts.gainBits)} bits`;
  // A miss within three noise-widths is no contradiction: the new law won by being shorter, not by fitting better.
  if (!opts.witness || (opts.witness.noiseWidths ?? Infinity) < 3) {
    return `${head} is replaced by the shorter ${opts.newLaw}, which fits the evidence as well (${TYPE_WORDS[opts.type]}), saving ${gain}.`;
  }
  const at = Object.entries(opts.witness.inputs)
    .map(([k, v]) => `${k} = ${fmt(v)}`)
    .join(", ");
  return `${head} predicts ${opts.outputName} = ${fmt(opts.witness.predicted)} at ${at}; ${fmt(opts.witness.observed)} was observed — ${TYPE_WORDS[opts.type]} to ${opts.newLaw} saves ${gain}.`;
}
