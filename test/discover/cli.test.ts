import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

describe("discover / resume / report commands", () => {
  it("prints the discover --json contract and writes the report with --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-cli-"));
    const r = await runCli(["discover", "double-slit", "--rounds", "1", "--initial", "10", "--batch", "5", "--evaluations", "300", "--json", "--out", "rep"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 12)).toEqual(["world", "runId", "seed", "initialLaw", "finalLaw", "bits", "r2", "queries", "breaks", "rounds", "seconds", ...(out.derived ? ["derived"] : ["falsification"])]);
    expect(out.world).toBe("double-slit");
    expect(out.queries).toBe(15);
    expect(out.rounds).toHaveLength(2);
    expect(Object.keys(out.rounds[0])).toEqual(["round", "experiments", "law", "bits", "r2", "break"]);
    expect(r.stderr).toMatch(/round 0:/);
    for (const f of ["report.html", "metrics.csv", "laws.json"]) expect(existsSync(join(dir, "rep", f))).toBe(true);
    expect(readFileSync(join(dir, "rep", "report.html"), "utf8")).toContain("laws fitted and priced for poisson noise");
    expect(existsSync(join(dir, ".wb-runs", "journal.sqlite"))).toBe(true);

    const list = await runCli(["resume"], { cwd: dir });
    expect(list.stdout).toContain(out.runId);
    const again = await runCli(["report", out.runId, "--out", "rep2"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(join(dir, "rep2", "report.html"));
  });

  it("gives one-line errors for bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-cli-"));
    const cases: Array<[string[], RegExp]> = [
      [["discover", "no-such-world"], /unknown world 'no-such-world'/],
      [["discover"], /give a world name or file/],
      [["discover", "double-slit", "--rounds", "x"], /--rounds must be a number/],
      [["discover", "double-slit", "--strategies", "psychic"], /unknown Breaker strategy/],
      [["discover", "double-slit", "--derived", "cummean(x)"], /unknown function 'cummean'/],
      [["discover", "missing.csv"], /no such file/],
      [["resume", "nope"], /no runs|no run 'nope'/],
      [["report", "nope"], /no run 'nope'/],
    ];
    for (const [argv, re] of cases) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), argv.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
  });
});
