import { describe, expect, it } from "vitest";
import { autoDerived, computeDerived, derivedName, formatDerived, parseDerived, parseDerivedList } from "../../src/core/derived.js";
import { DerivedVariableError } from "../../src/core/errors.js";
import { UserError } from "../../src/errors.js";

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

  it("skips non-finite values in running aggregates instead of letting them poison later rows", () => {
    const x = [NaN, 2, NaN, 1, 3];
    const c = (t: string) => Array.from(computeDerived(parseDerived(t, ["x"]), { x }, 5));
    expect(c("cummax(x)")).toEqual([NaN, 2, 2, 2, 3]);
    expect(c("cumsum(x)")).toEqual([0, 2, 2, 3, 6]);
  });

  it("formats definitions canonically, so parse and format round-trip and whitespace does not matter", () => {
    for (const text of ["cummax(strain)", "lag(strain, 2)", "delta(cummax(strain))", "lag(strain)"]) {
      expect(formatDerived(parseDerived(text, ["strain"]))).toBe(text);
    }
    expect(formatDerived(parseDerived("  lag( strain ,2 ) ", ["strain"]))).toBe("lag(strain, 2)");
    expect(formatDerived(parseDerived("lag(strain, 1)", ["strain"]))).toBe("lag(strain)");
    expect(derivedName(parseDerived("delta(cummax(strain))", ["strain"]))).toBe("delta_cummax_strain");
  });

  it("rejects unknown functions, unknown inputs and trailing text with a one-line DerivedVariableError", () => {
    const fails = (f: () => unknown, message: RegExp) => {
      let caught: unknown;
      try {
        f();
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DerivedVariableError);
      expect(caught).not.toBeInstanceOf(UserError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain("\n");
    };
    fails(() => parseDerived("cummean(strain)", ["strain"]), /^derived variable 'cummean\(strain\)': unknown function 'cummean' \(use cummax, cummin, cumsum, lag, delta\) at column 8$/);
    fails(() => parseDerived("cummax(stress)", ["strain"]), /'stress' is not an input \(inputs: strain\)/);
    fails(() => parseDerived("cummax(strain) + 1", ["strain"]), /unexpected text/);
    fails(() => parseDerived("strain", ["strain"]), /apply one of/);
    fails(() => parseDerived("cummax(strain, 2)", ["strain"]), /only lag takes a second argument/);
    fails(() => parseDerived("lag(strain, 0)", ["strain"]), /lag steps must be between 1 and 1000/);
    fails(() => parseDerivedList(["strain=cummax(strain)"], ["strain"]), /clashes with an input/);
    fails(() => parseDerivedList(["2m=cummax(strain)"], ["strain"]), /'2m' is not a valid identifier/);
    fails(() => computeDerived({ kind: "input", name: "x" }, {}, 3), /no column 'x'/);
    expect(parseDerivedList(["m=cummax(strain)", "lag(strain)"], ["strain"])).toEqual({ m: "cummax(strain)", lag_strain: "lag(strain)" });
  });

  it("offers running max/min only for inputs with more than two values", () => {
    expect(Object.keys(autoDerived(["strain", "d"], cols, 6))).toEqual(["cummax_strain", "cummin_strain"]);
    expect(autoDerived(["strain"], cols, 6)).toEqual({ cummax_strain: "cummax(strain)", cummin_strain: "cummin(strain)" });
  });
});
