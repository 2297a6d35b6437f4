import { describe, expect, it } from "vitest";
import { structureKey } from "../../src/core/law.js";
import { parse } from "../../src/expr/index.js";

describe("structureKey", () => {
  it("ignores the values and names of fitted constants", () => {
    expect(structureKey(parse("a*exp(-b*x)", { variables: ["x"] }))).toBe(structureKey(parse("k*exp(-q*x)", { variables: ["x"] })));
  });

  it("tells different forms apart, including a literal against a fitted constant", () => {
    const key = structureKey(parse("a*exp(-b*x)", { variables: ["x"] }));
    expect(structureKey(parse("a*exp(-b*x^2)", { variables: ["x"] }))).not.toBe(key);
    expect(structureKey(parse("a*exp(-2*x)", { variables: ["x"] }))).not.toBe(key);
    expect(structureKey(parse("a*exp(-b*y)", { variables: ["x", "y"] }))).not.toBe(structureKey(parse("a*exp(-b*x)", { variables: ["x", "y"] })));
  });
});
