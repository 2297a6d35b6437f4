import { describe, expect, it } from "vitest";
import { breakSentence, fmt } from "../../src/discover/sentence.js";

describe("break sentences", () => {
  it("names the prediction that failed and what was observed", () => {
    const s = breakSentence({
      oldName: "the received theory",
      outputName: "counts",
      witness: { inputs: { x: 0.3, d: 120 }, predicted: 3.04, observed: 412, noiseWidths: 40 },
      type: "structural",
      gainBits: 512.345,
      newLaw: "A*cos(k*x)^2",
    });
    expect(s).toBe("The received theory predicts counts = 3.04 at x = 0.3, d = 120; 412 was observed — a structural revision to A*cos(k*x)^2 saves 512 bits.");
  });
  it("says the new law is merely shorter when the old one missed nowhere beyond the noise", () => {
    const s = breakSentence({ oldName: "the previous law", outputName: "y", witness: { inputs: { x: 1 }, predicted: 1, observed: 1.1, noiseWidths: 0.5 }, type: "structural", gainBits: 12, newLaw: "2*x" });
    expect(s).toMatch(/^The previous law is replaced by the shorter 2\*x, which fits the evidence as well/);
  });
  it("formats numbers to three significant digits", () => {
    expect([fmt(0.000012345), fmt(1234567), fmt(3.14159), fmt(-0.5)]).toEqual(["1.23e-5", "1.23e+6", "3.14", "-0.5"]);
  });
});
