/**
 * Saturating laws of one input: Michaelis–Menten and Langmuir (one function, a·x/(K + x)), with and
 * without a baseline, and Hill's a·xʰ/(K + xʰ) with a fitted exponent. For a fixed K (and h) the law
 * is linear in a (and the baseline), so K and h are scanned on grids and a is solved exactly; the best
 * point starts the final refit. Only inputs that are never negative qualify (K + x must not vanish).
 */
import { add, binary, div, mul, param, v } from "../expr/ast.js";
import { bestOnGrid, extent, logGrid, ones, type FamilyLaw } from "./law-family-fit.js";

/** Exponents the Hill scan tries before the refit frees it. */
const HILL_EXPONENTS = [0.5, 0.75, 1.5, 2, 2.5, 3, 4, 5, 6];

/** Michaelis–Menten (plain and with baseline) and Hill laws of `x` for `y`; empty when x is ever negative. */
export function saturatingLaws(name: string, x: Float64Array, y: Float64Array, w: Float64Array | null): FamilyLaw[] {
  const { min, maxAbs } = extent(x);
  if (!(min >= 0) || !(maxAbs > 0)) return [];
  const out: FamilyLaw[] = [];
  const ks = logGrid(maxAbs * 1e-3, maxAbs * 100, 46);
  const shape = (k: number) => Float64Array.from(x, (t) => t / (k + t));
  const mm = bestOnGrid(ks, (k) => [shape(k)], y, w);
  if (mm) {
    out.push({ expr: div(mul(param(0), v(name)), add(param(1), v(name))), params: [mm.coef[0], mm.point], sse: mm.sse, source: "saturating-mm" });
  }
  const mmc = bestOnGrid(ks, (k) => [shape(k), ones(x.length)], y, w);
  if (mmc) {
    out.push({
      expr: add(div(mul(param(0), v(name)), add(param(1), v(name))), param(2)),
      params: [mmc.coef[0], mmc.point, mmc.coef[1]],
      sse: mmc.sse,
      source: "saturating-mm-offset",
    });
  }
  if (min > 0) {
    // K is scanned in units of xʰ, so the grid spans the data for every exponent.
    const grid: { h: number; k: number }[] = [];
    for (const h of HILL_EXPONENTS) for (const k of logGrid(maxAbs ** h * 1e-3, maxAbs ** h * 100, 31)) grid.push({ h, k });
    const hill = bestOnGrid(grid, ({ h, k }) => [Float64Array.from(x, (t) => t ** h / (k + t ** h))], y, w);
    if (hill) {
      const xh = binary("^", v(name), param(2));
      out.push({ expr: div(mul(param(0), xh), add(param(1), xh)), params: [hill.coef[0], hill.point.k, hill.point.h], sse: hill.sse, source: "saturating-hill" });
    }
  }
  return out;
}
