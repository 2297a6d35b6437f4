import { describe, expect, it } from "vitest";
import { readFeynmanUnits } from "../../src/data/feynman.js";
import { checkDimensions, formatDimension, parse, parseUnit, sameDimension, UNITS } from "../../src/expr/index.js";
import { UnitError } from "../../src/expr/errors.js";

describe("parseUnit", () => {
  it("reads products, quotients, powers, prefixes and named units", () => {
    expect(formatDimension(parseUnit("kg*m/s^2"))).toBe("kg*m/s^2");
    expect(sameDimension(parseUnit("N"), parseUnit("kg*m/s^2"))).toBe(true);
    expect(sameDimension(parseUnit("J"), parseUnit("N m"))).toBe(true);
    expect(sameDimension(parseUnit("V"), parseUnit("W/A"))).toBe(true);
    expect(sameDimension(parseUnit("T"), parseUnit("V*s/m^2"))).toBe(true);
    expect(sameDimension(parseUnit("km/h"), parseUnit("m/s"))).toBe(true);
    expect(sameDimension(parseUnit("m s^-1"), parseUnit("m/s"))).toBe(true);
    expect(sameDimension(parseUnit("m**2"), parseUnit("m^2"))).toBe(true);
    expect(parseUnit("m^(1/2)")[0]).toBe(0.5);
    expect(formatDimension(parseUnit("1"))).toBe("1");
    expect(formatDimension(parseUnit("J/(mol*K)"))).toBe("kg*m^2/(K*mol*s^2)");
  });

  it("rejects unknown or malformed units with UnitError", () => {
    expect(() => parseUnit("furlong")).toThrow(UnitError);
    expect(() => parseUnit("m^")).toThrow(/bad unit/);
    expect(() => parseUnit("")).toThrow(/empty unit/);
    expect(() => parseUnit("(m")).toThrow(/missing/);
    expect(() => parseUnit("2*m")).toThrow(/only the number 1/);
  });
});

describe("checkDimensions", () => {
  const units = { F: parseUnit("N"), m: parseUnit("kg"), a: parseUnit("m/s^2"), x: parseUnit("m"), t: parseUnit("s"), v: parseUnit("m/s") };
  const vars = Object.keys(units);
  const check = (law: string, target?: string) => checkDimensions(parse(law, { variables: vars }), units, target ? parseUnit(target) : undefined);

  it("accepts consistent laws and infers their dimension", () => {
    const r = check("m*a");
    expect(r.ok && formatDimension(r.dimension)).toBe("kg*m/s^2");
    expect(check("x/t + v").ok).toBe(true);
    expect(check("sqrt(x*a)", "m/s").ok).toBe(true);
    expect(check("m*v^2/2", "J").ok).toBe(true);
    expect(check("x*exp(-t/tau)", "m").ok).toBe(true);
  });

  it("lets fitted constants take the dimension that makes a law consistent", () => {
    expect(check("k*m*a + c", "N").ok).toBe(true);
    expect(check("sin(w*t)").ok).toBe(true);
    expect(check("x^p", "m").ok).toBe(true);
  });

  it("says where a law is inconsistent", () => {
    const sum = check("m + a");
    expect(sum).toEqual({ ok: false, message: "terms of '+' differ: kg vs m/s^2", where: "m + a" });
    const fn = check("exp(x) + 1");
    expect(fn.ok).toBe(false);
    if (!fn.ok) {
      expect(fn.message).toMatch(/argument of exp must be dimensionless, got m/);
      expect(fn.where).toBe("x");
    }
    const target = check("m*v", "J");
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.message).toMatch(/dimension kg\*m\/s but the target has kg\*m\^2\/s\^2/);
    const missing = checkDimensions(parse("q*x"), { x: parseUnit("m") });
    expect(missing).toMatchObject({ ok: false, where: "q" });
  });

  it("turns Feynman units.csv rows into dimensions (T is temperature there, V the volt)", () => {
    const byName = readFeynmanUnits("data/feynman/units.csv");
    expect(Object.keys(byName).length).toBeGreaterThan(100);
    expect(sameDimension(byName.q, parseUnit("C"))).toBe(true);
    expect(sameDimension(byName.B, parseUnit("T"))).toBe(true);
    expect(sameDimension(byName.Ef, parseUnit("V/m"))).toBe(true);
    expect(sameDimension(byName.kb, parseUnit("J/K"))).toBe(true);
    expect(sameDimension(byName.T, UNITS.K)).toBe(true);
    expect(sameDimension(byName.C, parseUnit("F"))).toBe(true);
    // Coulomb's law from the benchmark (I.12.2) is consistent with these units.
    const coulomb = parse("q1*q2*r/(4*pi*epsilon*r^3)");
    expect(checkDimensions(coulomb, byName, byName.F).ok).toBe(true);
  });
});
