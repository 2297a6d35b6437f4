/** The standard normal distribution's tail, for z-tests. */

/**
 * P(Z > z) for a standard normal Z, from the Chebyshev-fitted complementary error function of Press et al.
 * (Numerical Recipes, §6.2; fractional error below 1.2·10⁻⁷ everywhere), ample for a test's p-value.
 */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(-x * x + poly);
  return z >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
}
