/**
 * Constant-speed pulling of a chain of folded domains and unfolded segments by kinetic Monte Carlo.
 *
 * The pulling base moves at speed v; a cantilever spring (k_c) connects it to the chain, so
 *   F = k_c (z − x),   x = Σ d_folded + L_u · r(F),
 * where r(F) is the Marko–Siggia relative extension of the unfolded contour L_u. Each folded domain
 * unfolds with the Bell–Evans rate k_i(F) = k0_i exp(F Δx_i / kT). Because rates depend on time through F,
 * the waiting time is drawn exactly by integrating the total hazard Λ(t) = ∫ Σ k_i dt until it exceeds an
 * Exp(1) variate; the domain that unfolds is then chosen with probability k_i / Σ k_i. Steps in z are
 * adapted so that F changes by at most 0.5 pN per step. No refolding (forces far above equilibrium).
 */
import type { Rng } from "../random/index.js";
import { CONTOUR_PER_RESIDUE_NM, KT_298K_PN_NM, PEPTIDE_PERSISTENCE_NM, wlcForce, wlcForceSlope } from "./worm-like-chain.js";

/** One folded domain as the pulling simulation sees it. */
export interface PulledDomain {
  /** Residues in the domain (its contour when unfolded). */
  residues: number;
  /** Bell–Evans distance to the transition state (nm). */
  dx: number;
  /** Bell–Evans zero-force unfolding rate (1/s). */
  k0: number;
  /** End-to-end span of the folded domain (nm). */
  span: number;
}

/** Everything that defines one pulling experiment. */
export interface PullingSetup {
  /** Folded domains in series. */
  domains: PulledDomain[];
  /** Residues unfolded from the start (coil and linkers). */
  unfoldedResidues: number;
  /** Pulling speed (nm/s). */
  speed: number;
  /** Cantilever spring constant (pN/nm). */
  springConstant: number;
  /** Persistence length of unfolded chain (nm). */
  persistence?: number;
  /** The pull ends once every domain has unfolded and x ≥ endFraction × total contour. */
  endFraction?: number;
}

/** One unfolding event. */
export interface Rupture {
  /** Index of the domain that unfolded. */
  domain: number;
  /** Force at which it unfolded (pN). */
  force: number;
  /** Molecular extension at that moment (nm). */
  extension: number;
}

/** The recorded force–extension curve of one pull. */
export interface PullingTrace {
  /** Molecular extension x (nm), non-decreasing. */
  extension: Float64Array;
  /** Force (pN) at each point. */
  force: Float64Array;
  /** Unfolding events in order. */
  ruptures: Rupture[];
}

const MAX_DF = 0.5;
const MAX_DZ = 0.1;
const MAX_STEPS = 400_000;

/** Solves the force balance for base position z: returns [force, relative extension of the unfolded chain]. */
export function solveForce(z: number, folded: number, contour: number, kc: number, p: number): [number, number] {
  const slack = z - folded;
  if (slack <= 0) return [0, 0];
  if (contour <= 0) return [kc * slack, 0];
  // h(r) = F_wlc(r) − k_c (slack − L r) is increasing in r; its root lies in [0, min(1, slack / L)).
  let lo = 0;
  let hi = Math.min(1 - 1e-12, slack / contour);
  let r = 0.5 * hi;
  for (let it = 0; it < 100; it++) {
    const h = wlcForce(r, p) - kc * (slack - contour * r);
    if (h > 0) hi = r; else lo = r;
    let next = r - h / (wlcForceSlope(r, p) + kc * contour);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - r) < 1e-14) { r = next; break; }
    r = next;
  }
  return [kc * (slack - contour * r), r];
}

