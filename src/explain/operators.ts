/**
 * The vocabulary the search builds trees from, with how often each piece is drawn. Exponents of
 * `^` are structural (small fixed numbers), so powers enter as the pseudo-unary "power" moves.
 */
import type { BinaryOp, UnaryOp } from "../expr/ast.js";

/** Operators available to the search and their relative draw weights. */
export interface OperatorSet {
  binary: { op: BinaryOp; weight: number }[];
  unary: { op: UnaryOp; weight: number }[];
  /** Fixed exponents a power node may take. */
  powers: number[];
}

/** The default vocabulary: arithmetic, the common transcendental functions and small powers. */
export const DEFAULT_OPERATORS: OperatorSet = {
  binary: [
    { op: "+", weight: 4 },
    { op: "-", weight: 3 },
    { op: "*", weight: 5 },
    { op: "/", weight: 4 },
  ],
  unary: [
    { op: "sqrt", weight: 2 },
    { op: "exp", weight: 1.5 },
    { op: "log", weight: 1 },
    { op: "sin", weight: 1.5 },
    { op: "cos", weight: 1.5 },
    { op: "neg", weight: 0.5 },
    { op: "tanh", weight: 0.4 },
    { op: "asin", weight: 0.4 },
  ],
  powers: [2, 3, -1, -2, 0.5],
};
