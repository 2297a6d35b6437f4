/**
 * Piecewise-linear laws of one input with a fitted breakpoint: elastic then plastic (a yield point), a
 * threshold, a change of regime. Two lines meeting at x = t are a + b·x + d·max(0, x − t); for each t
 * between data points that is a linear fit, and the best t gives the two lines. The law is then written
 * the way an engineer reads it — min of the two lines when the slope drops (yield: min(E·ε, σy + H·ε′)),
 * max when it rises — once through the origin (the first line has no intercept) and once in general.
 * The min/max form carries its own breakpoint (where the lines cross), so no t appears in the law.
 */
import { add, binary, mul, param, v, type Expr } from "../expr/ast.js";
import { bestOnGrid, ones, type FamilyLaw } from "./law-family-fit.js";

/** Breakpoints scanned at most (evenly spread over the candidate gaps between sorted inputs). */
const MAX_BREAKS = 120;

/** Two-line laws of `x` for `y` (through the origin and general); empty with fewer than six distinct inputs. */
export function piecewiseLinearLaws(name: string, x: Float64Array, y: Float64Array, w: Float64Array | null): FamilyLaw[] {
  const sorted = [...new Set(x)].sort((a, b) => a - b);
  if (sorted.length < 6) return [];
  // A breakpoint with at least two distinct inputs on each side, midway between neighbours.
  const gaps: number[] = [];
  for (let i = 2; i < sorted.length - 2; i++) gaps.push(0.5 * (sorted[i - 1] + sorted[i]));
  const breaks = gaps.length <= MAX_BREAKS ? gaps : Array.from({ length: MAX_BREAKS }, (_, j) => gaps[Math.floor((j * gaps.length) / MAX_BREAKS)]);
  const hinge = (t: number) => Float64Array.from(x, (s) => Math.max(0, s - t));
  const out: FamilyLaw[] = [];
  const xv = v(name);
  const origin = bestOnGrid(breaks, (t) => [Float64Array.from(x), hinge(t)], y, w);
  if (origin) {
    const [b, d] = origin.coef;
    const t = origin.point;
    // Right line: b·x + d·(x − t) = −d·t + (b + d)·x.
    const op = d < 0 ? "min" : "max";
    out.push({ expr: binary(op, mul(param(0), xv), add(param(1), mul(param(2), xv))), params: [b, -d * t, b + d], sse: origin.sse, source: `piecewise-${op}-origin` });
  }
  const general = bestOnGrid(breaks, (t) => [ones(x.length), Float64Array.from(x), hinge(t)], y, w);
  if (general) {
    const [a, b, d] = general.coef;
    const t = general.point;
    const op = d < 0 ? "min" : "max";
    out.push({ expr: binary(op, line(xv, 0), line(xv, 2)), params: [a, b, a - d * t, b + d], sse: general.sse, source: `piecewise-${op}` });
  }
  return out;
}

/** c_k + c_{k+1}·x. */
function line(x: Expr, k: number): Expr {
  return add(param(k), mul(param(k + 1), x));
}
