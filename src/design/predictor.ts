/**
 * The seam between design and forward models. A ProteinPredictor answers batches of sequences with force or mode
 * predictions; the built-in one runs our physics models, an external one (external-predictor.ts) delegates to a
 * process or HTTP endpoint (a ForceGen/VibeGen network, molecular dynamics, a lab) speaking the same JSON.
 */
import { predictForce } from "./force-model.js";
import { predictModes } from "./vibration-model.js";

/** A force prediction as exchanged with any predictor. */
export interface ForceResult {
  /** Maximum force (pN). */
  fmax: number;
  /** Unfolding energy (pN·nm). */
  energy: number;
  /** 25-point force history normalised by fmax. */
  history: number[];
}

/** A modes prediction as exchanged with any predictor. */
export interface ModesResult {
  /** Per-residue amplitudes of the three lowest non-trivial modes, each scaled to a maximum of 1. */
  modes: number[][];
  /** Per-residue B-factors, if the predictor provides them. */
  bfactors?: number[];
}

/** Options of one prediction request. */
export interface PredictOptions {
  /** Seed of the stochastic replicas (force) or of the geometry perturbation (modes; 0 = ideal). */
  seed: number;
  /** Replicas averaged per sequence (force). */
  replicas: number;
  /** Whether B-factors are wanted (modes; default true). The search skips them. */
  bfactors?: boolean;
}

/** Anything that predicts properties of sequences. */
export interface ProteinPredictor {
  /** Name shown in reports. */
  readonly name: string;
  /** Predicts force responses of sequences (same order). */
  force(sequences: string[], options: PredictOptions): Promise<ForceResult[]>;
  /** Predicts modes of sequences (same order). */
  modes(sequences: string[], options: PredictOptions): Promise<ModesResult[]>;
  /** Releases resources (processes, connections). */
  close(): Promise<void>;
}

/** Pulling conditions of the built-in predictor. */
export interface BuiltinConditions {
  /** Pulling speed (nm/s). */
  speed?: number;
  /** Cantilever spring constant (pN/nm). */
  springConstant?: number;
}

/** The built-in physics predictor (Chou–Fasman + Bell–Evans/WLC kinetic Monte Carlo + ANM/GNM). */
export function builtinPredictor(conditions: BuiltinConditions = {}): ProteinPredictor {
  return {
    name: "builtin (Chou–Fasman → Bell–Evans/WLC KMC; idealised Cα → ANM/GNM)",
    async force(sequences, options) {
      return sequences.map((s) => {
        const p = predictForce(s, { ...conditions, seed: options.seed, replicas: options.replicas });
        return { fmax: p.fmax, energy: p.energy, history: p.history };
      });
    },
    async modes(sequences, options) {
      return sequences.map((s) => {
        const p = predictModes(s, { seed: options.seed, bfactors: options.bfactors ?? true });
        return options.bfactors === false ? { modes: p.modes } : { modes: p.modes, bfactors: p.bfactors };
      });
    },
    async close() {},
  };
}
