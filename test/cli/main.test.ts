import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runCli } from "../helpers/cli.js";

describe("worldbreaker command", () => {
  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`worldbreaker ${pkg.version}`);
  });

  it("lists commands in help", async () => {
    const r = await runCli(["help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: worldbreaker <command>/);
  });

  it("rejects an unknown command with exit code 2 and one line", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
