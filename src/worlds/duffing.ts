import { createSimulatorWorld, type SimulatorModel } from "./simulator.js";
import type { Experiment, WorldDefinition, WorldInfo } from "./world.js";

/**
 * `duffing`: a driven, damped oscillator with cubic (hardening) stiffness,
 *   x'' + δ x' + α x + β x³ = γ cos(ω t),
 * in nondimensional form (Kovacic & Brennan, *The Duffing Equation*, Wiley 2011, ch. 4) with δ = 0.2,
 * α = 1, β = 1. The oscillator starts at rest, is integrated by classical fourth-order Runge–Kutta with
 * 100 steps per drive period until the transient has decayed (t ≥ 40/δ, i.e. e^{−20}), and the
 * observable is the steady-state amplitude: half the peak-to-peak displacement over the next 10 drive
 * periods (extremes refined by parabolic interpolation). Measurement noise: 1 % multiplicative Gaussian.
 *
 * Received theory: the linear oscillator (β = 0), A = γ / √((α − ω²)² + (δ ω)²).
 * Truth (first-order harmonic balance; the frequency response of the cubic oscillator): A solves
 *   A² [ (α + ¾ β A² − ω²)² + (δ ω)² ] = γ²,
 * whose resonance peak bends along the backbone ω² = α + ¾ β A² toward higher frequency; where the
 * equation has three roots the oscillator is bistable and, starting from rest, lands on one branch
 * (the jump phenomenon). In the initial sub-range (γ ≤ 0.03) the amplitude stays below 0.15 and the
 * cubic term shifts the resonance by under 1 %, so the linear theory holds within the noise.
 */

/** Damping coefficient δ. */
export const DAMPING = 0.2;
/** Linear stiffness α. */
export const LINEAR = 1;
/** Cubic stiffness β. */
export const CUBIC = 1;
/** Relative measurement noise. */
const NOISE = 0.01;
const STEPS_PER_PERIOD = 100;
const MEASURED_PERIODS = 10;

