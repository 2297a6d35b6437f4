import { describe, expect, it } from "vitest";
import { BINARY_OPS, UNARY_OPS, type Expr } from "../../src/expr/ast.js";
import { compile, parse, toInfix } from "../../src/expr/index.js";
import { applyMutation, crossover, mutate, MUTATION_KINDS, MUTATION_WEIGHTS, type MutationKind } from "../../src/explain/mutate.js";
import { DEFAULT_OPERATORS } from "../../src/explain/operators.js";
import { randomTree } from "../../src/explain/random-tree.js";
import { countNodes, treeDepth } from "../../src/explain/tree-ops.js";
import { Rng } from "../../src/random/index.js";

const VARS = ["x", "z"];
const ops = DEFAULT_OPERATORS;

/** Throws unless every node is well formed, names only known variables and the tree compiles and reprints. */
function assertValid(e: Expr): void {
  const walk = (n: Expr): void => {
    switch (n.kind) {
      case "num":
        expect(Number.isFinite(n.value)).toBe(true);
        return;
      case "var":
        expect(VARS).toContain(n.name);
        return;
      case "pi":
      case "param":
        return;
      case "unary":
        expect(UNARY_OPS).toContain(n.op);
        return walk(n.arg);
      case "binary":
        expect(BINARY_OPS).toContain(n.op);
        walk(n.left);
        walk(n.right);
        return;
      default:
        throw new Error(`unknown node ${JSON.stringify(n)}`);
    }
  };
  walk(e);
  expect(() => compile(e, VARS)).not.toThrow();
  expect(() => parse(toInfix(e), { variables: VARS })).not.toThrow();
}

/** Parents of every shape: leaves, unary and binary nodes, powers and constants. */
function parents(count: number): Expr[] {
  const rng = new Rng(99);
  const out: Expr[] = [parse("x", { variables: VARS }), parse("2.5", { variables: VARS }), parse("sin(x)*z^2 + 1.5", { variables: VARS })];
  while (out.length < count) out.push(randomTree(rng, VARS, ops, 2 + rng.int(4)));
  return out;
}

// How much one move may grow a tree: a replacement subtree has at most three levels (7 nodes), an inserted
// node brings one leaf, a power wraps with at most one operator and one exponent; the rest swap in place.
const GROWTH: Record<MutationKind, { nodes: number; depth: number }> = {
  changeOperator: { nodes: 0, depth: 0 },
  replaceSubtree: { nodes: 6, depth: 2 },
  insertNode: { nodes: 2, depth: 1 },
  deleteNode: { nodes: 0, depth: 0 },
  swapLeaf: { nodes: 0, depth: 0 },
  wrapPower: { nodes: 2, depth: 1 },
  perturbConstant: { nodes: 0, depth: 0 },
};

describe("mutation operators", () => {
  const trees = parents(40);

  for (const kind of MUTATION_KINDS) {
    it(`${kind} keeps a valid tree, within its growth bound, and leaves the parent alone`, () => {
      const rng = new Rng(7);
      for (const tree of trees) {
        const before = JSON.stringify(tree);
        for (let k = 0; k < 5; k++) {
          const child = applyMutation(kind, tree, rng, VARS, ops);
          assertValid(child);
          expect(countNodes(child)).toBeLessThanOrEqual(countNodes(tree) + GROWTH[kind].nodes);
          expect(treeDepth(child)).toBeLessThanOrEqual(treeDepth(tree) + GROWTH[kind].depth);
        }
        expect(JSON.stringify(tree)).toBe(before);
      }
    });
  }

  it("perturbConstant moves a free constant and never an exponent", () => {
    const tree = parse("x^2 + 3", { variables: VARS });
    const rng = new Rng(3);
    for (let k = 0; k < 50; k++) {
      const child = applyMutation("perturbConstant", tree, rng, VARS, ops);
      expect(child.kind === "binary" && child.left.kind === "binary" && child.left.right).toEqual({ kind: "num", value: 2 });
    }
  });

  it("crossover grafts a subtree of the second parent into the first, validly", () => {
    const rng = new Rng(5);
    const a = parse("sin(x) + z", { variables: VARS });
    const b = parse("exp(z*z)", { variables: VARS });
    for (let k = 0; k < 50; k++) {
      const child = crossover(a, b, rng);
      assertValid(child);
      expect(countNodes(child)).toBeLessThanOrEqual(countNodes(a) - 1 + countNodes(b));
    }
  });
});

describe("mutation is deterministic per seed", () => {
  const trees = parents(20);
  const run = (seed: number) => {
    const rng = new Rng(seed);
    return trees.map((t, i) => toInfix(i % 3 === 0 ? crossover(t, trees[(i + 1) % trees.length], rng) : mutate(t, rng, VARS, ops)));
  };

  it("gives the same children for the same seed", () => {
    expect(run(42)).toEqual(run(42));
  });

  it("gives other children for another seed", () => {
    expect(run(42)).not.toEqual(run(43));
  });

  it("is one weighted draw of the kind, then that move (replaying the draw reproduces the child)", () => {
    const tree = parse("sin(x)*z^2 + 1.5", { variables: VARS });
    const a = new Rng(8);
    const b = new Rng(8);
    for (let k = 0; k < 100; k++) {
      const child = mutate(tree, a, VARS, ops);
      const kind = MUTATION_KINDS[b.weighted(MUTATION_KINDS.map((m) => MUTATION_WEIGHTS[m]))];
      expect(toInfix(applyMutation(kind, tree, b, VARS, ops))).toBe(toInfix(child));
    }
  });
});
