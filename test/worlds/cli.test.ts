import { describe, expect, it } from "vitest";
import { openWorld } from "../../src/worlds/open.js";
import { runCli } from "../helpers/cli.js";

describe("worldbreaker worlds", () => {
  it("lists every built-in world with inputs, ranges and the received theory", async () => {
    const r = await runCli(["worlds"]);
    expect(r.code).toBe(0);
    for (const name of ["double-slit", "blackbody", "polymer-stretching", "protein-unfolding", "duffing", "tensile-cyclic"]) expect(r.stdout).toMatch(new RegExp(`^${name}: `, "m"));
    expect(r.stdout).toMatch(/input {2}lambda {5}400 \.\. 700, starts in 540 \.\. 560 — wavelength in nm/);
    expect(r.stdout).toMatch(/received theory: kRJ\*nu\^2\*T/);
    expect(r.stdout).toMatch(/stages stage_1_elastic_loading \(initial\) → stage_2_post_yield_loading/);
  });

  it("prints JSON with --json, and one world by name", async () => {
    const r = await runCli(["worlds", "blackbody", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ name: string; inputs: Array<{ name: string; scale?: string }>; truth: string }>;
    expect(out).toHaveLength(1);
    expect(out[0].name).toBe("blackbody");
    expect(out[0].inputs.map((i) => i.name)).toEqual(["nu", "T"]);
    expect(out[0].inputs[0].scale).toBe("log");
    expect(out[0].truth).toBe("A*nu^3/(exp(b*nu/T) - 1)");
  });

  it("rejects an unknown world with one line listing the known ones", async () => {
    const r = await runCli(["worlds", "triple-slit"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown world 'triple-slit'; built-in worlds: double-slit, blackbody/);
  });
});

describe("openWorld", () => {
  it("opens built-in worlds by name and rejects unknown names listing the known worlds", async () => {
    const w = await openWorld({ name: "double-slit" }, { seed: 3, cwd: process.cwd() });
    expect(w.info.name).toBe("double-slit");
    await expect(openWorld({ name: "triple-slit" }, { seed: 3, cwd: process.cwd() })).rejects.toThrow(/unknown world 'triple-slit'; built-in worlds: double-slit, blackbody, polymer-stretching, protein-unfolding, duffing, tensile-cyclic/);
    await expect(openWorld({}, { seed: 3, cwd: process.cwd() })).rejects.toThrow(/give exactly one world/);
    await expect(openWorld({ name: "a", external: "b" }, { seed: 3, cwd: process.cwd() })).rejects.toThrow(/give exactly one world/);
  });
});