/** Steady-state amplitude of x'' + δx' + αx + βx³ = γ cos(ωt) started from rest (RK4). */
export function duffingAmplitude(omega: number, gamma: number, delta = DAMPING, alpha = LINEAR, beta = CUBIC): number {
  const period = (2 * Math.PI) / omega;
  const h = period / STEPS_PER_PERIOD;
  const settlePeriods = Math.ceil(40 / delta / period);
  const accel = (t: number, x: number, v: number): number => gamma * Math.cos(omega * t) - delta * v - alpha * x - beta * x * x * x;
  let x = 0;
  let v = 0;
  let t = 0;
  const stepOnce = (): void => {
    const k1x = v;
    const k1v = accel(t, x, v);
    const k2x = v + 0.5 * h * k1v;
    const k2v = accel(t + 0.5 * h, x + 0.5 * h * k1x, k2x);
    const k3x = v + 0.5 * h * k2v;
    const k3v = accel(t + 0.5 * h, x + 0.5 * h * k2x, k3x);
    const k4x = v + h * k3v;
    const k4v = accel(t + h, x + h * k3x, k4x);
    x += (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    v += (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
    t += h;
  };
  // Step counts, not accumulated time, decide when to stop, so the result is exactly reproducible.
  for (let i = 0; i < settlePeriods * STEPS_PER_PERIOD; i++) stepOnce();
  let max = -Infinity;
  let min = Infinity;
  let prev2 = x;
  stepOnce();
  let prev1 = x;
  for (let i = 0; i < MEASURED_PERIODS * STEPS_PER_PERIOD; i++) {
    stepOnce();
    // A local extreme at prev1: refine by the parabola through three samples.
    if ((prev1 >= prev2 && prev1 >= x) || (prev1 <= prev2 && prev1 <= x)) {
      const denom = prev2 - 2 * prev1 + x;
      const peak = denom === 0 ? prev1 : prev1 - ((x - prev2) * (x - prev2)) / (8 * denom);
      if (peak > max) max = peak;
      if (peak < min) min = peak;
    }
    prev2 = prev1;
    prev1 = x;
  }
  return (max - min) / 2;
}

/** The linear oscillator's amplitude (the received theory with the true constants). */
export function linearAmplitude(omega: number, gamma: number, delta = DAMPING, alpha = LINEAR): number {
  return gamma / Math.sqrt((alpha - omega * omega) ** 2 + (delta * omega) ** 2);
}

const info: WorldInfo = {
  name: "duffing",
  description: "A driven, damped oscillator with hardening cubic stiffness: steady-state amplitude versus drive frequency omega and drive amplitude gamma.",
  shape: "simulator",
  inputs: [
    { name: "omega", min: 0.5, max: 2, unit: "1", kind: "real", initial: [0.5, 2], description: "drive frequency (natural frequency = 1)" },
    { name: "gamma", min: 0.01, max: 1, unit: "1", kind: "real", initial: [0.01, 0.03], scale: "log", description: "drive amplitude (force per unit mass)" },
  ],
  output: { name: "A", unit: "1", description: "steady-state amplitude of the displacement" },
  receivedTheory: "gamma/sqrt((k - omega^2)^2 + (c*omega)^2)",
  cost: 1,
  noise: "1% multiplicative Gaussian",
  noiseModel: { kind: "relative" },
};

const model: SimulatorModel = {
  info,
  noiseFree: (e: Experiment) => duffingAmplitude(e.omega, e.gamma),
  measure: (e, rng) => duffingAmplitude(e.omega, e.gamma) * (1 + NOISE * rng.normal()),
};

/** The Duffing-oscillator world definition. */
export const duffing: WorldDefinition = {
  name: "duffing",
  summary: "driven damped oscillator with cubic stiffness; linear resonance versus the bent (hardening) frequency response",
  truthNote:
    "Harmonic balance: A²[(α + ¾βA² − ω²)² + (δω)²] = γ² with δ = 0.2, α = 1, β = 1 (implicit in A; bistable near the bent resonance, where the branch reached from rest is observed).",
  noiseFree: model.noiseFree,
  create: (options) => createSimulatorWorld(model, options),
};

/**
 * The harmonic-balance amplitudes at (ω, γ): every positive root A of A²[(α + ¾βA² − ω²)² + (δω)²] = γ²,
 * ascending (one root, or three where the oscillator is bistable). The truth note's law, for benchmarks:
 * first-order harmonic balance neglects the higher harmonics, so it is itself an approximation of the
 * simulated amplitude.
 */
export function harmonicBalanceRoots(omega: number, gamma: number, delta = DAMPING, alpha = LINEAR, beta = CUBIC): number[] {
  // In u = A²: c²u³ + 2kc·u² + (k² + (δω)²)·u − γ² = 0 with c = ¾β, k = α − ω².
  const c = 0.75 * beta;
  const k = alpha - omega * omega;
  const coef = [c * c, 2 * k * c, k * k + (delta * omega) ** 2, -gamma * gamma];
  const f = (u: number) => ((coef[0] * u + coef[1]) * u + coef[2]) * u + coef[3];
  const df = (u: number) => (3 * coef[0] * u + 2 * coef[1]) * u + coef[2];
  // No cubic stiffness: the linear oscillator's single amplitude.
  if (c === 0) return coef[2] > 0 ? [Math.sqrt(-coef[3] / coef[2])] : [];
  const b = coef[1] / coef[0];
  const p = coef[2] / coef[0] - (b * b) / 3;
  const q = (2 * b * b * b) / 27 - (b * coef[2]) / (3 * coef[0]) + coef[3] / coef[0];
  const disc = (q / 2) ** 2 + (p / 3) ** 3;
  let ts: number[];
  if (disc > 0) {
    const s = Math.sqrt(disc);
    ts = [Math.cbrt(-q / 2 + s) + Math.cbrt(-q / 2 - s)];
  } else {
    const r = Math.sqrt(-p / 3);
    const phi = Math.acos(Math.max(-1, Math.min(1, -q / 2 / (r * r * r))));
    ts = [0, 1, 2].map((j) => 2 * r * Math.cos(phi / 3 - (2 * Math.PI * j) / 3));
  }
  const roots: number[] = [];
  for (const t of ts) {
    let u = t - b / 3;
    // Newton polishing: the closed form loses digits when roots nearly coincide.
    for (let i = 0; i < 3; i++) {
      const d = df(u);
      if (d !== 0) u -= f(u) / d;
    }
    if (u > 0 && Number.isFinite(u)) roots.push(Math.sqrt(u));
  }
  return roots.sort((x, y) => x - y);
}
