/**
 * Units in the explainer: parse the unit of every column, rewrite the problem in dimensionless
 * π groups for the search, and map the laws found back to the original inputs.
 */
import { binary, type Expr } from "../expr/ast.js";
import { checkDimensions, parseUnit, UnitError, type Dimension } from "../expr/index.js";
import { ExplainError } from "./errors.js";
import { evaluateMonomial, piReductions, type MonomialSpec, type PiReduction } from "./dimensional-analysis.js";
import { powerExpr } from "./monomial.js";
import { substituteVars } from "./tree-ops.js";

/** A unit as a plain exponent vector (whatever the engine's Dimension representation). */
export function dimensionVector(d: unknown): number[] {
  if (Array.isArray(d)) return d.map(Number);
  if (d && typeof d === "object") {
    const o = d as Record<string, unknown>;
    if (Array.isArray(o.exponents)) return (o.exponents as unknown[]).map(Number);
    return Object.keys(o)
      .sort()
      .map((k) => Number(o[k]) || 0);
  }
  throw new Error("unrecognised dimension value");
}

/** Parses `{name: unit}` for the target and every input; a missing or bad unit is an ExplainError naming the column. */
export function parseUnits(units: Record<string, string>, names: readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of names) {
    const text = units[name];
    if (text === undefined) throw new ExplainError(`explain: --units gives no unit for column '${name}' (use 1 for dimensionless)`);
    try {
      out[name] = dimensionVector(parseUnit(text));
    } catch (err) {
      if (!(err instanceof UnitError)) throw err;
      throw new ExplainError(`explain: bad unit '${text}' for column '${name}': ${err.message}`);
    }
  }
  return out;
}

/** The search problem in π form, and how to turn its laws back into laws of the inputs. */
export interface ReducedProblem {
  reduction: PiReduction;
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  /** Rewrites a law over pi1, pi2… (target/carrier) as a law of the original inputs. */
  toOriginal(e: Expr): Expr;
}

/** Builds the π problem, or null when the units admit no reduction (inconsistent, or nothing to gain). */
export function reduceProblem(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  targetName: string,
  dims: Record<string, number[]>,
): ReducedProblem | null {
  return reduceProblems(variables, columns, target, targetName, dims, 1)[0] ?? null;
}

/** Up to `max` π problems from the simplest reductions (see piReductions). */
export function reduceProblems(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  targetName: string,
  dims: Record<string, number[]>,
  max: number,
): ReducedProblem[] {
  const out: ReducedProblem[] = [];
  for (const reduction of piReductions(
    variables,
    variables.map((v) => dims[v]),
    dims[targetName],
    max,
  )) {
    const p = buildReduced(reduction, variables, columns, target);
    if (p) out.push(p);
  }
  return out;
}

function buildReduced(reduction: PiReduction, variables: readonly string[], columns: readonly Float64Array[], target: Float64Array): ReducedProblem | null {
  const n = target.length;
  const byName: Record<string, Float64Array> = {};
  variables.forEach((v, j) => (byName[v] = columns[j]));
  const carrier = evaluateMonomial(reduction.carrier, byName, n);
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = target[i] / carrier[i];
  const groupCols = reduction.groups.map((g) => evaluateMonomial(g.monomial, byName, n));
  for (const c of [scaled, ...groupCols]) for (let i = 0; i < n; i++) if (!Number.isFinite(c[i])) return null;
  const defs: Record<string, Expr> = {};
  for (const g of reduction.groups) defs[g.name] = monomialTree(g.monomial) ?? { kind: "num", value: 1 };
  const carrierTree = monomialTree(reduction.carrier);
  return {
    reduction,
    variables: reduction.groups.map((g) => g.name),
    columns: groupCols,
    target: scaled,
    toOriginal: (e) => {
      const inner = substituteVars(e, defs);
      return carrierTree ? binary("*", carrierTree, inner) : inner;
    },
  };
}

/** ∏ varᵢ^expᵢ as a tree without a coefficient; null for the empty product. */
export function monomialTree(spec: MonomialSpec): Expr | null {
  const numer: Expr[] = [];
  const denom: Expr[] = [];
  for (const [name, f] of Object.entries(spec)) {
    if (f.n === 0) continue;
    const t = powerExpr({ kind: "var", name }, { n: Math.abs(f.n), d: f.d });
    (f.n > 0 ? numer : denom).push(t);
  }
  const product = (xs: Expr[]) => xs.reduce((a, b) => binary("*", a, b));
  if (numer.length === 0 && denom.length === 0) return null;
  const top = numer.length ? product(numer) : ({ kind: "num", value: 1 } as Expr);
  return denom.length ? binary("/", top, product(denom)) : top;
}

/** Whether a law's units are consistent (fitted constants may carry any unit). */
export function lawHasConsistentUnits(expr: Expr, dims: Record<string, number[]>, target: number[]): boolean {
  const varUnits: Record<string, Dimension> = {};
  for (const [k, d] of Object.entries(dims)) varUnits[k] = toDimension(d);
  // checkDimensions answers ok: false for every inconsistency (a variable without a unit included); it throws only on a bug.
  return checkDimensions(expr, varUnits, toDimension(target)).ok;
}

function toDimension(d: number[]): Dimension {
  return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, d[3] ?? 0, d[4] ?? 0, d[5] ?? 0, d[6] ?? 0];
}
