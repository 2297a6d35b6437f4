import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { BILINEAR, CREEP, bilinearTable, creepTable, toCsv } from "../explain/measurement-tables.js";
import { KNOWN_OPERATORS } from "../../src/explain/operator-choice.js";

function writeCsv(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "wb-explain-")), "data.csv");
  writeFileSync(path, text);
  return path;
}

function csv(rows: number, f: (m: number, a: number) => number): string {
  const dir = mkdtempSync(join(tmpdir(), "wb-explain-"));
  const lines = ["m,a,F"];
  for (let i = 0; i < rows; i++) {
    const m = 1 + (i % 7) * 0.31;
    const a = 2 + ((i * 13) % 11) * 0.17;
    lines.push(`${m},${a},${f(m, a)}`);
  }
  const path = join(dir, "data.csv");
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

describe("worldbreaker explain", () => {
  it("--json prints the contract object", async () => {
    const path = csv(60, (m, a) => m * a);
    const r = await runCli(["explain", path, "--target", "F", "--json", "--evaluations", "200", "--threads", "1"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(
      ["bits", "complexity", "constants", "crossValidation", "evaluations", "law", "noise", "pareto", "r2", "residualStructure", "rmse", "seconds", "target", "warnings"].sort(),
    );
    expect(out.warnings).toEqual([]);
    expect(out.crossValidation.folds).toBeGreaterThan(1);
    expect(out.noise).toEqual({ model: "absolute", chosen: "default", decades: expect.any(Number) });
    expect(out.target).toBe("F");
    expect(out.r2).toBeGreaterThan(1 - 1e-12);
    expect(Object.keys(out.bits).sort()).toEqual(["data", "model", "total"]);
    expect(Object.keys(out.pareto[0]).sort()).toEqual(["bits", "complexity", "law", "r2"]);
  });

  it("reports each constant with its standard error, and the residual check", async () => {
    let state = 7;
    const noise = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.02;
    const path = csv(80, (m, a) => 2.5 * m * a * (1 + noise()));
    const r = await runCli(["explain", path, "--target", "F", "--json", "--evaluations", "300", "--threads", "1", "--noise", "relative"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.law).toMatch(/^2\.49\d*\*a\*m$|^2\.50\d*\*a\*m$|m\*a|a\*m/);
    expect(out.constants).toHaveLength(1);
    const [c] = out.constants;
    expect(c.stderr).toBeGreaterThan(0);
    // uniform ±1 % scatter: the slope's standard error is about 0.0058/sqrt(80) of it; the truth lies within 4 of them
    expect(Math.abs(c.value - 2.5)).toBeLessThan(4 * c.stderr);
    expect(c.stderr / c.value).toBeLessThan(0.01);
    expect(out.residualStructure.structured).toBe(false);
    const text = await runCli(["explain", path, "--target", "F", "--evaluations", "300", "--threads", "1", "--noise", "relative"]);
    expect(text.stdout).toMatch(/fitted c0 = 2\.\d+ ± \d/);
    expect(text.stdout).toMatch(/residual no structure left/);
  });

  it("text output and --units", async () => {
    const path = csv(60, (m, a) => m * a);
    const r = await runCli(["explain", path, "--target", "F", "--units", "F=kg*m/s^2,m=kg,a=m/s^2", "--evaluations", "100", "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^F = /);
    expect(r.stdout).toMatch(/Pareto front/);
  });

  it("--warm seeds the search with a law whose constants are fitted", async () => {
    const path = csv(60, (m, a) => 1.7 * Math.exp(-m / a));
    const r = await runCli(["explain", path, "--target", "F", "--json", "--evaluations", "50", "--threads", "1", "--warm", "k*exp(-m/a)"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.r2).toBeGreaterThan(1 - 1e-12);
  });

  it("bad input exits 2 with a one-line message", async () => {
    const path = csv(10, (m, a) => m * a);
    for (const args of [
      ["explain", path],
      ["explain", path, "--target", "nope"],
      ["explain", path, "--target", "F", "--time", "soon"],
      ["explain", "/no/such/file.csv", "--target", "F"],
      ["explain", path, "--target", "F", "--units", "F=kg,zz=m"],
      ["explain", path, "--target", "F", "--warm", "m +* a"],
      ["explain", path, "--target", "F", "--start", "m +* a"],
      ["explain", path, "--target", "F", "--start", "k*F"],
      ["explain", path, "--target", "F", "--ops", "+,cube"],
      ["explain", path, "--target", "F", "--ops", "exp,log"],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });

  it("an abort (Ctrl-C) still prints the best law", async () => {
    const path = csv(80, (m, a) => Math.exp(-m / a) + Math.log(m * a + 2));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 400);
    const r = await runCli(["explain", path, "--target", "F", "--json", "--time", "60", "--threads", "1"], { signal: ctrl.signal });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).law.length).toBeGreaterThan(0);
  });

  it("--ops with an unknown name lists the known ones", async () => {
    const path = csv(10, (m, a) => m * a);
    const r = await runCli(["explain", path, "--target", "F", "--ops", "+,-,cube"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ops: unknown operator 'cube'/);
    for (const op of KNOWN_OPERATORS) expect(r.stderr).toContain(op);
  });

  it("--ops keeps the search and the fast paths to the chosen building blocks", async () => {
    const path = csv(60, (m, a) => 2 * Math.exp(0.5 * m) + a);
    const free = await runCli(["explain", path, "--target", "F", "--json", "--evaluations", "150", "--threads", "1"]);
    expect(JSON.parse(free.stdout).law).toMatch(/exp/);
    const r = await runCli(["explain", path, "--target", "F", "--json", "--evaluations", "150", "--threads", "1", "--ops", "+,-,*,/"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Whole powers are products (m^2 is m*m); fractional ones would need ^ or sqrt.
    for (const law of [out.law, ...out.pareto.map((p: { law: string }) => p.law)]) expect(law).not.toMatch(/exp|log|sqrt|sin|cos|tanh|min|max|\^-?\d*\.\d/);
  });

  it("a positive target over five decades is fitted for relative errors by default, and says so", async () => {
    const path = writeCsv(toCsv(creepTable()));
    const r = await runCli(["explain", path, "--target", "rate", "--json", "--evaluations", "100", "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/target spans \d\.\d decades: fitting relative errors; pass --noise absolute to override/);
    const out = JSON.parse(r.stdout);
    expect(out.noise.model).toBe("relative");
    expect(out.noise.chosen).toBe("default");
    expect(out.noise.decades).toBeGreaterThan(4);
    expect(out.noise.reason).toMatch(/^target spans/);
    const user = await runCli(["explain", path, "--target", "rate", "--evaluations", "30", "--threads", "1", "--noise", "absolute"]);
    expect(user.stderr).not.toMatch(/fitting relative errors/);
    expect(user.stdout).toMatch(/noise model: absolute \(--noise\)/);
  });

  it("gives the creep table the Norton–Arrhenius law A·σⁿ·exp(−Q/T)", async () => {
    const path = writeCsv(toCsv(creepTable()));
    const r = await runCli(["explain", path, "--target", "rate", "--json", "--evaluations", "200", "--threads", "1"]);
    const law: string = JSON.parse(r.stdout).law;
    const m = law.match(/^[\d.e-]+\*stress_MPa\^([\d.]+)\*exp\(-([\d.]+)\/T_K\)$/);
    expect(m, law).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(CREEP.n - 0.3);
    expect(Number(m![1])).toBeLessThan(CREEP.n + 0.3);
    expect(Number(m![2]) / (CREEP.Q / CREEP.R)).toBeGreaterThan(0.9);
    expect(Number(m![2]) / (CREEP.Q / CREEP.R)).toBeLessThan(1.1);
  });

  it("gives the bilinear stress–strain curve min(E·ε, σy + H·(ε − σy/E))", async () => {
    const path = writeCsv(toCsv(bilinearTable()));
    const r = await runCli(["explain", path, "--target", "stress", "--json", "--evaluations", "200", "--threads", "1"]);
    const law: string = JSON.parse(r.stdout).law;
    expect(law).toMatch(/^min\(/);
    const numbers = [...law.matchAll(/\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((x) => Number(x[0])).sort((a, b) => a - b);
    // σy·(1 − H/E), H and E.
    expect(numbers).toHaveLength(3);
    expect(numbers[2] / BILINEAR.E).toBeCloseTo(1, 1);
    expect(numbers[1] / BILINEAR.H).toBeGreaterThan(0.8);
    expect(numbers[1] / BILINEAR.H).toBeLessThan(1.2);
    expect(numbers[0] / (BILINEAR.sy * (1 - BILINEAR.H / BILINEAR.E))).toBeCloseTo(1, 1);
  });

  it("--start: a law scored on the table comes back, or one at most as long in bits", async () => {
    const path = writeCsv(toCsv(creepTable()));
    for (const law of ["A*stress_MPa^n*exp(-Q/T_K)", "a*stress_MPa^3 + b"]) {
      const scored = await runCli(["score", law, path, "--target", "rate", "--json", "--noise", "relative"]);
      expect(scored.code).toBe(0);
      const bits = JSON.parse(scored.stdout).bits.total;
      const r = await runCli(["explain", path, "--target", "rate", "--json", "--evaluations", "50", "--threads", "1", "--noise", "relative", "--start", law]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/start law .*bits/);
      expect(JSON.parse(r.stdout).bits.total, law).toBeLessThanOrEqual(bits + 1e-9);
    }
  });
});
