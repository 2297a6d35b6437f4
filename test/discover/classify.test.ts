import { describe, expect, it } from "vitest";
import { classifyRevision } from "../../src/discover/classify.js";
import { parse } from "../../src/expr/index.js";

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
