/**
 * Mechanical classes of protein domains and their Bell–Evans parameters, calibrated to measured anchors.
 *
 * Each class has a distance to the transition state Δx (approximate literature value) and an anchor: the
 * unfolding force measured by single-molecule force spectroscopy at a pulling speed. k0 is not taken from
 * the literature but solved for, so that our own pulling model (a domain of the anchor's size on a
 * 20-residue unfolded tether, cantilever 40 pN/nm) reproduces the anchor's mean force exactly:
 *   ⟨F⟩ = ∫ F(t) k(F(t)) S(t) dt,  S(t) = exp(−∫₀ᵗ k(F(s)) ds),
 * integrated numerically along the deterministic force ramp of the reference construct.
 * Anchors: titin I27 204 pN at 600 nm/s, Δx 0.25 nm (Carrion-Vazquez et al., PNAS 96:3694, 1999);
 * protein G B1 ≈ 190 pN, Δx ≈ 0.17 nm (Cao & Li, Nat. Mater. 6:109, 2007); ubiquitin pulled K48–C (β unzipping)
 * ≈ 85 pN, Δx ≈ 0.6 nm (Carrion-Vazquez et al., Nat. Struct. Biol. 10:738, 2003); barnase ≈ 70 pN, Δx ≈ 0.3 nm
 * (Best et al., PNAS 98:12143, 2001); spectrin α-helical bundle ≈ 30 pN, Δx ≈ 1.5 nm (Rief et al., J. Mol. Biol.
 * 286:553, 1999); isolated helix ≈ 20 pN, Δx 1 nm (order-of-magnitude anchor). All anchors are taken at the
 * reference speed 600 nm/s; where the original speed differed the anchor is approximate.
 */
import { solveForce } from "./pulling.js";
import { CONTOUR_PER_RESIDUE_NM, KT_298K_PN_NM, PEPTIDE_PERSISTENCE_NM } from "./worm-like-chain.js";

/** Mechanical class of a domain, from its secondary-structure topology. */
export type MechanicalClass = "beta-shear" | "alpha-beta-shear" | "beta-unzip" | "alpha-beta" | "alpha-bundle" | "helix";

/** Calibration anchor and barrier geometry of one class. */
export interface ClassParameters {
  /** Human-readable description. */
  description: string;
  /** Distance to the transition state (nm). */
  dx: number;
  /** Measured mean unfolding force at the reference speed (pN). */
  anchorForce: number;
  /** Residues of the anchor protein. */
  anchorResidues: number;
}

/** The class table; see the file comment for sources. */
export const CLASS_PARAMETERS: Readonly<Record<MechanicalClass, ClassParameters>> = {
  "beta-shear": { description: "β sandwich with terminal strands in shear (titin I27)", dx: 0.25, anchorForce: 204, anchorResidues: 89 },
  "alpha-beta-shear": { description: "α/β fold with terminal strands in shear (protein G B1)", dx: 0.17, anchorForce: 190, anchorResidues: 56 },
  "beta-unzip": { description: "β structure pulled in unzipping geometry (ubiquitin K48–C)", dx: 0.6, anchorForce: 85, anchorResidues: 76 },
  "alpha-beta": { description: "α/β fold without a terminal shear clamp (barnase)", dx: 0.3, anchorForce: 70, anchorResidues: 110 },
  "alpha-bundle": { description: "α-helical bundle (spectrin repeat)", dx: 1.5, anchorForce: 30, anchorResidues: 106 },
  helix: { description: "isolated α-helix", dx: 1.0, anchorForce: 20, anchorResidues: 20 },
};

/** Reference pulling speed of the anchors (nm/s). */
export const REFERENCE_SPEED = 600;
/** Default cantilever spring constant (pN/nm). */
export const DEFAULT_SPRING = 40;
/** Unfolded tether of the reference construct (residues). */
export const REFERENCE_TETHER = 20;

/** End-to-end span of a folded domain (nm): twice the radius of gyration 0.22 N^0.38 nm (Skolnick et al., 1997). */
export function foldedSpan(residues: number): number {
  return 2 * 0.22 * Math.pow(residues, 0.38);
}

/** Deterministic force ramp (pN, one value per 0.002 nm of base travel) of a domain on a tether until `maxForce`. */
export function forceRamp(residues: number, tether: number, spring: number, maxForce: number): Float64Array {
  const span = foldedSpan(residues);
  const contour = tether * CONTOUR_PER_RESIDUE_NM;
  const out: number[] = [];
  for (let z = span; ; z += RAMP_DZ) {
    const [f] = solveForce(z, span, contour, spring, PEPTIDE_PERSISTENCE_NM);
    out.push(f);
    if (f > maxForce) break;
  }
  return Float64Array.from(out);
}

const RAMP_DZ = 0.002;

/** Mean unfolding force (pN) along a force ramp sampled every RAMP_DZ of base travel at `speed` (nm/s). */
export function rampMeanForce(ramp: Float64Array, k0: number, dx: number, speed: number): number {
  const dt = RAMP_DZ / speed;
  let logSurvival = 0;
  let mean = 0;
  let prevRate = k0 * Math.exp((ramp[0] * dx) / KT_298K_PN_NM);
  for (let i = 1; i < ramp.length; i++) {
    const rate = k0 * Math.exp((ramp[i] * dx) / KT_298K_PN_NM);
    const dLog = 0.5 * (rate + prevRate) * dt;
    mean += Math.exp(-logSurvival) * (1 - Math.exp(-dLog)) * 0.5 * (ramp[i] + ramp[i - 1]);
    logSurvival += dLog;
    prevRate = rate;
    if (logSurvival > 40) return mean;
  }
  // The domain outlived the ramp: it is stronger than any force on it.
  return Infinity;
}

const calibrated = new Map<string, number>();

/** k0 (1/s) of a class such that the reference construct unfolds at the anchor force on average. */
export function calibratedK0(cls: MechanicalClass): number {
  const hit = calibrated.get(cls);
  if (hit !== undefined) return hit;
  const c = CLASS_PARAMETERS[cls];
  // Mean force decreases monotonically with k0: bisect on log k0.
  const ramp = forceRamp(c.anchorResidues, REFERENCE_TETHER, DEFAULT_SPRING, 3 * c.anchorForce + 100);
  let lo = -80;
  let hi = 20;
  for (let it = 0; it < 80; it++) {
    const mid = 0.5 * (lo + hi);
    const f = rampMeanForce(ramp, Math.exp(mid), c.dx, REFERENCE_SPEED);
    if (f > c.anchorForce) lo = mid; else hi = mid;
    if (hi - lo < 1e-6) break;
  }
  const k0 = Math.exp(0.5 * (lo + hi));
  calibrated.set(cls, k0);
  return k0;
}
