/**
 * Standard errors of a law's fitted constants from the Jacobian at the optimum (the linearised,
 * Gauss–Markov covariance), under the evidence's noise model:
 *
 *   absolute, relative   Cov = s²·(JᵀWJ)⁻¹ with W = diag(1/g_i²) and s² = Σ((y − f)/g)²/(n − k): the noise's
 *                        size is not known, so it is estimated from the residuals;
 *   poisson              Cov = φ·(JᵀWJ)⁻¹ with g_i² the counts' own variance, so the scale is known (φ = 1),
 *                        raised to φ = χ²/(n − k) when the counts scatter more than Poisson (quasi-Poisson).
 *
 * A constant whose derivative is not finite on some counted row (an integer exponent of a negative base)
 * is held fixed: its standard error is NaN and the others are computed without it.
 */
import { columnsOf } from "../core/evidence.js";
import type { NoiseKind } from "../core/noise.js";
import { compileJacobian, paramNamesOf, type Expr } from "../expr/index.js";
import type { FitData } from "./fit-and-score.js";

/** One fitted constant with its standard error. */
export interface ConstantUncertainty {
  name: string;
  value: number;
  /** Standard error (NaN when the data cannot pin it down: a singular Jacobian, too few rows, a held constant). */
  stderr: number;
}

/** Standard errors of every constant of a law. */
export interface Uncertainties {
  constants: ConstantUncertainty[];
  /** Rows counted (finite target) minus constants. */
  dof: number;
  /** s² (or φ for poisson) that multiplies (JᵀWJ)⁻¹. */
  residualVariance: number;
  /** Covariance matrix (row-major k×k; NaN rows and columns for held constants). */
  covariance: number[];
}

/** Standard errors of the constants `params` of `expr` fitted on `data` under `noise` (see the module comment). */
export function constantUncertainties(expr: Expr, params: readonly number[], data: FitData, noise: NoiseKind = data.scales ? "relative" : "absolute"): Uncertainties {
  const names = paramNamesOf(expr);
  const k = params.length;
  const { target, scales } = data;
  const rows: number[] = [];
  for (let i = 0; i < target.length; i++) if (Number.isFinite(target[i])) rows.push(i);
  const n = rows.length;
  const dof = n - k;
  const covariance = new Array<number>(k * k).fill(NaN);
  const result = (residualVariance: number): Uncertainties => ({
    constants: names.map((name, j) => ({ name, value: params[j], stderr: Math.sqrt(covariance[j * k + j]) })),
    dof,
    residualVariance,
    covariance,
  });
  if (k === 0 || dof <= 0) return result(NaN);
  // Buffers sized to the target, so a law of no variables (a constant) still gets one value per row.
  const buffers = Array.from({ length: k + 1 }, () => new Float64Array(target.length));
  const { value, dParams } = compileJacobian(expr, data.variables).evaluate(columnsOf(data), params, buffers);
  let chi2 = 0;
  for (const i of rows) chi2 += ((value[i] - target[i]) / (scales ? scales[i] : 1)) ** 2;
  const moving: number[] = [];
  for (let j = 0; j < k; j++) if (rows.every((i) => Number.isFinite(dParams[j][i]))) moving.push(j);
  const m = moving.length;
  // Columns scaled to unit norm before the Cholesky factorisation, so constants of very different size
  // (1e-20 and 3e5 in one law) do not ruin the inverse; the scaling is undone afterwards.
  const norm = moving.map((j) => Math.sqrt(rows.reduce((s, i) => s + (dParams[j][i] / (scales ? scales[i] : 1)) ** 2, 0)));
  const a = new Float64Array(m * m);
  for (const i of rows) {
    const w = 1 / (scales ? scales[i] : 1);
    for (let p = 0; p < m; p++) {
      const jp = (dParams[moving[p]][i] * w) / norm[p];
      for (let q = 0; q <= p; q++) a[p * m + q] += (jp * dParams[moving[q]][i] * w) / norm[q];
    }
  }
  for (let p = 0; p < m; p++) for (let q = 0; q < p; q++) a[q * m + p] = a[p * m + q];
  const inverse = invertSpd(a, m);
  const residualVariance = noise === "poisson" ? Math.max(1, chi2 / dof) : chi2 / dof;
  if (!inverse || !Number.isFinite(residualVariance)) return result(residualVariance);
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) covariance[moving[p] * k + moving[q]] = (residualVariance * inverse[p * m + q]) / (norm[p] * norm[q]);
  }
  return result(residualVariance);
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is singular to working precision. */
function invertSpd(a: Float64Array, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j];
      for (let p = 0; p < j; p++) s -= l[i * m + p] * l[j * m + p];
      if (i === j) {
        if (!(s > 1e-13 * a[i * m + i])) return null;
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / l[j * m + j];
    }
  }
  const inv = new Float64Array(m * m);
  for (let c = 0; c < m; c++) {
    // Solve L·Lᵀ·x = e_c.
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = i === c ? 1 : 0;
      for (let p = 0; p < i; p++) s -= l[i * m + p] * y[p];
      y[i] = s / l[i * m + i];
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = y[i];
      for (let p = i + 1; p < m; p++) s -= l[p * m + i] * inv[p * m + c];
      inv[i * m + c] = s / l[i * m + i];
    }
  }
  return inv;
}
