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
      newLaw: "499.0833978661466*cos(6.282202685501173*x)^2",
      measurements: 36,
    });
    expect(s).toBe(
      "The received theory predicts counts = 3.04 at x = 0.3, d = 120; 412 was observed — a structural revision to 499.08*cos(6.2822*x)^2: the new law is 512 bits shorter than the old one on the same 36 measurements.",
    );
  });
  it("says the new law is merely shorter when the old one missed nowhere beyond the noise", () => {
    const s = breakSentence({ oldName: "the previous law", outputName: "y", witness: { inputs: { x: 1 }, predicted: 1, observed: 1.1, noiseWidths: 0.5 }, type: "structural", gainBits: 12, newLaw: "2*x" });
    expect(s).toMatch(/^The previous law is replaced by the shorter 2\*x, which fits the measurements as well .*: the new law is 12 bits shorter than the old one\.$/);
  });
  it("formats numbers to three significant digits", () => {
    expect([fmt(0.000012345), fmt(1234567), fmt(3.14159), fmt(-0.5)]).toEqual(["1.23e-5", "1.23e+6", "3.14", "-0.5"]);
  });
});
