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

  it("name the scale the numbers are actually in, with the dimension the physics implies", () => {
    const dims = (text: string) => JSON.stringify(parseUnit(text));
    const unitsOf = (name: string) => {
      const info = builtinWorlds.find((d) => d.name === name)!.create({ seed: 0 }).info;
      return { ...Object.fromEntries(info.inputs.map((s) => [s.name, s.unit])), [info.output.name]: info.output.unit };
    };
    // Double slit: x in mm, d in µm, λ in nm, so that π·d·x/λ is the phase with L = 1 m.
    expect(unitsOf("double-slit")).toMatchObject({ x: "mm", d: "µm", lambda: "nm", counts: "1" });
    for (const u of ["mm", "µm", "nm"]) expect(dims(u)).toBe(dims("m"));
    expect(unitsOf("blackbody")).toMatchObject({ nu: "THz", T: "K", radiance: "pW/(m^2*sr*Hz)" });
    expect(dims("THz")).toBe(dims("1/s"));
    expect(dims("pW/(m^2*sr*Hz)")).toBe(dims("kg/s^2"));
    expect(unitsOf("polymer-stretching")).toMatchObject({ F: "pN", x: "nm" });
    expect(unitsOf("protein-unfolding")).toMatchObject({ v: "nm/s", F: "pN" });
    expect(dims("pN")).toBe(dims("kg*m/s^2"));
    expect(unitsOf("tensile-cyclic")).toMatchObject({ stress: "MPa" });
    expect(dims("MPa")).toBe(dims("kg/(m*s^2)"));
  });
});
