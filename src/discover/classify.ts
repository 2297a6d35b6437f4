import { children, variablesOf, type Expr } from "../expr/ast.js";
import { structureKey } from "../core/law.js";
import type { BreakType } from "./types.js";

/**
 * Classifies an accepted revision from `old` to `next` (rules checked in this order):
 * 1. same structure, constants aside → `parameter_update` (not a break);
 * 2. the new law uses a derived (history) variable the old one did not → `ontology_break`;
 * 3. it uses an input the old one did not → `new_variable`;
 * 4. it has more piecewise operators (min, max, abs — regimes joined at a kink) → `regime_split`;
 * 5. otherwise → `structural` (a different functional form over the same variables).
 */
export function classifyRevision(old: Expr, next: Expr, inputs: readonly string[]): BreakType {
  if (structureKey(old) === structureKey(next)) return "parameter_update";
  const before = new Set(variablesOf(old));
  const added = variablesOf(next).filter((v) => !before.has(v));
  if (added.some((v) => !inputs.includes(v))) return "ontology_break";
  if (added.length > 0) return "new_variable";
  if (piecewiseCount(next) > piecewiseCount(old)) return "regime_split";
  return "structural";
}

/** Number of min/max/abs nodes: the kinks where one regime hands over to another. */
export function piecewiseCount(e: Expr): number {
  const own = (e.kind === "binary" && (e.op === "min" || e.op === "max")) || (e.kind === "unary" && e.op === "abs") ? 1 : 0;
  return own + children(e).reduce((s, c) => s + piecewiseCount(c), 0);
}
