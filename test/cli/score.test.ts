import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { CREEP_TRUTH, creepCsv } from "../fixtures/creep-table.js";
import { normal, seededRandom } from "../../src/random/index.js";

function tempCsv(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "wb-score-"));
  writeFileSync(join(dir, "data.csv"), text);
  return { dir, file: "data.csv" };
}

describe("worldbreaker score", () => {
  it("fits the constants of the pendulum law in the shipped example and prints R², RMSE and bits", async () => {
    const r = await runCli(["score", "2*pi*sqrt(length/g)", "examples/pendulum.csv", "--target", "period"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^law +period = 2\*pi\*sqrt\(length\/9\.\d+\)$/m);
    expect(r.stdout).toMatch(/^fitted +g = 9\.\d+/m);
    expect(r.stdout).toMatch(/^R² +0\.99\d*$/m);
    expect(r.stdout).toMatch(/^RMSE +0\.0\d+$/m);
    expect(r.stdout).toMatch(/^bits +\d+(\.\d+)? \(law [\d.]+ \+ data [\d.]+\) on 80 rows$/m);
  });

  it("prints one JSON object with --json, and the better law has fewer bits", async () => {
    const small = await runCli(["score", "a*sqrt(length)", "examples/pendulum.csv", "--target", "period", "--json"]);
    const better = await runCli(["score", "a*sqrt(length)*(1 + b*amplitude^2)", "examples/pendulum.csv", "--target", "period", "--json"]);
    expect(small.code).toBe(0);
    const a = JSON.parse(small.stdout);
    const b = JSON.parse(better.stdout);
    expect(small.stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(a).sort()).toEqual(["bits", "complexity", "constants", "converged", "fit", "input", "law", "params", "r2", "residualStructure", "rmse", "rows", "target"]);
    expect(a.constants).toEqual([{ name: "a", value: a.params.a, stderr: expect.any(Number) }]);
    expect(a.target).toBe("period");
    expect(a.params.a).toBeGreaterThan(2);
    expect(a.params.a).toBeLessThan(2.15); // 2π/√g ≈ 2.006, pulled up by the large-amplitude rows
    expect(b.params.b).toBeGreaterThan(0.04);
    expect(b.params.b).toBeLessThan(0.09);
    expect(b.r2).toBeGreaterThan(a.r2);
    expect(b.bits.total).toBeLessThan(a.bits.total);
  });

  it("fits a generated power law exactly", async () => {
    const rows = ["x,y", ...Array.from({ length: 30 }, (_, i) => `${1 + i / 3},${3 * (1 + i / 3) ** 1.5}`)];
    const { dir, file } = tempCsv(rows.join("\n"));
    const r = await runCli(["score", "a*x^b", file, "--target", "y", "--json"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.params.a).toBeCloseTo(3, 9);
    expect(out.params.b).toBeCloseTo(1.5, 9);
    expect(out.r2).toBeCloseTo(1, 12);
    expect(out.bits.data).toBe(0);
  });

  it("with --noise relative fits constants by relative error, so the small readings count as much as the large", async () => {
    // 3·x^1.5 over four decades with ±2 % errors that alternate in sign: an absolute fit chases the largest values.
    const rows = ["x,y", ...Array.from({ length: 40 }, (_, i) => {
      const x = 10 ** (i / 10);
      return `${x},${3 * x ** 1.5 * (1 + (i % 2 === 0 ? 0.02 : -0.02))}`;
    })];
    const { dir, file } = tempCsv(rows.join("\n"));
    const abs = JSON.parse((await runCli(["score", "a*x^b", file, "--target", "y", "--json"], { cwd: dir })).stdout);
    const rel = JSON.parse((await runCli(["score", "a*x^b", file, "--target", "y", "--json", "--noise", "relative"], { cwd: dir })).stdout);
    expect(Math.abs(rel.params.a - 3)).toBeLessThan(0.01);
    expect(Math.abs(rel.params.b - 1.5)).toBeLessThan(0.001);
    expect(Math.abs(rel.params.a - 3)).toBeLessThan(Math.abs(abs.params.a - 3));
  });

  it("converges on a creep table (five decades of rate, 8.314 inside the exponential) from the default start", async () => {
    const csv = creepCsv();
    const rates = csv.trim().split("\n").slice(1).map((l) => Number(l.split(",")[2]));
    expect(rates).toHaveLength(37);
    expect(Math.log10(Math.max(...rates) / Math.min(...rates))).toBeGreaterThan(4.5);
    const { dir, file } = tempCsv(csv);
    const r = await runCli(["score", "A*stress_MPa^n*exp(-Q/(8.314*T_K))", file, "--target", "rate", "--noise", "relative", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.converged).toBe(true);
    expect(out.r2).toBeGreaterThan(0.95);
    const byName = Object.fromEntries(out.constants.map((c: { name: string }) => [c.name, c]));
    // The true constants lie within the fit's own uncertainty (3 standard errors), and that uncertainty is the
    // size 8 % scatter on 37 rows allows.
    expect(Math.abs(byName.n.value - CREEP_TRUTH.n)).toBeLessThan(3 * byName.n.stderr);
    expect(byName.n.stderr).toBeLessThan(0.3);
    expect(Math.abs(byName.Q.value - CREEP_TRUTH.Q)).toBeLessThan(3 * byName.Q.stderr);
    expect(byName.Q.stderr / CREEP_TRUTH.Q).toBeLessThan(0.1);
    expect(Math.abs(Math.log(byName.A.value / CREEP_TRUTH.A))).toBeLessThan(3 * (byName.A.stderr / byName.A.value));
    expect(out.residualStructure.structured).toBe(false);
    expect(out.fit.starts).toBeGreaterThan(1);
    expect(["ftol", "xtol", "gtol", "exact", "stalled"]).toContain(out.fit.stop);
    const text = await runCli(["score", "A*stress_MPa^n*exp(-Q/(8.314*T_K))", file, "--target", "rate", "--noise", "relative"], { cwd: dir });
    expect(text.stdout).toMatch(/^fitted +A = [\d.e+-]+ ± [\d.e+-]+, n = 4\.\d+ ± 0\.\d+.*, Q = 2\d{5} ± \d+$/m);
    expect(text.stdout).toMatch(/^residual +no structure left/m);
    expect(text.stdout).not.toMatch(/did not converge/);
  });

  it("says when the residuals keep structure along an input (a line fitted to a parabola)", async () => {
    const rand = seededRandom(8);
    const rows = ["x,y", ...Array.from({ length: 40 }, (_, i) => `${i / 4},${(i / 4) ** 2 + 0.05 * normal(rand)}`)];
    const { dir, file } = tempCsv(rows.join("\n"));
    const line = await runCli(["score", "a*x + b", file, "--target", "y"], { cwd: dir });
    expect(line.stdout).toMatch(/^residual +structure left along x \(runs test p = [\d.e-]+ along x, lag-1 r = 0\.\d+\): the law misses a trend there$/m);
    const parabola = JSON.parse((await runCli(["score", "a*x^2 + b", file, "--target", "y", "--json"], { cwd: dir })).stdout);
    expect(parabola.residualStructure.structured).toBe(false);
    expect(parabola.constants[0]).toMatchObject({ name: "a", recognised: { value: 1, label: "1" } });
  });

  it("notes on stderr when the law reads no column (a typo becomes a constant)", async () => {
    const r = await runCli(["score", "a*lenght", "examples/pendulum.csv", "--target", "period"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("note: the law uses none of the columns of examples/pendulum.csv (length, amplitude); 'a', 'lenght' are fitted as constants\n");
  });

  const badCases: [string, string[], string, RegExp][] = [
    ["a missing target column", ["a*x", "data.csv", "--target", "z"], "x,y\n1,2\n", /^worldbreaker: data\.csv: no column 'z' \(columns: x, y\)$/],
    ["a non-numeric cell", ["a*x", "data.csv", "--target", "y"], "x,y\n1,2\n2,oops\n", /^worldbreaker: .*data\.csv: row 3, column 'y': 'oops' is not a number$/],
    ["a ragged row", ["a*x", "data.csv", "--target", "y"], "x,y\n1,2\n2\n", /^worldbreaker: .*data\.csv: row 3: expected 2 cells/],
    ["a bad law", ["a*x +", "data.csv", "--target", "y"], "x,y\n1,2\n", /^worldbreaker: score: bad law 'a\*x \+': unexpected end of law.*\(column 6\)$/],
    ["an unknown function", ["foo(x)", "data.csv", "--target", "y"], "x,y\n1,2\n", /unknown function 'foo' \(column 1\)$/],
    ["a law that uses the target", ["a*y", "data.csv", "--target", "y"], "x,y\n1,2\n", /uses the target column 'y'/],
    ["a missing --target", ["a*x", "data.csv"], "x,y\n1,2\n", /--target <column> is required/],
    ["a missing file", ["a*x", "nope.csv", "--target", "y"], "x,y\n1,2\n", /nope\.csv: no such file/],
    ["no data rows", ["a*x", "data.csv", "--target", "y"], "x,y\n", /no data rows/],
    ["an unknown noise model", ["a*x", "data.csv", "--target", "y", "--noise", "gaussian"], "x,y\n1,2\n", /score: --noise must be one of absolute, relative, poisson, got 'gaussian'/],
    ["a law with a line break", ["a*x +\n", "data.csv", "--target", "y"], "x,y\n1,2\n", /bad law 'a\*x \+\\n': unexpected end of law/],
    ["a law that is never finite", ["log(-x - a^2)", "data.csv", "--target", "y"], "x,y\n1,2\n2,3\n", /NaN or infinite values/],
  ];
  for (const [what, args, csv, message] of badCases) {
    it(`exits 2 with one line for ${what}`, async () => {
      const { dir } = tempCsv(csv);
      const r = await runCli(["score", ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    });
  }
});
