import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { descriptionLength, scoreOnEvidence } from "../../src/mdl/index.js";
import type { Evidence } from "../../src/explain/types.js";

describe("scoreOnEvidence", () => {
  const x = Float64Array.from({ length: 50 }, (_, i) => i / 10);
  const z = Float64Array.from({ length: 50 }, (_, i) => Math.cos(i));
  const evidence: Evidence = { variables: ["x", "z"], columns: { x, z }, target: x.map((v, i) => 2 * v + 0.01 * Math.sin(7 * i)), targetName: "y" };

  it("scores with the evidence's variable count, so laws using fewer variables are charged alike", () => {
    const law = parse("a*x", { variables: ["x", "z"] });
    const s = scoreOnEvidence(law, [2], evidence);
    const direct = descriptionLength(law, [2], evidence.target, s.predicted, { variableCount: 2 });
    expect(s.bits).toEqual(direct);
    expect(s.bits.model).toBeGreaterThan(descriptionLength(law, [2], evidence.target, s.predicted).model);
    expect(s.r2).toBeGreaterThan(0.999);
    expect(s.rmse).toBeLessThan(0.02);
  });

  it("prefers the law that uses the right variable", () => {
    const right = scoreOnEvidence(parse("a*x", { variables: ["x", "z"] }), [2], evidence);
    const wrong = scoreOnEvidence(parse("a*z", { variables: ["x", "z"] }), [2], evidence);
    expect(right.bits.total).toBeLessThan(wrong.bits.total);
  });
});
