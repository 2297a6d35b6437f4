/**
 * Envelopes for the periodic fast path: once an oscillation cos(k·m + φ) is found, its amplitude may
 * still vary with an input z — growing like z, falling like 1/z, decaying like exp(−γz) (damped
 * motion) or like a Gaussian exp(−z²/w²). Each such law contains the plain oscillation (at zero
 * rate), so Levenberg–Marquardt started from the plain fit can only improve on it; a form is offered
 * only when it cuts the squared error clearly, and the description-length choice decides the rest.
 */
import { add, mul, num, param, pow, unary, v, type Expr } from "../expr/ast.js";
import { fitParams, simplify } from "../expr/index.js";
import type { Candidate } from "./finalSelection.js";

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
  const wave = (p: number) => unary("cos", add(mul(param(p), m), param(p + 1)));
  for (let j = 0; j < Math.min(variables.length, MAX_ENVELOPE_VARIABLES); j++) {
    if (signal?.aborted) break;
    const z = v(variables[j]);
    const scale = meanAbs(columns[j]);
    if (!(scale > 0) || !Number.isFinite(scale)) continue;
    const forms: { expr: Expr; init: number[]; form: string }[] = [
      { expr: add(param(0), mul(mul(param(1), z), wave(2))), init: [plain.a, plain.amp / scale, plain.k, -plain.phase], form: "times" },
      { expr: add(param(0), mul(mul(param(1), wave(2)), pow(z, num(-1)))), init: [plain.a, plain.amp * scale, plain.k, -plain.phase], form: "over" },
      { expr: add(param(0), mul(mul(param(1), unary("exp", mul(param(4), z))), wave(2))), init: [plain.a, plain.amp, plain.k, -plain.phase, 0], form: "exp" },
      {
        expr: add(param(0), mul(mul(param(1), unary("exp", mul(param(4), pow(z, num(2))))), wave(2))),
        init: [plain.a, plain.amp, plain.k, -plain.phase, 0],
        form: "gauss",
      },
    ];
    for (const f of forms) {
      const fit = fitParams(f.expr, variables, columns, target, { init: f.init, restarts: 0, maxIterations: 30, signal });
      if (!(fit.sse < (1 - MIN_GAIN) * plain.sse) || !fit.params.every(Number.isFinite)) continue;
      let expr: Expr;
      try {
        expr = simplify(f.expr);
      } catch {
        expr = f.expr;
      }
      out.push({ expr, params: fit.params, source: `periodic-envelope-${f.form}` });
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
