import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { separatePositionals } from "../../src/cli/args.js";
import { runCli } from "../helpers/cli.js";

function csv(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "wb-hard-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const LINE = csv("line.csv", "x,y\n1,3\n2,5\n3,7.1\n4,8.9\n5,11\n");

/** Every failure is one line on stderr, never a stack trace. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  return stderr.trim();
}

describe("score bounds its work by the law's size", () => {
  it("refuses a 1,250-term law (under the length limit) at once with a clear error", async () => {
    const groups: string[] = [];
    for (let g = 0; g < 1250; g += 25) groups.push(`(${Array.from({ length: 25 }, (_, i) => `c${g + i}*x^${((g + i) % 5) + 1}`).join(" + ")})`);
    const law = groups.join(" + ");
    expect(law.length).toBeLessThan(20_000);
    const r = await runCli(["score", law, LINE, "--target", "y"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^worldbreaker: score: bad law '.*': law (has too many constants \(more than 100\)|is too large \(more than 1000 nodes\))/);
  });

  it("refuses a law of many nodes but few constants", async () => {
    const law = Array.from({ length: 40 }, () => `(${Array.from({ length: 20 }, () => "x").join("+")})`).join("*");
    const r = await runCli(["score", law, LINE, "--target", "y"]);
    expect(oneLine(r.stderr)).toMatch(/law is too large \(more than 1000 nodes\)/);
  });
});

describe("prototype names", () => {
  it("a constant named __proto__ is fitted and reported, not dropped", async () => {
    const r = await runCli(["score", "__proto__*x + b", LINE, "--target", "y", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { params: Record<string, number> };
    expect(Object.keys(out.params)).toEqual(["__proto__", "b"]);
    expect(Object.getOwnPropertyDescriptor(out.params, "__proto__")?.value).toBeCloseTo(2, 0);
  });

  it("a CSV column named __proto__ or constructor is refused naming file, row and column", async () => {
    const path = csv("p.csv", "__proto__,y\n1,2\n2,4\n");
    const r = await runCli(["score", "a*x", path, "--target", "y"]);
    expect(oneLine(r.stderr)).toBe(`worldbreaker: ${path}: row 1: column 1: '__proto__' is a reserved name (every JavaScript object has a property of that name); rename it`);
    const c = csv("c.csv", "x,constructor\n1,2\n2,4\n");
    expect(oneLine((await runCli(["score", "a*x", c, "--target", "constructor"])).stderr)).toMatch(/column 2: 'constructor' is a reserved name/);
  });

  it("an external world's input named __proto__ is refused when it describes itself", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-proto-"));
    const r = await runCli(["discover", "--external", `"${process.execPath}" test/fixtures/worlds/proto-world.mjs`, "--store", dir, "--rounds", "0"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/bad describe answer: inputs\[0\]\.name: '__proto__' is a reserved name/);
  });
});

describe("numbers R² cannot judge", () => {
  it("a CSV cell 1e999 is refused like a word, naming file, row and column", async () => {
    const path = csv("big.csv", "x,y\n1,3\n1e999,5\n");
    const r = await runCli(["score", "a*x+b", path, "--target", "y"]);
    expect(oneLine(r.stderr)).toBe(`worldbreaker: ${path}: row 3, column 'x': '1e999' is too large for a double (beyond ±1.8e308); write inf for an infinite value`);
  });

  it("a constant target or a single row says R² is undefined and why", async () => {
    const flat = await runCli(["score", "a*x+b", csv("flat.csv", "x,y\n1,3\n2,3\n3,3\n"), "--target", "y"]);
    expect(flat.code, flat.stderr).toBe(0);
    expect(flat.stdout).toMatch(/^R² {7}undefined \(the target is 3 on all 3 rows: there is no variation to explain\)$/m);
    const one = await runCli(["score", "a*x+b", csv("one.csv", "x,y\n1,3\n"), "--target", "y"]);
    expect(one.stdout).toMatch(/^R² {7}undefined \(only one row has a finite target\)$/m);
    for (const r of [flat, one]) expect(r.stdout).not.toMatch(/Infinity|NaN/);
  });

  it("values near ±1e308 name the column to rescale, in score and discover", async () => {
    const path = csv("huge.csv", "x,y\n1,1e308\n2,-1e308\n3,1e308\n");
    const s = await runCli(["score", "a*x+b", path, "--target", "y"]);
    expect(oneLine(s.stderr)).toMatch(/column 'y' holds 1e\+308, too large to square in double precision; rescale that column/);
    const d = await runCli(["discover", path, "--rounds", "0", "--store", mkdtempSync(join(tmpdir(), "wb-huge-"))]);
    expect(d.code).toBe(2);
    expect(oneLine(d.stderr)).toMatch(/column 'y' holds 1e\+308, too large to square/);
  });
});

describe("laws that start with '-'", () => {
  it("are positionals, before or after the options, and `--` ends the options", async () => {
    for (const argv of [
      ["score", "-a*x+b", LINE, "--target", "y", "--json"],
      ["score", "--target", "y", "--json", "-a*x+b", LINE],
      ["score", "-t", "y", "--json", "--", "-a*x+b", LINE],
    ]) {
      const r = await runCli(argv);
      expect(r.code, `${argv.join(" ")}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).params.a).toBeCloseTo(-1.99, 2);
    }
    const bare = await runCli(["score", "-b", LINE, "--target", "y", "--json"]);
    expect(bare.code, bare.stderr).toBe(0);
  });

  it("keep option values that start with '-' and refuse an option whose value is missing", () => {
    const spec = { target: { type: "string" as const, short: "t" }, json: { type: "boolean" as const } };
    expect(separatePositionals(["-x", "--target", "-y", "f.csv"], spec)).toEqual(["--target=-y", "--", "-x", "f.csv"]);
    expect(separatePositionals(["--target", "--json"], spec)).toEqual(["--target", "--json"]);
  });

  it("an unknown option is still an error", async () => {
    const r = await runCli(["score", "a*x", LINE, "--target", "y", "--nope"]);
    expect(oneLine(r.stderr)).toMatch(/Unknown option '--nope'/);
  });
});

describe("a CSV world with an infinite input value", () => {
  it("is refused when opened, naming column and row, instead of failing later on an experiment JSON cannot carry", async () => {
    const path = csv("inf-input.csv", "x,y\n1,3\nInfinity,5\n3,7\n");
    const r = await runCli(["discover", path, "--rounds", "0", "--store", mkdtempSync(join(tmpdir(), "wb-infin-"))]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`worldbreaker: ${path}: column 'x', data row 2: Infinity is not a usable input value (inputs must be finite; only the target may be missing or infinite)`);
  });
});