/** Runs one stochastic pull; `signal` is not needed here because one pull takes milliseconds. */
export function pull(setup: PullingSetup, rng: Rng): PullingTrace {
  const p = setup.persistence ?? PEPTIDE_PERSISTENCE_NM;
  const endFraction = setup.endFraction ?? 0.5;
  const kc = setup.springConstant;
  const v = setup.speed;
  const n = setup.domains.length;
  const folded = new Uint8Array(n).fill(1);
  let foldedSpan = 0;
  let totalResidues = setup.unfoldedResidues;
  for (const d of setup.domains) { foldedSpan += d.span; totalResidues += d.residues; }
  let contour = setup.unfoldedResidues * CONTOUR_PER_RESIDUE_NM;
  const totalContour = totalResidues * CONTOUR_PER_RESIDUE_NM;
  let remaining = n;
  const xs: number[] = [];
  const fs: number[] = [];
  const ruptures: Rupture[] = [];
  const hazard = (f: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) if (folded[i]) s += setup.domains[i].k0 * Math.exp((f * setup.domains[i].dx) / KT_298K_PN_NM);
    return s;
  };
  let z = foldedSpan;
  let [f, r] = solveForce(z, foldedSpan, contour, kc, p);
  let x = z - f / kc;
  xs.push(x); fs.push(f);
  let budget = rng.exponential();
  let accumulated = 0;
  let rate = hazard(f);
  for (let step = 0; step < MAX_STEPS; step++) {
    if (remaining === 0 && x >= endFraction * totalContour) break;
    const chainStiffness = contour > 0 ? wlcForceSlope(r, p) / contour : Infinity;
    const keff = 1 / (1 / kc + 1 / chainStiffness);
    const dz = Math.min(MAX_DZ, Math.max(1e-5, MAX_DF / keff));
    const zNew = z + dz;
    const [fNew, rNew] = solveForce(zNew, foldedSpan, contour, kc, p);
    const rateNew = hazard(fNew);
    const dH = 0.5 * (rate + rateNew) * (dz / v);
    if (remaining > 0 && accumulated + dH >= budget) {
      // The event falls inside this step: interpolate its position linearly in accumulated hazard.
      const s = dH > 0 ? (budget - accumulated) / dH : 1;
      const zr = z + s * dz;
      const [fr] = solveForce(zr, foldedSpan, contour, kc, p);
      const xr = zr - fr / kc;
      xs.push(xr); fs.push(fr);
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) if (folded[i]) weights[i] = setup.domains[i].k0 * Math.exp((fr * setup.domains[i].dx) / KT_298K_PN_NM);
      const which = rng.weighted(weights);
      folded[which] = 0;
      remaining -= 1;
      foldedSpan -= setup.domains[which].span;
      contour += setup.domains[which].residues * CONTOUR_PER_RESIDUE_NM;
      ruptures.push({ domain: which, force: fr, extension: xr });
      z = zr;
      [f, r] = solveForce(z, foldedSpan, contour, kc, p);
      x = z - f / kc;
      xs.push(x); fs.push(f);
      rate = hazard(f);
      budget = rng.exponential();
      accumulated = 0;
      continue;
    }
    accumulated += dH;
    z = zNew; f = fNew; r = rNew; rate = rateNew;
    x = z - f / kc;
    xs.push(x); fs.push(f);
  }
  return { extension: Float64Array.from(xs), force: Float64Array.from(fs), ruptures };
}

/** Area under the force–extension curve (pN·nm), by the trapezoid rule. */
export function curveEnergy(trace: PullingTrace): number {
  let e = 0;
  for (let i = 1; i < trace.extension.length; i++) {
    e += 0.5 * (trace.force[i] + trace.force[i - 1]) * (trace.extension[i] - trace.extension[i - 1]);
  }
  return e;
}

/**
 * The force history: mean force in each of `bins` equal bins of extension from 0 to the end of the pull
 * (pN). Bin means times bin width sum to the curve energy, so no peak is lost between samples.
 */
export function binnedForce(extension: ArrayLike<number>, force: ArrayLike<number>, bins = 25): Float64Array {
  const out = new Float64Array(bins);
  const m = extension.length;
  if (m < 2) return out;
  const x0 = 0;
  const x1 = extension[m - 1];
  if (!(x1 > x0)) return out;
  const width = (x1 - x0) / bins;
  for (let i = 1; i < m; i++) {
    let a = extension[i - 1];
    const b = extension[i];
    if (b <= a) continue;
    const fa = force[i - 1], fb = force[i];
    const slope = (fb - fa) / (b - a);
    // Spread the trapezoid over the bins it covers.
    while (a < b) {
      const bin = Math.min(bins - 1, Math.max(0, Math.floor((a - x0) / width)));
      const edge = Math.min(b, x0 + (bin + 1) * width);
      const end = bin === bins - 1 ? b : edge;
      const fA = fa + slope * (a - extension[i - 1]);
      const fB = fa + slope * (end - extension[i - 1]);
      out[bin] += 0.5 * (fA + fB) * (end - a);
      if (end <= a) break;
      a = end;
    }
  }
  for (let k = 0; k < bins; k++) out[k] /= width;
  return out;
}
