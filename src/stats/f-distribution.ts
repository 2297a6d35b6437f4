import jstat from "jstat";

/**
 * Upper tail of Fisher's F distribution, P(F ≥ f) with (d1, d2) degrees of freedom, computed as the
 * regularised incomplete beta I_{d2/(d2 + d1 f)}(d2/2, d1/2) so that tiny tail probabilities keep their
 * precision (1 − CDF would round them to 0).
 */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0)) return NaN;
  if (!(f > 0)) return 1;
  if (f === Infinity) return 0;
  return jstat.jStat.ibeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
