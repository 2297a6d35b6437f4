/**
 * Mutation and crossover moves on trees (SymbolicRegression.jl's MutationFunctions): each returns a
 * new tree and never edits its input. Constants are refitted after every move, so no move tweaks
 * constant values; moves change structure only.
 */
import { binary, num, unary, type Expr } from "../expr/ast.js";
import type { OperatorSet } from "./operators.js";
import { powerOf, randomLeaf, randomTree } from "./random-tree.js";
import type { Rng } from "../random/index.js";
import { countNodes, nodeAt, replaceAt } from "./tree-ops.js";

/** The kinds of structural move, with their default weights. */
export const MUTATION_WEIGHTS = {
  changeOperator: 3,
  replaceSubtree: 2,
  insertNode: 3,
  deleteNode: 2,
  swapLeaf: 3,
  wrapPower: 1,
  perturbConstant: 4,
} as const;

/** One kind of structural move. */
export type MutationKind = keyof typeof MUTATION_WEIGHTS;
/** Every kind of move, in the order their weights are drawn from. */
export const MUTATION_KINDS = Object.keys(MUTATION_WEIGHTS) as MutationKind[];
const WEIGHTS = MUTATION_KINDS.map((k) => MUTATION_WEIGHTS[k]);

/** Applies one random structural move to `tree`. */
export function mutate(tree: Expr, rng: Rng, variables: readonly string[], ops: OperatorSet): Expr {
  return applyMutation(MUTATION_KINDS[rng.weighted(WEIGHTS)], tree, rng, variables, ops);
}

/** Applies a move of the given kind at a random node of `tree` (separate from the draw of the kind so each can be tested). */
export function applyMutation(kind: MutationKind, tree: Expr, rng: Rng, variables: readonly string[], ops: OperatorSet): Expr {
  const size = countNodes(tree);
  const i = rng.int(size);
  const node = nodeAt(tree, i);
  switch (kind) {
    case "changeOperator": {
      if (node.kind === "binary" && node.op !== "^") {
        const op = ops.binary[rng.weighted(ops.binary.map((b) => b.weight))].op;
        return replaceAt(tree, i, binary(op, node.left, node.right));
      }
      if (node.kind === "unary") {
        const op = ops.unary[rng.weighted(ops.unary.map((u) => u.weight))].op;
        return replaceAt(tree, i, unary(op, node.arg));
      }
      return replaceAt(tree, i, randomLeaf(rng, variables));
    }
    case "replaceSubtree":
      return replaceAt(tree, i, randomTree(rng, variables, ops, 3));
    case "insertNode": {
      const r = rng.next();
      if (r < 0.6) {
        const op = ops.binary[rng.weighted(ops.binary.map((b) => b.weight))].op;
        const leaf = randomLeaf(rng, variables);
        return replaceAt(tree, i, rng.next() < 0.5 ? binary(op, node, leaf) : binary(op, leaf, node));
      }
      const op = ops.unary[rng.weighted(ops.unary.map((u) => u.weight))].op;
      return replaceAt(tree, i, unary(op, node));
    }
    case "deleteNode": {
      if (node.kind === "unary") return replaceAt(tree, i, node.arg);
      if (node.kind === "binary") return replaceAt(tree, i, rng.next() < 0.5 ? node.left : node.right);
      return replaceAt(tree, i, randomLeaf(rng, variables));
    }
    case "swapLeaf": {
      // Leaves are where most useful single edits happen (which variable, constant or not).
      const leaves: number[] = [];
      for (let k = 0; k < size; k++) {
        const n = nodeAt(tree, k);
        if (n.kind === "var" || n.kind === "num" || n.kind === "param" || n.kind === "pi") leaves.push(k);
      }
      const at = leaves.length ? rng.pick(leaves) : i;
      return replaceAt(tree, at, randomLeaf(rng, variables));
    }
    case "wrapPower":
      return replaceAt(tree, i, powerOf(node, rng.pick(ops.powers)));
    case "perturbConstant": {
      // Only free constants move; `^` exponents are structure (powersAreFixed keeps them literal).
      const consts: number[] = [];
      for (let k = 0; k < size; k++) {
        const n = nodeAt(tree, k);
        if (n.kind === "num" && !(k > 0 && isExponent(tree, k))) consts.push(k);
      }
      if (consts.length === 0) return replaceAt(tree, i, randomLeaf(rng, variables));
      const at = rng.pick(consts);
      const c = nodeAt(tree, at);
      const value = c.kind === "num" ? c.value : 1;
      const scaled = value * Math.exp(0.3 * rng.normal()) * (rng.next() < 0.05 ? -1 : 1);
      return replaceAt(tree, at, num(scaled));
    }
  }
}

/** Subtree crossover: a random subtree of `a` replaced by a random subtree of `b`. */
export function crossover(a: Expr, b: Expr, rng: Rng): Expr {
  const i = rng.int(countNodes(a));
  const j = rng.int(countNodes(b));
  return replaceAt(a, i, nodeAt(b, j));
}

/** Whether preorder node `k` is the exponent of a `^`. */
function isExponent(tree: Expr, k: number): boolean {
  for (let p = 0; p < k; p++) {
    const n = nodeAt(tree, p);
    if (n.kind === "binary" && n.op === "^" && p + 1 + countNodes(n.left) === k) return true;
  }
  return false;
}
