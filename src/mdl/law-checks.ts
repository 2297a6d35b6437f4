/**
 * What a scientist should see beside any fitted law: each constant with its standard error and, where
 * the data cannot tell it from one, a recognised exact value (2π, 9/2); and whether the residuals still
 * hold structure along some input. `score` and `explain` both report these, so they are computed here once.
 */
import type { Evidence } from "../core/evidence.js";
import type { NoiseKind } from "../core/noise.js";
import type { Expr } from "../expr/index.js";
import { residualStructure, type ResidualStructure } from "../stats/residual-structure.js";
import { recogniseConstant, type RecognisedConstant } from "./recognise-constant.js";
import { constantUncertainties } from "./uncertainty.js";

/** A fitted constant as reported to people and in JSON. */
export interface CheckedConstant {
  name: string;
  value: number;
  /** Standard error under the noise model (NaN when the data cannot pin it down). */
  stderr: number;
  recognised?: RecognisedConstant;
}

/** Constants with uncertainty and the residual-structure test of one fitted law. */
export interface LawChecks {
  constants: CheckedConstant[];
  residualStructure: ResidualStructure;
}

/**
 * Checks of `expr` with fitted `params` on `evidence` (its `scales`, when present, standardise the
 * residuals); `predicted` are the law's values on the evidence rows.
 */
export function lawChecks(expr: Expr, params: readonly number[], evidence: Evidence, noise: NoiseKind, predicted: ArrayLike<number>): LawChecks {
  const uncertainty = constantUncertainties(expr, params, evidence, noise);
  const constants = uncertainty.constants.map((c): CheckedConstant => {
    const recognised = recogniseConstant(c.value, c.stderr);
    return { ...c, ...(recognised ? { recognised } : {}) };
  });
  const { target, scales, variables, columns } = evidence;
  const standardised = Array.from(target, (y, i) => (y - predicted[i]) / (scales ? scales[i] : 1));
  const structure = residualStructure(standardised, variables.map((v) => columns[v]), [...variables]);
  return { constants, residualStructure: structure };
}

/** The checks as JSON: full precision, the recognised form by label and value. */
export function lawChecksJson(checks: LawChecks): Record<string, unknown> {
  const s = checks.residualStructure;
  return {
    constants: checks.constants.map((c) => ({
      name: c.name,
      value: c.value,
      stderr: Number.isFinite(c.stderr) ? c.stderr : null,
      ...(c.recognised ? { recognised: { label: c.recognised.label, value: c.recognised.value } } : {}),
    })),
    residualStructure: {
      structured: s.structured,
      pValue: s.pValue,
      byInput: s.byInput.map((b) => ({
        variable: b.variable,
        runs: b.runs.runs,
        expectedRuns: b.runs.expected,
        z: b.runs.z,
        pValue: b.runs.pValue,
        lag1: b.lag1,
        lag1PValue: b.lag1PValue,
      })),
    },
  };
}
