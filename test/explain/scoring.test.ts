import { describe, expect, it } from "vitest";
import { exprKey, parse } from "../../src/expr/index.js";
import { Scorer, thinRows } from "../../src/explain/scoring.js";
import { paramize, shapeKey } from "../../src/explain/tree-ops.js";

const vars = ["x", "z"];
const x = Float64Array.from({ length: 96 }, (_, i) => 1 + i / 48);
const z = Float64Array.from({ length: 96 }, (_, i) => 2 + Math.sin(i));
const target = Float64Array.from(x, (a, i) => 2.5 * a * a + z[i]);
let mean = 0;
for (const y of target) mean += y / target.length;
let variance = 0;
for (const y of target) variance += (y - mean) ** 2 / target.length;
const data = { variables: vars, columns: [x, z], target, targetVariance: variance };

describe("shapeKey", () => {
  it("is the key of the paramized tree, with the constants paramize takes out, exponents left in", () => {
    for (const text of ["2.5*x^2 + z", "sqrt(x - 0.3)/(1.7 + exp(-z*x))", "x^3*(z + 4)^(-2)", "x", "pi*x + 1", "asin(0.2*x/z)"]) {
      const e = parse(text, { variables: vars });
      const p = paramize(e);
      const k = shapeKey(e);
      expect(k.key).toBe(exprKey(p.expr));
      expect(k.constants).toEqual(p.init);
    }
  });

  it("is equal for trees that differ only in their constants", () => {
    const a = shapeKey(parse("2.5*x^2 + 0.1*z", { variables: vars }));
    const b = shapeKey(parse("-7*x^2 + 3*z", { variables: vars }));
    expect(a.key).toBe(b.key);
    expect(shapeKey(parse("2.5*x^3 + 0.1*z", { variables: vars })).key).not.toBe(a.key);
  });
});

describe("thinRows", () => {
  it("spreads m rows over larger data and leaves data of at most 1.5·m rows alone", () => {
    const thin = thinRows(data, 24);
    expect(thin.target.length).toBe(24);
    expect(thin.columns[0][0]).toBe(x[0]);
    expect(thin.columns[0][23]).toBe(x[92]);
    expect(thin.target[5]).toBe(target[20]);
    expect(thinRows(data, 64)).toBe(data);
  });
});

describe("the scorer", () => {
  it("scores a child no better than its parent with its inherited constants, as it is, without a fit", () => {
    const scorer = new Scorer(data);
    const child = parse("1*x + 1*z", { variables: vars });
    const m = scorer.score(child, 3, 1, 0.99, 0)!;
    expect(m.expr).toBe(child);
    expect(scorer.fits).toBe(0);
    expect(scorer.evaluations).toBe(1);
    expect(m.loss).toBeGreaterThan(0.01);
    expect(m.birth).toBe(3);
  });

  it("fits a child that beats its parent, on thinned rows, and measures the loss on every row", () => {
    const scorer = new Scorer(data);
    const m = scorer.score(parse("0.5*x^2 + 2*z", { variables: vars }), 0, 1, 0.99, Infinity)!;
    expect(scorer.fits).toBe(1);
    expect(m.loss).toBeLessThan(1e-12);
  });

  it("fits each raw shape once: a child differing only in constants costs a look-up", () => {
    const scorer = new Scorer(data);
    const first = scorer.score(parse("3*x^2 + 1*z", { variables: vars }), 0, 1, 0)!;
    const again = scorer.score(parse("0.5*x^2 + 2*z", { variables: vars }), 7, 1, 0)!;
    expect(scorer.fits).toBe(1);
    expect(scorer.evaluations).toBe(1);
    expect(again.loss).toBe(first.loss);
    expect(again.birth).toBe(7);
  });

  it("refuses a tree naming an input the data lack, on both paths", () => {
    const scorer = new Scorer(data);
    expect(scorer.score(parse("2*w*x", { variables: ["w", "x"] }), 0, 1, 0.99, 0)).toBeNull();
    expect(scorer.score(parse("2*w*x", { variables: ["w", "x"] }), 0, 1, 0)).toBeNull();
  });
});
