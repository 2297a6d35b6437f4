/**
 * Envelopes for the periodic fast path: once an oscillation cos(k·m + φ) is found, its amplitude may
 * still vary with an input z — growing like z, falling like 1/z, decaying like exp(−γz) (damped
 * motion) or like a Gaussian exp(−z²/w²). Each such law contains the plain oscillation (at zero
 * rate), so Levenberg–Marquardt started from the plain fit can only improve on it; a form is offered
 * only when it cuts the squared error clearly, and the description-length choice decides the rest.
 */
import { add, mul, num, param, pow, unary, v, type Expr } from "../expr/ast.js";
import { fitParams, simplify } from "../expr/index.js";
import type { Candidate } from "./final-selection.js";

/** The polished plain oscillation y ≈ a + amp·cos(k·m − phase), and its squared error. */
export interface PlainOscillation {
  a: number;
  amp: number;
  k: number;
  phase: number;
  sse: number;
}

/** Inputs tried as the envelope's variable (the first ones, in column order). */
const MAX_ENVELOPE_VARIABLES = 6;
/** An envelope must remove at least this fraction of the plain law's squared error. */
const MIN_GAIN = 0.2;

/** Envelope laws around a plain oscillation in argument `m` (a tree over `variables`). */
export function envelopeCandidates(
  m: Expr,
  plain: PlainOscillation,
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  signal?: AbortSignal,
): Candidate[] {
  if (!(plain.sse > 0) || !Number.isFinite(plain.sse)) return [];
  const out: Candidate[] = [];
  for (let j = 0; j < Math.min(variables.length, MAX_ENVELOPE_VARIABLES); j++) {
    if (signal?.aborted) break;
    const z = v(variables[j]);
    const scale = meanAbs(columns[j]);
    if (!(scale > 0) || !Number.isFinite(scale)) continue;
    const shapes: { form: string; factor: (rate: Expr) => Expr; rated: boolean; amp: number }[] = [
      { form: "times", factor: () => z, rated: false, amp: plain.amp / scale },
      { form: "over", factor: () => pow(z, num(-1)), rated: false, amp: plain.amp * scale },
      { form: "exp", factor: (r) => unary("exp", mul(r, z)), rated: true, amp: plain.amp },
      { form: "gauss", factor: (r) => unary("exp", mul(r, pow(z, num(2)))), rated: true, amp: plain.amp },
    ];
    for (const sh of shapes) {
      // c0 + c1·F(c4)·cos(c2·m + c3), started at zero rate (the plain oscillation itself).
      const full = add(param(0), mul(mul(param(1), sh.factor(param(4))), unary("cos", add(mul(param(2), m), param(3)))));
      const init = [plain.a, sh.amp, plain.k, -plain.phase, ...(sh.rated ? [0] : [])];
      const fit = fitParams(full, variables, columns, target, { init, restarts: 0, maxIterations: 30, signal });
      if (!(fit.sse < (1 - MIN_GAIN) * plain.sse) || !fit.params.every(Number.isFinite)) continue;
      const [, c1, c2, c3, c4] = fit.params;
      out.push({ expr: simplify(full), params: fit.params, source: `periodic-envelope-${sh.form}` });
      // The same envelope without offset or phase: the law is often that bare (damped motion from rest).
      const bare = mul(mul(param(0), sh.factor(param(2))), unary("cos", mul(param(1), m)));
      out.push({ expr: simplify(bare), params: [c1 * Math.cos(c3), c2, ...(sh.rated ? [c4] : [])], source: `periodic-envelope-${sh.form}-bare` });
    }
  }
  return out;
}

function meanAbs(xs: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    s += Math.abs(x);
    n++;
  }
  return n > 0 ? s / n : NaN;
}
