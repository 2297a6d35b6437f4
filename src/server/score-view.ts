import type { NoiseKind } from "../core/noise.js";
import { UserError } from "../errors.js";
import { complexity, paramNamesOf, parse, ParseError, simplify, substituteParams, toInfix, type Expr } from "../expr/index.js";
import { fitLaw, scoreLaw } from "../mdl/fit-and-score.js";
import type { ScoreView } from "./contract.js";
import { tableEvidence } from "./explain-view.js";
import { latexOf } from "./latex.js";

/**
 * Scores a law the user typed on an uploaded table, by the one rule of `mdl/fit-and-score.ts` (as the
 * `score` command does): any name that is not a column is a constant to fit. Bad laws are UserErrors.
 */
export function scoreTable(csvText: string, fileName: string, target: string, lawText: string, opts: { noise?: NoiseKind; units?: Record<string, string> } = {}): ScoreView {
  const { evidence } = tableEvidence(csvText, fileName, target, opts);
  let expr: Expr;
  try {
    expr = parse(lawText, { variables: evidence.variables });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new UserError(`the law does not parse: ${err.message}`);
  }
  if (paramNamesOf(expr).includes(evidence.targetName)) throw new UserError(`the law uses the column it should explain ('${evidence.targetName}')`);
  const fit = fitLaw(expr, evidence, { seed: 0, restarts: 8 });
  const score = scoreLaw(expr, fit.params, evidence);
  if (!score) throw new UserError("the law gives NaN or infinite values on this table for every set of constants tried");
  const fitted = simplify(substituteParams(expr, fit.params));
  return {
    law: toInfix(fitted),
    latex: latexOf(fitted, []),
    complexity: complexity(expr),
    bits: score.bits.total,
    r2: score.r2,
    rmse: score.rmse,
  };
}
