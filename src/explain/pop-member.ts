/** A member of a population: a tree with fitted constants inlined, its loss and its age. */
import type { Expr } from "../expr/ast.js";

/** One candidate law in a population or the hall of fame. */
export interface PopMember {
  /** Tree with constants as `num` leaves (fitted values). */
  expr: Expr;
  /** Structural hash of the tree with constants abstracted (equal shape ⇒ equal hash). */
  hash: string;
  /** Mean squared error divided by the target's variance on the search rows (0 = exact). */
  loss: number;
  complexity: number;
  /** Step at which it was born (for age-regularised replacement). */
  birth: number;
}
