import { createSimulatorWorld, type SimulatorModel } from "./simulator.js";
import type { Experiment, WorldDefinition, WorldInfo } from "./world.js";

/**
 * `double-slit`: particles (photons or electrons) pass a double slit one at a time and are counted by a
 * narrow detector pixel at screen position x.
 *
 * Physics (Fraunhofer far field; Born & Wolf, *Principles of Optics*, §8.5; Hecht, *Optics*, §10.2):
 *   I(x) = I0 · cos²(π d x / (λ L)) · sinc²(π a x / (λ L)),  sinc(u) = sin(u)/u,
 * with slit separation d, slit width a, wavelength λ (de Broglie wavelength for electrons) and
 * slit–screen distance L. Particles arrive independently, so the count in a fixed exposure is
 * Poisson-distributed with mean N0 · I(x)/I0 (Tonomura et al., Am. J. Phys. 57, 117 (1989), showed the
 * pattern building up from single-electron arrivals). The pixel (10 µm) is far narrower than the
 * smallest fringe period in range (1.6 mm), so the mean count is the intensity at the pixel centre
 * (pixel averaging would lower fringe contrast by < 0.01 %).
 *
 * Units chosen so the phase needs no conversion factor: x in mm, d and a in µm, λ in nm, L = 1 m, hence
 * π d x / (λ L) = π·d·x/λ in these numbers. Fixed: a = 4 µm (narrow slits, so the single-slit envelope
 * is a gentle correction of under 1 % over the ±5 mm screen), L = 1 m, N0 = 1000 counts at the
 * central maximum per exposure. Ranges: up to three fringes on each side of the centre (d ≤ 250 µm),
 * enough to make the fringes decisive while keeping the pattern learnable from a few hundred counts.
 *
 * Received theory: classical particles go through one slit or the other and pile up in two humps
 * behind the slits at ±d/2 (d/2000 in mm), each spread by the beam's divergence into a Gaussian of
 * width w. In the initial sub-range (|x| ≤ 1 mm, d ≈ 50 µm, λ ≈ 550 nm) the central fringe is one
 * smooth hump and the two-pile theory fits within the counting noise; over the full screen and slit
 * range the fringes make it fail decisively.
 */

/** Slit width in µm. */
export const SLIT_WIDTH_UM = 4;
/** Slit–screen distance in m. */
export const SCREEN_DISTANCE_M = 1;
/** Mean count at the central maximum per exposure. */
export const CENTRAL_COUNT = 1000;

/** sin(u)/u with its limit 1 at u = 0. */
export function sinc(u: number): number {
  return Math.abs(u) < 1e-8 ? 1 - (u * u) / 6 : Math.sin(u) / u;
}

/** Mean count at screen position x (mm) for slit separation d (µm) and wavelength λ (nm). */
export function doubleSlitMean(x: number, d: number, lambda: number): number {
  const scale = Math.PI * x / (lambda * SCREEN_DISTANCE_M);
  const s = sinc(scale * SLIT_WIDTH_UM);
  const c = Math.cos(scale * d);
  return CENTRAL_COUNT * c * c * s * s;
}

const info: WorldInfo = {
  name: "double-slit",
  description:
    "Particles detected one at a time behind a double slit: counts in a narrow detector pixel at screen position x, for slit separation d and wavelength lambda.",
  shape: "simulator",
  inputs: [
    { name: "x", min: -5, max: 5, unit: "mm", kind: "real", initial: [-1, 1], description: "screen position in mm (0 = straight behind the midpoint of the slits)" },
    { name: "d", min: 50, max: 250, unit: "µm", kind: "real", initial: [50, 55], description: "slit separation (centre to centre) in µm" },
    { name: "lambda", min: 400, max: 700, unit: "nm", kind: "real", initial: [540, 560], description: "wavelength in nm" },
  ],
  output: { name: "counts", unit: "1", description: "particles counted in the pixel during one exposure (Poisson)" },
  receivedTheory: "A*(exp(-((x - d/2000)/w)^2) + exp(-((x + d/2000)/w)^2))",
  cost: 1,
  noise: "Poisson counting noise (particles arrive independently); 1000 counts expected at the central maximum",
  noiseModel: { kind: "poisson" },
};

const model: SimulatorModel = {
  info,
  noiseFree: (e: Experiment) => doubleSlitMean(e.x, e.d, e.lambda),
  measure: (e, rng) => rng.poisson(doubleSlitMean(e.x, e.d, e.lambda)),
};

/** The double-slit world definition. */
export const doubleSlit: WorldDefinition = {
  name: "double-slit",
  summary: "particle counts behind a double slit; two piles (classical) versus interference fringes",
  truth: "N0*cos(pi*d*x/(lambda*L))^2*(sin(pi*a*x/(lambda*L))/(pi*a*x/(lambda*L)))^2",
  truthConstants: { N0: CENTRAL_COUNT, a: SLIT_WIDTH_UM, L: SCREEN_DISTANCE_M },
  truthNote:
    "Fraunhofer two-slit pattern I0·cos²(π d x/λL)·sinc²(π a x/λL) (Born & Wolf §8.5); the sinc factor is 0/0 at x = 0 where its limit is 1 (use noiseFree there).",
  noiseFree: model.noiseFree,
  create: (options) => createSimulatorWorld(model, options),
};
