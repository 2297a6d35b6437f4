import type { Expr } from "./ast.js";

/**
 * Complexity of a law: its number of nodes (each operator, function, variable, constant and number counts 1),
 * the measure PySR and SRBench use by default, so figures compare with theirs.
 */
export function complexity(e: Expr): number {
  switch (e.kind) {
    case "unary":
      return 1 + complexity(e.arg);
    case "binary":
      return 1 + complexity(e.left) + complexity(e.right);
    default:
      return 1;
  }
}
