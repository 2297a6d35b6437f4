import { derive } from "../random/index.js";
import { createStagedWorld } from "./staged.js";
import type { Observation, StageSpec, WorldDefinition, WorldInfo } from "./world.js";

/**
 * `tensile-cyclic`: a simulated cyclic tensile test of a structural steel specimen, as a staged world.
 *
 * Physics: one-dimensional rate-independent elastoplasticity with linear isotropic hardening, integrated
 * along the strain path by the classical return-mapping algorithm (Simo & Hughes, *Computational
 * Inelasticity*, 1998, §1.4): trial stress σ* = E(ε − εp); if |σ*| > σy + H·α the step is plastic with
 * Δγ = (|σ*| − σy − Hα)/(E + H). Parameters of a mild structural steel (EN 10025 S275-class, bilinear
 * idealisation): E = 200 GPa, σy = 250 MPa (εy = 1.25e-3), post-yield tangent modulus Et = 2 GPa = E/100,
 * so the plastic modulus is H = E·Et/(E − Et).
 *
 * Protocol (stages, each requiring the previous one): elastic loading to ε = 0.001; post-yield loading to
 * ε = 0.03; elastic unloading to ε = 0.0286 (stress ≈ 28 MPa, short of reverse yielding); reloading to
 * ε = 0.04, which re-joins the hardening curve at the previous maximum strain. Inputs: strain and
 * loading direction (+1 loading, −1 unloading); observable: stress in MPa with a load-cell noise of
 * 2 MPa (Gaussian), drawn per observation from (seed, observation index) so any collection order gives
 * the same data.
 *
 * Truth (no reverse yielding on this path): σ = E ε − (E − Et)·max(cummax(ε) − εy, 0). The history
 * variable cummax(ε) (the largest strain reached so far) is what no law over (strain, direction) alone
 * can express: unloading and reloading at the same strain give different stresses.
 */

/** Young's modulus, MPa. */
export const YOUNG_MPA = 200_000;
/** Initial yield stress, MPa. */
export const YIELD_MPA = 250;
/** Post-yield tangent modulus, MPa. */
export const TANGENT_MPA = 2_000;
/** Load-cell noise, MPa. */
const NOISE_MPA = 2;

/** One stage of the protocol: strain grid and loading direction. */
interface ProtocolStage {
  spec: StageSpec;
  strains: number[];
  direction: 1 | -1;
}

function linspace(a: number, b: number, n: number, skipFirst = false): number[] {
  const out: number[] = [];
  for (let i = skipFirst ? 1 : 0; i < n; i++) out.push(a + ((b - a) * i) / (n - 1));
  return out;
}

const PROTOCOL: ProtocolStage[] = [
  {
    spec: { id: "stage_1_elastic_loading", label: "Elastic loading", description: "Monotonic loading at small strain, below yield.", prerequisites: [], initial: true },
    strains: linspace(0, 0.001, 25),
    direction: 1,
  },
  {
    spec: { id: "stage_2_post_yield_loading", label: "Post-yield loading", description: "Continued loading past yield into the hardening regime.", prerequisites: ["stage_1_elastic_loading"], initial: false },
    strains: linspace(0.001, 0.03, 36, true),
    direction: 1,
  },
  {
    spec: { id: "stage_3_unloading", label: "Unloading", description: "Partial unloading from the largest strain reached.", prerequisites: ["stage_2_post_yield_loading"], initial: false },
    strains: linspace(0.03, 0.0286, 26, true),
    direction: -1,
  },
  {
    spec: { id: "stage_4_reloading", label: "Reloading", description: "Reloading past the previous maximum strain.", prerequisites: ["stage_3_unloading"], initial: false },
    strains: linspace(0.0286, 0.04, 31, true),
    direction: 1,
  },
];

/** Stress (MPa) along a strain path by return mapping with linear isotropic hardening. */
export function elastoplasticPath(strains: readonly number[], E = YOUNG_MPA, sigmaY = YIELD_MPA, Et = TANGENT_MPA): number[] {
  const H = (E * Et) / (E - Et);
  let plastic = 0;
  let hardening = 0;
  return strains.map((eps) => {
    const trial = E * (eps - plastic);
    const f = Math.abs(trial) - (sigmaY + H * hardening);
    if (f <= 0) return trial;
    const dGamma = f / (E + H);
    const sign = Math.sign(trial);
    plastic += sign * dGamma;
    hardening += dGamma;
    return trial - sign * E * dGamma;
  });
}

/** Every observation of the protocol in stage order, noisy unless `noiseless`. */
function protocolObservations(seed: number, noiseless: boolean): Map<string, Observation[]> {
  const path = PROTOCOL.flatMap((s) => s.strains);
  const stress = elastoplasticPath(path);
  const out = new Map<string, Observation[]>();
  let k = 0;
  for (const stage of PROTOCOL) {
    const rows: Observation[] = [];
    for (const strain of stage.strains) {
      const noise = noiseless ? 0 : NOISE_MPA * derive(seed, "observation", k).normal();
      rows.push({ inputs: { strain, direction: stage.direction }, output: stress[k] + noise, stage: stage.spec.id });
      k += 1;
    }
    out.set(stage.spec.id, rows);
  }
  return out;
}

const allStrains = PROTOCOL.flatMap((s) => s.strains);
const info: WorldInfo = {
  name: "tensile-cyclic",
  description: "Cyclic tensile test of a steel specimen: stress versus strain and loading direction, collected in protocol stages (load, yield, unload, reload).",
  shape: "staged",
  inputs: [
    { name: "strain", min: Math.min(...allStrains), max: Math.max(...allStrains), unit: "1", kind: "real", initial: [0, 0.001], description: "engineering strain" },
    { name: "direction", min: -1, max: 1, unit: "1", kind: "integer", initial: [1, 1], description: "loading direction: +1 loading or reloading, -1 unloading" },
  ],
  output: { name: "stress", unit: "MPa", description: "engineering stress in MPa" },
  receivedTheory: "E*strain",
  stages: PROTOCOL.map((s) => s.spec),
  cost: 1,
  noise: "Gaussian load-cell noise, 2 MPa",
  noiseModel: { kind: "absolute" },
};

/** The tensile-cyclic world definition. */
export const tensileCyclic: WorldDefinition = {
  name: "tensile-cyclic",
  summary: "staged cyclic tensile test (load, yield, unload, reload); Hooke's law versus history-dependent plasticity",
  truth: "E*strain - (E - Et)*max(strain_max - ey, 0)",
  truthConstants: { E: YOUNG_MPA, Et: TANGENT_MPA, ey: YIELD_MPA / YOUNG_MPA },
  truthDerived: { strain_max: "cummax(strain)" },
  truthNote: "Bilinear elastoplasticity with linear isotropic hardening; the stress depends on the largest strain reached so far (cummax).",
  create: (options) => {
    const rows = protocolObservations(options.seed, options.noiseless ?? false);
    return createStagedWorld(info, (id) => rows.get(id) ?? []);
  },
};
