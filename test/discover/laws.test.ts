import { describe, expect, it } from "vitest";
import { assessLaw } from "../../src/discover/laws.js";
import type { Evidence } from "../../src/core/evidence.js";
import { compile, parse } from "../../src/expr/index.js";
import { descriptionLength, paramCurvature } from "../../src/mdl/index.js";

/** Evidence with three variables where the target depends on x only. */
function evidence(): Evidence {
  const n = 40;
  const x = Float64Array.from({ length: n }, (_, i) => i / 4);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const z = Float64Array.from({ length: n }, (_, i) => (i * 7) % 5);
  const target = Float64Array.from(x, (v, i) => 2 * v + 0.01 * Math.cos(3 * i));
  return { variables: ["x", "y", "z"], columns: { x, y, z }, target, targetName: "t" };
}

describe("assessLaw's description length", () => {
  it("charges every law on the same evidence by one code book: the evidence's variable count", () => {
    const ev = evidence();
    const expr = parse("a*x", { variables: ev.variables });
    const s = assessLaw(expr, [2], ev, {})!;
    const pred = compile(expr, ev.variables).evaluate(ev.variables.map((v) => ev.columns[v]), s.params);
    const curvature = paramCurvature(expr, s.params, ev);
    expect(s.bits).toEqual(descriptionLength(expr, s.params, ev.target, pred, { variableCount: 3, curvature }));
    // Without the shared code book a one-variable law would be charged log2(1) = 0 bits per variable
    // leaf, making it look shorter than the same law would on evidence it shares with others.
    expect(s.bits.model).toBeGreaterThan(descriptionLength(expr, s.params, ev.target, pred, { curvature }).model);
  });

  it("makes the cost of naming a variable the same whichever variable a law names", () => {
    const ev = evidence();
    const onX = assessLaw(parse("a*x", { variables: ev.variables }), [1], ev, {})!;
    const onZ = assessLaw(parse("a*z", { variables: ev.variables }), [1], ev, {})!;
    // The constant is priced by the precision the data give it (different for x and z); the rest of the
    // law's bits, naming the variable included, are the same.
    const rest = (law: string, s: NonNullable<typeof onX>) => {
      const expr = parse(law, { variables: ev.variables });
      const pred = compile(expr, ev.variables).evaluate(ev.variables.map((v) => ev.columns[v]), s.params);
      const priced = descriptionLength(expr, s.params, ev.target, pred, { variableCount: 3, curvature: paramCurvature(expr, s.params, ev) });
      expect(s.bits).toEqual(priced);
      return descriptionLength(expr, s.params, ev.target, pred, { variableCount: 3 }).model;
    };
    expect(rest("a*x", onX)).toBeCloseTo(rest("a*z", onZ), 9);
    expect(onX.bits.total).toBeLessThan(onZ.bits.total);
  });
});
