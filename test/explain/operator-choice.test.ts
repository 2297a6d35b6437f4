import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { ExplainError } from "../../src/explain/errors.js";
import { fastPathCandidates } from "../../src/explain/fast-paths.js";
import { KNOWN_OPERATORS, operatorSetFor, parseOperatorList, usesOnly } from "../../src/explain/operator-choice.js";
import { randomTree } from "../../src/explain/random-tree.js";
import { applyMutation, MUTATION_KINDS } from "../../src/explain/mutate.js";
import { Rng } from "../../src/random/index.js";
import type { Expr } from "../../src/expr/ast.js";

/** The unary and binary operators of a tree other than `^` (whose exponent leaves mutation may swap). */
function drawnOps(e: Expr): string[] {
  if (e.kind === "unary") return [e.op, ...drawnOps(e.arg)];
  if (e.kind === "binary") return [...(e.op === "^" ? [] : [e.op]), ...drawnOps(e.left), ...drawnOps(e.right)];
  return [];
}

describe("operator choice (--ops)", () => {
  it("parses a list, with spaces, case and the pow alias", () => {
    expect(parseOperatorList(" +, -,*,/ ,EXP,pow")).toEqual(["+", "-", "*", "/", "exp", "^"]);
  });

  it("rejects unknown names, naming them and every known one", () => {
    expect(() => parseOperatorList("+,cube,sinc")).toThrow(ExplainError);
    try {
      parseOperatorList("+,cube,sinc");
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/unknown operators 'cube', 'sinc'/);
      for (const op of KNOWN_OPERATORS) expect(message).toContain(op);
    }
    expect(() => parseOperatorList(" , ")).toThrow(/no operators/);
    expect(() => parseOperatorList("exp,log")).toThrow(/at least one of \+ - \* \//);
  });

  it("judges laws by their building blocks; whole powers are products, halves need sqrt", () => {
    const ops = ["+", "-", "*", "/"];
    const law = (s: string) => parse(s, { variables: ["x", "y"] });
    expect(usesOnly(law("2*x^2 - y/x"), ops)).toBe(true);
    expect(usesOnly(law("x^-2"), ops)).toBe(true);
    expect(usesOnly(law("-x"), ops)).toBe(true);
    expect(usesOnly(law("x^0.5"), ops)).toBe(false);
    expect(usesOnly(law("x^0.5"), [...ops, "sqrt"])).toBe(true);
    expect(usesOnly(law("x^1.7"), [...ops, "sqrt"])).toBe(false);
    expect(usesOnly(law("x^1.7"), [...ops, "^"])).toBe(true);
    expect(usesOnly(law("exp(x)"), ops)).toBe(false);
    expect(usesOnly(law("min(x, y)"), ops)).toBe(false);
    expect(usesOnly(law("-x"), ["+", "*"])).toBe(false);
  });

  it("builds a search vocabulary that random trees and every mutation draw only from", () => {
    const ops = ["+", "*", "log"];
    const set = operatorSetFor(ops);
    expect(set.binary.map((b) => b.op)).toEqual(["+", "*"]);
    expect(set.unary.map((u) => u.op)).toEqual(["log"]);
    expect(set.powers).toEqual([2, 3]);
    const rng = new Rng(4);
    for (let i = 0; i < 300; i++) {
      let t = randomTree(rng, ["x", "y"], set, 4);
      for (const kind of MUTATION_KINDS) t = applyMutation(kind, t, rng, ["x", "y"], set);
      // A leaf swap can put any leaf in an exponent slot (the explainer drops such laws when --ops forbids
      // them): the operators drawn are what is checked here.
      expect(drawnOps(t).every((op) => ops.includes(op)), JSON.stringify(t)).toBe(true);
    }
  });

  it("keeps the search's draws non-empty when no function or power is chosen", () => {
    const set = operatorSetFor(["+"]);
    expect(set.unary.map((u) => u.op)).toEqual(["neg"]);
    expect(set.powers).toEqual([1]);
  });

  it("filters the fast paths' laws", async () => {
    // Four inputs, so the fast paths skip the (slow) tree enumeration.
    const names = ["x", "a", "b", "c"];
    const cols = names.map((_, j) => Float64Array.from({ length: 30 }, (_, i) => 0.2 + 0.1 * ((i * (j + 3)) % 30)));
    const y = Float64Array.from(cols[0], (t, i) => 3 * Math.exp(-0.8 * t) * cols[1][i] ** 1.5);
    const all = await fastPathCandidates(names, cols, y);
    expect(all.candidates.some((c) => !usesOnly(c.expr, ["+", "-", "*", "/"]))).toBe(true);
    const some = await fastPathCandidates(names, cols, y, undefined, Infinity, { operators: ["+", "-", "*", "/"] });
    expect(some.candidates.length).toBeGreaterThan(1);
    for (const c of some.candidates) expect(usesOnly(c.expr, ["+", "-", "*", "/"])).toBe(true);
  });
});
