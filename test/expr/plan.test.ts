import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { columnIndexer } from "../../src/expr/compile.js";
import { buildPlan, buildTreePlan } from "../../src/expr/plan.js";
import { runPlan } from "../../src/expr/vector-eval.js";

describe("buildTreePlan", () => {
  it("gives values bit-identical to the shared-subtree plan, with one step per node", () => {
    const vars = ["x", "y"];
    const cols = [Float64Array.from({ length: 50 }, (_, i) => -2 + i / 10), Float64Array.from({ length: 50 }, (_, i) => 0.5 + Math.cos(i))];
    for (const text of ["sqrt(x^2 + y^2) + sqrt(x^2 + y^2)", "c0*exp(-x/c1)/(1 + y^3)", "asin(0.3*y/(x + 3)) - pi", "log(abs(x*y)) * min(x, y)"]) {
      const e = parse(text, { variables: vars });
      const shared = runPlan(buildPlan([e], columnIndexer(vars)), cols, [1.5, 0.7], 50)[0];
      const tree = buildTreePlan(e, columnIndexer(vars));
      const values = runPlan(tree, cols, [1.5, 0.7], 50)[0];
      expect(Array.from(values).map(String)).toEqual(Array.from(shared).map(String));
    }
    expect(buildTreePlan(parse("x + x", { variables: vars }), columnIndexer(vars)).steps.length).toBe(3);
  });

  it("refuses a variable the columns lack", () => {
    expect(() => buildTreePlan(parse("x + w", { variables: ["x", "w"] }), columnIndexer(["x"]))).toThrow(/'w'/);
  });
});
