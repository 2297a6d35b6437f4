/**
 * Elastic network models of a Cα trace.
 *
 * Anisotropic network model (ANM; Atilgan et al., Biophys. J. 80:505, 2001): every pair closer than the cutoff
 * (15 Å) is a Hookean spring of stiffness γ; the 3N×3N Hessian has off-diagonal blocks
 *   H_ij = −γ (r_ij ⊗ r_ij) / |r_ij|²  and diagonal blocks H_ii = −Σ_j H_ij,
 * whose six zero eigenvalues are the rigid-body motions; modes 7, 8, 9 are the three lowest non-trivial modes.
 * Gaussian network model (GNM; Bahar, Atilgan & Erman, Fold. Des. 2:173, 1997): the N×N Kirchhoff matrix
 * Γ_ij = −1 for contacts within 7.3 Å, Γ_ii = degree; B_i = (8π² kT / 3γ) [Γ⁺]_ii with Γ⁺ the pseudo-inverse.
 */
import { symmetricEigen } from "./symmetric-eigen.js";

/** Default ANM cutoff (Å). */
export const ANM_CUTOFF = 15;
/** Default GNM cutoff (Å). */
export const GNM_CUTOFF = 7.3;
/** kT at 298 K in kcal/mol (GNM B-factors are in Å² for γ = 1 kcal/(mol·Å²)). */
const KT_KCAL = 0.5925;

/** The 3N×3N ANM Hessian (row-major) of coordinates x0 y0 z0 x1 …, with unit spring constants. */
export function anmHessian(coords: ArrayLike<number>, cutoff = ANM_CUTOFF): Float64Array {
  const n = coords.length / 3;
  const m = 3 * n;
  const H = new Float64Array(m * m);
  const c2 = cutoff * cutoff;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = [coords[3 * j] - coords[3 * i], coords[3 * j + 1] - coords[3 * i + 1], coords[3 * j + 2] - coords[3 * i + 2]];
      const r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
      if (r2 > c2 || r2 === 0) continue;
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 3; b++) {
          const v = (-d[a] * d[b]) / r2;
          H[(3 * i + a) * m + 3 * j + b] = v;
          H[(3 * j + b) * m + 3 * i + a] = v;
          H[(3 * i + a) * m + 3 * i + b] -= v;
          H[(3 * j + a) * m + 3 * j + b] -= v;
        }
      }
    }
  }
  return H;
}

/** Normal modes of the ANM: eigenvalues ascending and per-residue amplitudes of the lowest non-trivial modes. */
export interface AnmModes {
  /** All 3N eigenvalues, ascending (the first six ≈ 0). */
  eigenvalues: Float64Array;
  /** For each requested mode, the per-residue amplitude |u_i|, scaled so the largest is 1. */
  amplitudes: number[][];
}

/** Computes ANM modes 7…(6+count) of a Cα trace. */
export function anmModes(coords: ArrayLike<number>, count = 3, cutoff = ANM_CUTOFF): AnmModes {
  const n = coords.length / 3;
  const { values, vectors } = symmetricEigen(anmHessian(coords, cutoff), 3 * n);
  const amplitudes: number[][] = [];
  for (let k = 6; k < Math.min(6 + count, 3 * n); k++) {
    const v = vectors[k];
    const amp = new Array<number>(n);
    let max = 0;
    for (let i = 0; i < n; i++) {
      amp[i] = Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      if (amp[i] > max) max = amp[i];
    }
    amplitudes.push(amp.map((a) => (max > 0 ? a / max : 0)));
  }
  return { eigenvalues: values, amplitudes };
}

/** The N×N Kirchhoff (connectivity Laplacian) matrix of a Cα trace. */
export function kirchhoff(coords: ArrayLike<number>, cutoff = GNM_CUTOFF): Float64Array {
  const n = coords.length / 3;
  const K = new Float64Array(n * n);
  const c2 = cutoff * cutoff;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = coords[3 * j] - coords[3 * i], dy = coords[3 * j + 1] - coords[3 * i + 1], dz = coords[3 * j + 2] - coords[3 * i + 2];
      if (dx * dx + dy * dy + dz * dz > c2) continue;
      K[i * n + j] = -1;
      K[j * n + i] = -1;
      K[i * n + i] += 1;
      K[j * n + j] += 1;
    }
  }
  return K;
}

/** GNM B-factors (Å², γ = 1 kcal/(mol·Å²)) from the pseudo-inverse of the Kirchhoff matrix. */
export function gnmBfactors(coords: ArrayLike<number>, cutoff = GNM_CUTOFF): Float64Array {
  const n = coords.length / 3;
  const { values, vectors } = symmetricEigen(kirchhoff(coords, cutoff), n);
  const b = new Float64Array(n);
  const tol = 1e-8 * Math.max(1, Math.abs(values[n - 1] ?? 1));
  for (let k = 0; k < n; k++) {
    // Skip the zero modes (one per connected component).
    if (values[k] <= tol) continue;
    const v = vectors[k];
    for (let i = 0; i < n; i++) b[i] += (v[i] * v[i]) / values[k];
  }
  const scale = (8 * Math.PI * Math.PI * KT_KCAL) / 3;
  for (let i = 0; i < n; i++) b[i] *= scale;
  return b;
}

/** Pearson correlation coefficient of two equal-length series. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma, y = b[i] - mb;
    sab += x * y; saa += x * x; sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
