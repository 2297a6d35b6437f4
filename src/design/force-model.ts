/**
 * The built-in forward model sequence → mechanical unfolding.
 *
 * sequence → Chou–Fasman secondary structure → mechanical domains (domains.ts) → Bell–Evans parameters per
 * class (mechanical-classes.ts), the barrier shifted by the domain's structural confidence c:
 *   k0 = k0_class · exp(−s),  s = clamp(4 (c − 0.6), −2, 2)   (a heuristic: better-defined structure, higher barrier)
 * → constant-speed kinetic Monte Carlo pulls (pulling.ts), averaged over replicas with seeds derived from one seed.
 * Outputs the curve of the first replica, the mean maximum force, the mean unfolding energy (area under the
 * curve, pN·nm; 1 pN·nm = 0.144 kcal/mol) and the 25-point force history normalised by the maximum force.
 */
import { predictSecondaryStructure } from "./chou-fasman.js";
import { segmentDomains, type Domain } from "./domains.js";
import { calibratedK0, CLASS_PARAMETERS, DEFAULT_SPRING, foldedSpan, REFERENCE_SPEED } from "./mechanical-classes.js";
import { binnedForce, curveEnergy, pull, type PullingSetup, type PullingTrace } from "./pulling.js";
import { derive } from "../random/index.js";

/** Number of points in a force history. */
export const HISTORY_POINTS = 25;

/** Conditions of a simulated pulling experiment. */
export interface ForceConditions {
  /** Pulling speed (nm/s); default 600. */
  speed?: number;
  /** Cantilever spring constant (pN/nm); default 40. */
  springConstant?: number;
  /** Stochastic replicas to average; default 8. */
  replicas?: number;
  /** Seed of the replicas; default 1. */
  seed?: number;
}

/** What the force model predicts for one sequence. */
export interface ForcePrediction {
  /** Mean over replicas of the maximum force (pN). */
  fmax: number;
  /** Mean over replicas of the unfolding energy (pN·nm). */
  energy: number;
  /** 25-point force history (mean binned force over replicas ÷ fmax). */
  history: number[];
  /** Standard deviation over replicas of the maximum force (pN). */
  fmaxSpread: number;
  /** Standard deviation over replicas of the energy (pN·nm). */
  energySpread: number;
  /** Mean binned force in pN (history × fmax), the basis of curve matching. */
  historyForce: number[];
  /** Predicted secondary structure (H/E/C). */
  secondaryStructure: string;
  /** Predicted mechanical domains. */
  domains: Domain[];
  /** Curve of the first replica: extension (nm) and force (pN), thinned to at most 400 points. */
  curve: { extension: number[]; force: number[] };
}

function setupFor(sequence: string, domains: Domain[], speed: number, spring: number): PullingSetup {
  let inDomains = 0;
  const pulled = domains.map((d) => {
    const residues = d.end - d.start;
    inDomains += residues;
    const c = CLASS_PARAMETERS[d.cls];
    const s = Math.max(-2, Math.min(2, 4 * (d.confidence - 0.6)));
    return { residues, dx: c.dx, k0: calibratedK0(d.cls) * Math.exp(-s), span: foldedSpan(residues) };
  });
  return { domains: pulled, unfoldedResidues: sequence.length - inDomains, speed, springConstant: spring };
}

function thin(trace: PullingTrace, max: number): { extension: number[]; force: number[] } {
  const m = trace.extension.length;
  const stride = Math.max(1, Math.ceil(m / max));
  const ext: number[] = [];
  const f: number[] = [];
  // Keep every rupture peak so the thinned curve still shows the sawtooth.
  const peaks = new Set<number>();
  for (let i = 1; i < m - 1; i++) if (trace.force[i] > trace.force[i - 1] && trace.force[i] > trace.force[i + 1]) peaks.add(i);
  for (let i = 0; i < m; i++) {
    if (i % stride === 0 || i === m - 1 || peaks.has(i)) { ext.push(trace.extension[i]); f.push(trace.force[i]); }
  }
  return { extension: ext, force: f };
}

function meanSd(values: number[]): [number, number] {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const v = values.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, values.length - 1);
  return [m, Math.sqrt(v)];
}

/** Predicts the unfolding response of a validated sequence. */
export function predictForce(sequence: string, conditions: ForceConditions = {}): ForcePrediction {
  const speed = conditions.speed ?? REFERENCE_SPEED;
  const spring = conditions.springConstant ?? DEFAULT_SPRING;
  const replicas = Math.max(1, Math.floor(conditions.replicas ?? 8));
  const seed = conditions.seed ?? 1;
  const ss = predictSecondaryStructure(sequence);
  const domains = segmentDomains(ss);
  const setup = setupFor(sequence, domains, speed, spring);
  const fmaxes: number[] = [];
  const energies: number[] = [];
  const hist = new Float64Array(HISTORY_POINTS);
  let first: PullingTrace | null = null;
  for (let r = 0; r < replicas; r++) {
    const trace = pull(setup, derive(seed, "replica", r));
    if (first === null) first = trace;
    let fmax = 0;
    for (const f of trace.force) if (f > fmax) fmax = f;
    fmaxes.push(fmax);
    energies.push(curveEnergy(trace));
    const b = binnedForce(trace.extension, trace.force, HISTORY_POINTS);
    for (let k = 0; k < HISTORY_POINTS; k++) hist[k] += b[k] / replicas;
  }
  const [fmax, fmaxSpread] = meanSd(fmaxes);
  const [energy, energySpread] = meanSd(energies);
  return {
    fmax, energy, fmaxSpread, energySpread,
    history: Array.from(hist, (h) => (fmax > 0 ? h / fmax : 0)),
    historyForce: Array.from(hist),
    secondaryStructure: ss.states,
    domains,
    curve: thin(first!, 400),
  };
}
