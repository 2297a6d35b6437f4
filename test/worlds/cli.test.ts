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

  it("shows how a staged dataset, a CSV or an external world is read", async () => {
    const staged = await runCli(["worlds", "data/breaking-the-world/tensile_cyclic.json"]);
    expect(staged.code).toBe(0);
    expect(staged.stdout).toMatch(/^tensile_cyclic: staged world — Synthetic one-dimensional tensile-test/);
    expect(staged.stdout).toMatch(/input {2}strain {5}0 \.\. 0\.06, starts in 0 \.\. 0\.018/);
    expect(staged.stdout).toMatch(/stages stage_1_elastic_loading \(initial\) → stage_2_post_yield_loading → stage_3_unloading → stage_4_reloading/);
    const ext = await runCli(["worlds", "--json", "--external", `${JSON.stringify(process.execPath)} test/fixtures/worlds/good-world.mjs`]);
    expect(ext.code).toBe(0);
    expect(JSON.parse(ext.stdout)[0]).toMatchObject({ name: "line", shape: "simulator", receivedTheory: "a*x" });
    const bad = await runCli(["worlds", "--external", `${JSON.stringify(process.execPath)} test/fixtures/worlds/lying-world.mjs --initial`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/inputs\[0\]\.initial/);
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

describe("openWorld name resolution", () => {
  it("prefers a built-in world over a same-named folder, and opens an extension-less file as a file", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "wb-open-"));
    mkdirSync(join(dir, "double-slit"));
    expect((await openWorld({ name: "double-slit" }, { seed: 1, cwd: dir })).info.name).toBe("double-slit");
    writeFileSync(join(dir, "measurements"), "x,y\n1,2\n");
    await expect(openWorld({ name: "measurements" }, { seed: 1, cwd: dir })).rejects.toThrow(/measurements: a world file must be a staged-dataset \.json or a \.csv/);
  });
});
