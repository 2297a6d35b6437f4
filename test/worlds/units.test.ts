import { describe, expect, it } from "vitest";
import { parseUnit } from "../../src/expr/index.js";
import { builtinWorlds } from "../../src/worlds/registry.js";

describe("units of the built-in worlds", () => {
  it("are all readable by the units checker", () => {
    for (const def of builtinWorlds) {
      const info = def.create({ seed: 0 }).info;
      for (const unit of [...info.inputs.map((s) => s.unit), info.output.unit]) {
        expect(unit, `${def.name}`).toBeDefined();
        expect(() => parseUnit(unit!)).not.toThrow();
      }
    }
  });

  it("give the dimensions the physics implies", () => {
    const dims = (text: string) => JSON.stringify(parseUnit(text));
    // Spectral radiance W m⁻² sr⁻¹ Hz⁻¹ = kg s⁻²; stress Pa = kg m⁻¹ s⁻²; force N = kg m s⁻².
    expect(dims("kg/s^2")).toBe(dims("kg*m^2/s^3/m^2*s"));
    expect(dims("kg/(m*s^2)")).toBe(dims("kg*m/s^2/m^2"));
  });
});
