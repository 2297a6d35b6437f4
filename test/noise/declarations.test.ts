import { describe, expect, it } from "vitest";
import { openWorld } from "../../src/worlds/open.js";
import { findWorld } from "../../src/worlds/registry.js";
import { describeSchema, firstIssue } from "../../src/worlds/external-protocol.js";
import { runCli } from "../helpers/cli.js";

const node = JSON.stringify(process.execPath);
const external = (model: string) => `${node} test/fixtures/noise/noise-model-world.mjs '${model}'`;
const open = (line: string) => openWorld({ external: line }, { seed: 1, cwd: process.cwd(), timeoutMs: 5000 });

describe("noise models worlds declare", () => {
  it("built-in simulators declare how their noise spreads", () => {
    const kinds = Object.fromEntries(
      ["blackbody", "duffing", "double-slit", "polymer-stretching", "protein-unfolding", "tensile-cyclic"].map((name) => [name, findWorld(name)!.create({ seed: 1 }).info.noiseModel?.kind]),
    );
    expect(kinds).toEqual({
      blackbody: "relative",
      duffing: "relative",
      "double-slit": "poisson",
      "polymer-stretching": "absolute",
      "protein-unfolding": "absolute",
      "tensile-cyclic": "absolute",
    });
  });

  it("an external world may declare one in its describe answer; absent stays absent (absolute)", async () => {
    const w = await open(external('{"kind":"relative"}'));
    expect(w.info.noiseModel).toEqual({ kind: "relative" });
    await w.close();
    const plain = await open(external("none"));
    expect(plain.info.noiseModel).toBeUndefined();
    await plain.close();
  });

  it("an invalid declaration is a clear error naming the field and the allowed values", async () => {
    await expect(open(external('{"kind":"multiplicative"}'))).rejects.toThrow(/noiseModel\.kind: must be one of "absolute", "relative", "poisson"/);
    const base = { name: "w", inputs: [{ name: "x", min: 0, max: 1 }], output: { name: "y" } };
    const bad = describeSchema.safeParse({ ...base, noiseModel: "relative" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(firstIssue(bad.error)).toMatch(/^noiseModel: /);
  });
});

describe("--noise on the command line", () => {
  it("rejects an unknown model naming the flag and the allowed values (explain and discover)", async () => {
    const e = await runCli(["explain", "test/fixtures/noise/decay.csv", "--target", "y", "--noise", "gaussian"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/explain: --noise must be one of absolute, relative, poisson, got 'gaussian'/);
    const d = await runCli(["discover", "blackbody", "--noise", "multiplicative", "--rounds", "0"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/discover: --noise must be one of absolute, relative, poisson, got 'multiplicative'/);
  });

  it("explain --noise relative runs end to end and prices the law on standardised residuals", async () => {
    const args = ["explain", "test/fixtures/noise/decay.csv", "--target", "y", "--evaluations", "300", "--threads", "1", "--json"];
    // Four decades would make relative the default: absolute is asked for explicitly.
    const plain = await runCli([...args, "--noise", "absolute"]);
    const relative = await runCli([...args, "--noise", "relative"]);
    expect(plain.code).toBe(0);
    expect(relative.code).toBe(0);
    const a = JSON.parse(plain.stdout);
    const b = JSON.parse(relative.stdout);
    expect(b.law).toMatch(/x/);
    // Same contract, different code book: the residual bits of a relative code are far fewer on four decades.
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(b.bits.data).toBeLessThan(a.bits.data);
  });

  it("documents the flag in both commands' help", async () => {
    for (const cmd of ["explain", "discover"]) {
      const h = await runCli(["help", cmd]);
      expect(h.stdout + h.stderr).toMatch(/--noise <model>/);
    }
  });
});
