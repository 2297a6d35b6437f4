import { describe, expect, it } from "vitest";
import { computeDerived, parseDerived, parseDerivedList, derivedName, autoDerived } from "../../src/discover/derived.js";
import { classifyRevision } from "../../src/discover/classify.js";
import { parse } from "../../src/expr/index.js";

describe("derived variables", () => {
  const cols = { strain: [0, 1, 2, 1.5, 1, 2.5], d: [1, 1, 1, 1, 1, 1] };
  it("computes running max/min/sum, lag and delta over the order of observations", () => {
    const c = (t: string) => Array.from(computeDerived(parseDerived(t, ["strain", "d"]), cols, 6));
    expect(c("cummax(strain)")).toEqual([0, 1, 2, 2, 2, 2.5]);
    expect(c("cummin(strain)")).toEqual([0, 0, 0, 0, 0, 0]);
    expect(c("cumsum(d)")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c("lag(strain)")).toEqual([0, 0, 1, 2, 1.5, 1]);
    expect(c("lag(strain, 2)")).toEqual([0, 0, 0, 1, 2, 1.5]);
    expect(c("delta(strain)")).toEqual([0, 1, 1, -0.5, -0.5, 1.5]);
    expect(c("delta(cummax(strain))")).toEqual([0, 1, 1, 0, 0, 0.5]);
    expect(derivedName(parseDerived("lag(strain, 2)", ["strain"]))).toBe("lag2_strain");
  });
  it("rejects unknown functions, unknown inputs and trailing text with a one-line error", () => {
    expect(() => parseDerived("cummean(strain)", ["strain"])).toThrow(/unknown function 'cummean'/);
    expect(() => parseDerived("cummax(stress)", ["strain"])).toThrow(/'stress' is not an input/);
    expect(() => parseDerived("cummax(strain) + 1", ["strain"])).toThrow(/unexpected text/);
    expect(() => parseDerived("strain", ["strain"])).toThrow(/apply one of/);
    expect(() => parseDerivedList(["strain=cummax(strain)"], ["strain"])).toThrow(/clashes with an input/);
    expect(parseDerivedList(["m=cummax(strain)", "lag(strain)"], ["strain"])).toEqual({ m: "cummax(strain)", lag_strain: "lag(strain)" });
  });
  it("offers running max/min only for inputs with more than two values", () => {
    expect(Object.keys(autoDerived(["strain", "d"], cols, 6))).toEqual(["cummax_strain", "cummin_strain"]);
  });
});

describe("break classification", () => {
  const inputs = ["x", "y"];
  const p = (t: string) => parse(t, { variables: [...inputs, "cummax_x"] });
  it("follows the documented rules in order", () => {
    expect(classifyRevision(p("a*x + b"), p("c*x + d"), inputs)).toBe("parameter_update");
    expect(classifyRevision(p("a*x"), p("a*x + b*cummax_x"), inputs)).toBe("ontology_break");
    expect(classifyRevision(p("a*x"), p("a*x*y"), inputs)).toBe("new_variable");
    expect(classifyRevision(p("a*x"), p("min(a*x, b)"), inputs)).toBe("regime_split");
    expect(classifyRevision(p("a*x"), p("a*x^2 + b"), inputs)).toBe("structural");
  });
});
