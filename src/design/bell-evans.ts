/**
 * Bell–Evans kinetics of forced unfolding over a single barrier
 * (G. I. Bell, Science 200:618, 1978; E. Evans & K. Ritchie, Biophys. J. 72:1541, 1997):
 *   k(F) = k0 · exp(F Δx / kT),
 * and, under a constant loading rate r = dF/dt, the most probable unfolding force
 *   F* = (kT/Δx) · ln( r Δx / (k0 kT) )
 * and the exact mean force ⟨F⟩ = (kT/Δx) · e^a · E1(a) with a = k0 kT / (r Δx).
 */
import { KT_298K_PN_NM } from "./worm-like-chain.js";

/** Unfolding rate (1/s) at force f (pN). */
export function bellRate(k0: number, dx: number, f: number): number {
  return k0 * Math.exp((f * dx) / KT_298K_PN_NM);
}

/** Most probable unfolding force (pN) at constant loading rate (pN/s). */
export function mostProbableForce(k0: number, dx: number, loadingRate: number): number {
  return (KT_298K_PN_NM / dx) * Math.log((loadingRate * dx) / (k0 * KT_298K_PN_NM));
}

/** Exponential integral E1(a) for a > 0 (series for small a, continued fraction for large a). */
export function expIntegralE1(a: number): number {
  if (!(a > 0)) throw new Error("E1 needs a positive argument");
  if (a < 1) {
    let sum = 0;
    let term = 1;
    for (let k = 1; k < 60; k++) {
      term *= -a / k;
      sum -= term / k;
      if (Math.abs(term / k) < 1e-17) break;
    }
    return -0.5772156649015329 - Math.log(a) + sum;
  }
  // Lentz evaluation of the continued fraction e^{-a} / (a + 1/(1 + 1/(a + 2/(1 + …)))).
  let b = a + 1;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 200; i++) {
    const an = -i * i;
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const del = c * d;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h * Math.exp(-a);
}

/** Exact mean unfolding force (pN) at constant loading rate (pN/s), starting from zero force. */
export function meanForceAtLoadingRate(k0: number, dx: number, loadingRate: number): number {
  const a = (k0 * KT_298K_PN_NM) / (loadingRate * dx);
  // e^a E1(a) written to avoid overflow for large a.
  const scaled = a < 1 ? Math.exp(a) * expIntegralE1(a) : expIntegralE1(a) * Math.exp(a);
  return (KT_298K_PN_NM / dx) * scaled;
}
