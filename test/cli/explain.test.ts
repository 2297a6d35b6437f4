import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

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
    expect(Object.keys(out).sort()).toEqual(["bits", "complexity", "evaluations", "law", "pareto", "r2", "rmse", "seconds", "target"].sort());
    expect(out.target).toBe("F");
    expect(out.r2).toBeGreaterThan(1 - 1e-12);
    expect(Object.keys(out.bits).sort()).toEqual(["data", "model", "total"]);
    expect(Object.keys(out.pareto[0]).sort()).toEqual(["bits", "complexity", "law", "r2"]);
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
});
