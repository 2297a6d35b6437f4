/**
 * The built-in forward model sequence → vibrations: Chou–Fasman secondary structure → idealised Cα trace
 * (backbone.ts) → anisotropic network model, per-residue amplitudes of the three lowest non-trivial modes, and
 * Gaussian network model B-factors (elastic-network.ts). Seed 0 gives the ideal trace; other seeds add 0.5 Å
 * Gaussian noise to every Cα to form stochastic replicas of the same design.
 */
import { buildBackbone } from "./backbone.js";
import { predictSecondaryStructure } from "./chou-fasman.js";
import { anmModes, gnmBfactors } from "./elastic-network.js";

/** Number of non-trivial modes reported. */
export const MODE_COUNT = 3;
/** Positional noise of stochastic replicas (Å). */
export const REPLICA_JITTER = 0.5;

/** What the vibration model predicts for one sequence. */
export interface ModesPrediction {
  /** Per-residue amplitudes of modes 7, 8, 9 (each scaled to a maximum of 1). */
  modes: number[][];
  /** GNM B-factors (Å² for γ = 1 kcal/(mol·Å²)). */
  bfactors: number[];
  /** ANM eigenvalues of the reported modes. */
  eigenvalues: number[];
  /** Predicted secondary structure (H/E/C). */
  secondaryStructure: string;
}

/** Predicts normal modes and B-factors of a validated sequence. */
export function predictModes(sequence: string, options: { seed?: number; bfactors?: boolean } = {}): ModesPrediction {
  const seed = options.seed ?? 0;
  const ss = predictSecondaryStructure(sequence);
  const coords = buildBackbone(sequence, ss.states, { jitter: seed === 0 ? 0 : REPLICA_JITTER, seed });
  const anm = anmModes(coords, MODE_COUNT);
  const modes = anm.amplitudes;
  // Very short chains have fewer than three non-trivial modes: pad with zeros so the shape is fixed.
  while (modes.length < MODE_COUNT) modes.push(new Array(sequence.length).fill(0));
  return {
    modes,
    bfactors: options.bfactors === false ? [] : Array.from(gnmBfactors(coords)),
    eigenvalues: Array.from(anm.eigenvalues.slice(6, 6 + MODE_COUNT)),
    secondaryStructure: ss.states,
  };
}
