import type { Evidence } from "../core/evidence.js";
import { noiseScales } from "../core/noise.js";
import type { WorldInfo } from "../worlds/world.js";
import { computeDerived, parseDerived } from "../core/derived.js";

/** One answered observation in run order (failed ones have a null output). */
export interface RunObservation {
  inputs: Record<string, number>;
  output: number | null;
  stage?: string;
  round: number;
}

/**
 * Builds the Explainer's evidence from the run's observations in order. Derived columns are computed over
 * the whole ordered history (failed observations included, since the specimen lived through them), then
 * rows whose output failed are dropped. A derived column identical to its input on this evidence is left
 * out: it adds a name but no information, and would only let the search pick a misleading twin. The world's
 * noise model (`info.noiseModel`; absent: absolute) gives the rows' noise scales, computed from the observed
 * outputs alone, so a resumed run rebuilds exactly the same ones.
 */
export function buildEvidence(
  info: WorldInfo,
  observations: readonly RunObservation[],
  derivedDefs: Record<string, string>,
  opts: { dropTwins?: boolean } = {},
): {
  evidence: Evidence;
  /** Derived variables actually offered (distinct from every input on this evidence). */
  offered: Record<string, string>;
} {
  const inputs = info.inputs.map((s) => s.name);
  const n = observations.length;
  const all: Record<string, Float64Array> = {};
  for (const name of inputs) all[name] = Float64Array.from(observations, (o) => o.inputs[name] ?? NaN);
  const offered: Record<string, string> = {};
  for (const [name, text] of Object.entries(derivedDefs)) {
    const col = computeDerived(parseDerived(text, inputs), all, n);
    if ((opts.dropTwins ?? true) && inputs.some((i) => sameColumn(all[i], col, observations))) continue;
    all[name] = col;
    offered[name] = text;
  }
  const keep: number[] = [];
  observations.forEach((o, i) => {
    if (o.output !== null && Number.isFinite(o.output)) keep.push(i);
  });
  const variables = [...inputs, ...Object.keys(offered)];
  const columns: Record<string, Float64Array> = {};
  for (const v of variables) columns[v] = Float64Array.from(keep, (i) => all[v][i]);
  const units: Record<string, string> = {};
  let allUnits = info.output.unit !== undefined;
  for (const s of info.inputs) {
    if (s.unit === undefined) allUnits = false;
    else units[s.name] = s.unit;
  }
  for (const [name, text] of Object.entries(offered)) {
    // cummax/cummin/lag/delta/cumsum of an input keep its unit.
    const base = inputs.find((i) => new RegExp(`\\b${i}\\b`).test(text));
    if (base && units[base] !== undefined) units[name] = units[base];
  }
  if (info.output.unit !== undefined) units[info.output.name] = info.output.unit;
  const target = Float64Array.from(keep, (i) => observations[i].output as number);
  const scales = noiseScales(target, info.noiseModel?.kind);
  return {
    evidence: {
      variables,
      columns,
      target,
      targetName: info.output.name,
      ...(allUnits ? { units } : {}),
      ...(scales ? { scales } : {}),
    },
    offered,
  };
}

function sameColumn(a: Float64Array, b: Float64Array, obs: readonly RunObservation[]): boolean {
  for (let i = 0; i < obs.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}
