import { createSimulatorWorld, type SimulatorModel } from "./simulator.js";
import type { Experiment, WorldDefinition, WorldInfo } from "./world.js";

/**
 * `blackbody`: spectral radiance of a cavity radiator at frequency ν and temperature T.
 *
 * Physics (Planck 1901; e.g. Rybicki & Lightman, *Radiative Processes in Astrophysics*, eq. 1.51):
 *   B(ν, T) = (2 h ν³ / c²) / (exp(h ν / (k T)) − 1)
 * with the exact SI constants h = 6.62607015e-34 J s, k = 1.380649e-23 J/K, c = 299792458 m/s (SI 2019).
 * Received theory (Rayleigh–Jeans, the classical equipartition limit): B = 2 ν² k T / c², valid for
 * h ν ≪ k T and divergent at high frequency (the "ultraviolet catastrophe").
 *
 * Units: ν in THz, T in K, B in pW·m⁻²·sr⁻¹·Hz⁻¹ (1e-12 W m⁻² sr⁻¹ Hz⁻¹). In these units
 * B = A ν³ / (exp(b ν / T) − 1) with A = 2h·10³⁶/c²/10⁻¹² = 0.0147450 and b = h·10¹²/k = 47.99243 K/THz,
 * and Rayleigh–Jeans is B = kRJ ν² T with kRJ = 2k·10²⁴/c²/10⁻¹² = 3.07236e-4.
 *
 * Measurement: a radiometer with 2 % multiplicative Gaussian noise, y = B·(1 + 0.02 z).
 * Initial sub-range ν ∈ [1, 5] THz at T ∈ [3000, 6000] K, where h ν / k T ≤ 0.08 and Rayleigh–Jeans is
 * within 4 % of Planck; the full range reaches the Wien tail (up to 1500 THz, h ν / k T up to 240).
 */

/** Planck's constant, J s. */
const H = 6.62607015e-34;
/** Boltzmann's constant, J/K. */
const K_B = 1.380649e-23;
/** Speed of light, m/s. */
const C = 299792458;
/** 2h/c² in THz³ → pW m⁻² sr⁻¹ Hz⁻¹ units. */
export const PLANCK_A = (2 * H * 1e36) / (C * C) / 1e-12;
/** h/k in K per THz. */
export const PLANCK_B = (H * 1e12) / K_B;
/** 2k/c² in the same units (Rayleigh–Jeans coefficient). */
export const RAYLEIGH_JEANS_K = (2 * 1e24 * K_B) / (C * C) / 1e-12;
/** Relative standard deviation of a measurement. */
const NOISE = 0.02;

/** Planck's spectral radiance in pW m⁻² sr⁻¹ Hz⁻¹ at ν (THz), T (K). */
export function planck(nu: number, T: number): number {
  // expm1 keeps full precision in the Rayleigh–Jeans limit where the exponent is tiny.
  return (PLANCK_A * nu * nu * nu) / Math.expm1((PLANCK_B * nu) / T);
}

/** The Rayleigh–Jeans radiance in the same units. */
export function rayleighJeans(nu: number, T: number): number {
  return RAYLEIGH_JEANS_K * nu * nu * T;
}

const info: WorldInfo = {
  name: "blackbody",
  description: "Spectral radiance of a black body versus frequency nu and temperature T, measured with 2% noise.",
  shape: "simulator",
  inputs: [
    { name: "nu", min: 1, max: 1500, unit: "THz", kind: "real", initial: [1, 5], scale: "log", description: "frequency in THz" },
    { name: "T", min: 300, max: 6000, unit: "K", kind: "real", initial: [3000, 6000], description: "temperature in K" },
  ],
  output: { name: "radiance", unit: "pW/(m^2*sr*Hz)", description: "spectral radiance in pW per m² per sr per Hz" },
  receivedTheory: "kRJ*nu^2*T",
  cost: 1,
  noise: "2% multiplicative Gaussian",
  noiseModel: { kind: "relative" },
};

const model: SimulatorModel = {
  info,
  noiseFree: (e: Experiment) => planck(e.nu, e.T),
  measure: (e, rng) => planck(e.nu, e.T) * (1 + NOISE * rng.normal()),
};

/** The blackbody world definition. */
export const blackbody: WorldDefinition = {
  name: "blackbody",
  summary: "spectral radiance versus frequency and temperature; Rayleigh–Jeans versus Planck",
  truth: "A*nu^3/(exp(b*nu/T) - 1)",
  truthConstants: { A: PLANCK_A, b: PLANCK_B },
  truthNote: "Planck's law B = 2hν³/c² / (exp(hν/kT) − 1); Rayleigh–Jeans 2ν²kT/c² is its hν ≪ kT limit.",
  noiseFree: model.noiseFree,
  create: (options) => createSimulatorWorld(model, options),
};
