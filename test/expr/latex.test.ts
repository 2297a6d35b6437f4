import { describe, expect, it } from "vitest";
import fc from "fast-check";
import katex from "katex";
import { latexName, parse, toLatex } from "../../src/expr/index.js";
import { arbExpr } from "./arbitraries.js";

describe("toLatex", () => {
  it("prints fractions, roots, Greek names and subscripts", () => {
    expect(toLatex(parse("exp(-theta^2/2)/sqrt(2*pi)"))).toBe("\\frac{\\exp\\left(\\frac{-{\\theta}^{2}}{2}\\right)}{\\sqrt{2 \\cdot \\pi}}");
    expect(toLatex(parse("G*m1*m2/r^2"))).toBe("\\frac{G \\cdot m_{1} \\cdot m_{2}}{{r}^{2}}");
    expect(toLatex(parse("(a + b)*c"))).toBe("\\left(a + b\\right) \\cdot c");
    expect(latexName("x_max")).toBe("x_{\\mathrm{max}}");
    expect(latexName("sigma_den")).toBe("\\sigma_{\\mathrm{den}}");
    expect(toLatex(parse("a*x", { variables: ["x"] }), [1.5e-7])).toBe("1.5 \\times 10^{-7} \\cdot x");
  });

  it("always renders with KaTeX (property)", () => {
    fc.assert(
      fc.property(arbExpr({ params: true }), (e) => {
        expect(() => katex.renderToString(toLatex(e), { throwOnError: true })).not.toThrow();
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
