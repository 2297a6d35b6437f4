/**
 * First-order kinetics of one input: rise to a plateau a·(1 − exp(−k·x)), decay to a baseline
 * a·exp(−k·x) + c, the logistic a/(1 + exp(k·(x₀ − x))) (with and without baseline) and the sum of two
 * exponentials a·exp(−k₁·x) + b·exp(−k₂·x) (pharmacokinetics, biochemical oxygen demand, cooling).
 * Each is linear in its amplitudes once the rates (and x₀) are fixed: rates are scanned on log grids
 * scaled to the input's range, the amplitudes solved exactly, and the best point starts the final refit.
 */
import { add, binary, mul, num, param, sub, unary, v, type Expr } from "../expr/ast.js";
import { bestOnGrid, extent, logGrid, ones, type FamilyLaw } from "./law-family-fit.js";

/** Rise, decay, logistic and two-exponential laws of `x` for `y`. */
export function riseDecayLaws(name: string, x: Float64Array, y: Float64Array, w: Float64Array | null): FamilyLaw[] {
  const { min, max, maxAbs } = extent(x);
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(maxAbs)) return [];
  const n = x.length;
  const out: FamilyLaw[] = [];
  const xv = v(name);
  // Rates from one e-fold over a hundred ranges to fifty e-folds over one.
  const rates = logGrid(0.01 / span, 50 / span, 40);
  const expOf = (k: number) => Float64Array.from(x, (t) => Math.exp(-k * (t - min)));
  // exp(−k·x) is scanned as exp(−k·(x − min)) so it stays finite far from zero; amplitudes absorb the shift.
  const shift = (a: number, k: number) => a * Math.exp(k * min);

  const rise = bestOnGrid(rates, (k) => [Float64Array.from(x, (t) => -Math.expm1(-k * t))], y, w);
  if (rise && Number.isFinite(rise.coef[0])) {
    out.push({ expr: mul(param(0), sub(num(1), unary("exp", mul(param(1), xv)))), params: [rise.coef[0], -rise.point], sse: rise.sse, source: "rise" });
  }
  const signed = [...rates, ...rates.map((k) => -k)];
  const decay = bestOnGrid(signed, (k) => [expOf(k), ones(n)], y, w);
  if (decay) {
    const a = shift(decay.coef[0], decay.point);
    if (Number.isFinite(a)) {
      out.push({ expr: add(mul(param(0), unary("exp", mul(param(1), xv))), param(2)), params: [a, -decay.point, decay.coef[1]], sse: decay.sse, source: "decay-offset" });
    }
  }

  const pairs: [number, number][] = [];
  const coarse = logGrid(0.02 / span, 50 / span, 22);
  for (let i = 0; i < coarse.length; i++) for (let j = i + 2; j < coarse.length; j++) pairs.push([coarse[i], coarse[j]]);
  const two = bestOnGrid(pairs, ([k1, k2]) => [expOf(k1), expOf(k2)], y, w);
  if (two) {
    const [k1, k2] = two.point;
    const law = twoExp(xv);
    const params = [shift(two.coef[0], k1), -k1, shift(two.coef[1], k2), -k2];
    if (params.every(Number.isFinite)) out.push({ expr: law, params, sse: two.sse, source: "two-exp" });
  }

  const centres = Array.from({ length: 15 }, (_, j) => min + (span * (j + 0.5)) / 15);
  const grid: { k: number; x0: number }[] = [];
  for (const s of logGrid(1, 200, 14)) for (const x0 of centres) for (const sign of [1, -1]) grid.push({ k: (sign * s) / span, x0 });
  const logisticCol = ({ k, x0 }: { k: number; x0: number }) => Float64Array.from(x, (t) => 1 / (1 + Math.exp(k * (x0 - t))));
  const logistic = bestOnGrid(grid, (p) => [logisticCol(p)], y, w);
  if (logistic) out.push({ expr: logisticLaw(xv, false), params: [logistic.coef[0], logistic.point.k, logistic.point.x0], sse: logistic.sse, source: "logistic" });
  const logisticC = bestOnGrid(grid, (p) => [logisticCol(p), ones(n)], y, w);
  if (logisticC) {
    out.push({
      expr: logisticLaw(xv, true),
      params: [logisticC.coef[0], logisticC.point.k, logisticC.point.x0, logisticC.coef[1]],
      sse: logisticC.sse,
      source: "logistic-offset",
    });
  }
  return out;
}

/** c0·exp(c1·x) + c2·exp(c3·x). */
function twoExp(x: Expr): Expr {
  return add(mul(param(0), unary("exp", mul(param(1), x))), mul(param(2), unary("exp", mul(param(3), x))));
}

/** c0/(1 + exp(c1·(c2 − x))) [+ c3]. */
function logisticLaw(x: Expr, offset: boolean): Expr {
  const core = binary("/", param(0), add(num(1), unary("exp", mul(param(1), sub(param(2), x)))));
  return offset ? add(core, param(3)) : core;
}
