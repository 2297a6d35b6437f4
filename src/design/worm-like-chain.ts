/**
 * Worm-like-chain elasticity of unfolded polypeptide, Marko–Siggia interpolation
 * (J. F. Marko & E. D. Siggia, Macromolecules 28:8759, 1995):
 *   F(x) = (kT / p) · [ 1 / (4 (1 − x/L)²) − 1/4 + x/L ],
 * with persistence length p ≈ 0.4 nm and contour length L = 0.38 nm × residues, the values fitted to
 * titin I27 unfolding (M. Rief et al., Science 276:1109, 1997; M. Carrion-Vazquez et al., PNAS 96:3694, 1999).
 */

/** Thermal energy at 298 K in pN·nm. */
export const KT_298K_PN_NM = 4.114;
/** Persistence length of unfolded polypeptide (nm). */
export const PEPTIDE_PERSISTENCE_NM = 0.4;
/** Contour length per residue (nm). */
export const CONTOUR_PER_RESIDUE_NM = 0.38;

/** Marko–Siggia force (pN) at relative extension r = x/L in [0, 1). */
export function wlcForce(r: number, persistence = PEPTIDE_PERSISTENCE_NM): number {
  const u = 1 - r;
  return (KT_298K_PN_NM / persistence) * (1 / (4 * u * u) - 0.25 + r);
}

/** d F / d r of the Marko–Siggia force (pN per unit relative extension). */
export function wlcForceSlope(r: number, persistence = PEPTIDE_PERSISTENCE_NM): number {
  const u = 1 - r;
  return (KT_298K_PN_NM / persistence) * (1 / (2 * u * u * u) + 1);
}

/** Relative extension r = x/L at which the chain holds force f (pN), by safeguarded Newton iteration. */
export function wlcRelativeExtension(f: number, persistence = PEPTIDE_PERSISTENCE_NM): number {
  if (f <= 0) return 0;
  let lo = 0;
  let hi = 1;
  // Start from the high-force asymptote, which is accurate above a few pN.
  let r = Math.max(0, 1 - Math.sqrt(KT_298K_PN_NM / (4 * persistence * f)));
  for (let it = 0; it < 60; it++) {
    const g = wlcForce(r, persistence) - f;
    if (g > 0) hi = r; else lo = r;
    const step = g / wlcForceSlope(r, persistence);
    let next = r - step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - r) < 1e-13) return next;
    r = next;
  }
  return r;
}
