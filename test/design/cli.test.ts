import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const UBQ = "MQIFVKTLTGKTITLEVEPSDTIENVKAKIQDKEGIPPDQQRLIFAGKQLEDGRTLSDYNIQKESTLHLVLRLRGG";
const FIXTURE = resolve("test/fixtures/design/predictor.mjs");
const dir = mkdtempSync(join(tmpdir(), "wb-design-"));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

function oneLineError(r: { code: number; stderr: string; stdout: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe("worldbreaker predict", () => {
  it("prints force predictions as JSON", async () => {
    const r = await runCli(["predict", "force", UBQ, "--json", "--replicas", "4"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fmax).toBeGreaterThan(10);
    expect(j.energy).toBeGreaterThan(0);
    expect(j.history).toHaveLength(25);
    expect(Math.max(...j.history)).toBeLessThanOrEqual(1.0001);
    expect(j.secondaryStructure).toHaveLength(UBQ.length);
    const again = JSON.parse((await runCli(["predict", "force", UBQ, "--json", "--replicas", "4"])).stdout);
    expect(again).toEqual(j);
  });
  it("prints modes and B-factors as JSON, and a readable summary without --json", async () => {
    const r = await runCli(["predict", "modes", UBQ.slice(0, 40), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.modes).toHaveLength(3);
    for (const m of j.modes) expect(m).toHaveLength(40);
    expect(j.bfactors).toHaveLength(40);
    const text = await runCli(["predict", "force", UBQ]);
    expect(text.stdout).toMatch(/max force: [\d.]+ ± [\d.]+ pN/);
    expect(text.stdout).toMatch(/domains: /);
    // The secondary structure sits under the sequence, letter for letter.
    const lines = text.stdout.split("\n");
    const at = lines.findIndex((l) => l.includes(UBQ.slice(0, 60)));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1].indexOf(lines[at + 1].trim())).toBe(lines[at].indexOf(UBQ.slice(0, 60)));
    expect(lines[at + 1].trim()).toMatch(/^[HEC]{60}$/);
  });
  it("rejects bad sequences and arguments with one line and exit 2", async () => {
    oneLineError(await runCli(["predict", "force", "MQIFZK"]), /'Z' at position 5 is not one of the 20 standard amino acids/);
    oneLineError(await runCli(["predict", "force", ""]), /sequence is empty/);
    oneLineError(await runCli(["predict", "force", "A".repeat(1200)]), /1200 residues; at most 1000/);
    oneLineError(await runCli(["predict", "modes", "A".repeat(500)]), /500 residues; the built-in normal-mode model supports at most 400/);
    oneLineError(await runCli(["predict", "bend", UBQ]), /'force' or 'modes', got 'bend'/);
    oneLineError(await runCli(["predict", "force", UBQ, "--replicas", "0"]), /--replicas must be at least 1/);
  });
  it("handles the shortest sequences", async () => {
    for (const seq of ["A", "GW", "MKV"]) {
      const f = JSON.parse((await runCli(["predict", "force", seq, "--json", "--replicas", "2"])).stdout);
      expect(f.history).toHaveLength(25);
      const m = JSON.parse((await runCli(["predict", "modes", seq, "--json"])).stdout);
      expect(m.modes).toHaveLength(3);
      expect(m.modes[0]).toHaveLength(seq.length);
    }
  });
  it("delegates to an external predictor command", async () => {
    const r = await runCli(["predict", "force", "AWWKA", "--json", "--predictor", `node ${FIXTURE}`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fmax).toBe(40);
    oneLineError(await runCli(["predict", "force", "ACCKA", "--predictor", `node ${FIXTURE}`]), /cysteine is not supported/);
    oneLineError(await runCli(["predict", "force", "AWWKA", "--predictor", "definitely-not-a-command-xyz"]), /could not start|exited/);
  });
});

describe("worldbreaker design", () => {
  it("designs for a maximum force and prints the JSON contract", async () => {
    const r = await runCli(["design", "force", "--fmax", "150", "--length", "40", "--budget", "96", "--replicas", "4", "--designs", "3", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["designs", "controls", "evaluations", "seconds"]));
    expect(j.designs).toHaveLength(3);
    expect(j.controls).toHaveLength(2);
    expect(j.evaluations).toBe(96);
    for (const d of j.designs) {
      expect(d.sequence).toMatch(/^[ACDEFGHIKLMNPQRSTVWY]{40}$/);
      expect(d.predicted).toEqual({ fmax: expect.any(Number), energy: expect.any(Number), history: expect.any(Array) });
      expect(d.spread.fmax).toBeGreaterThanOrEqual(0);
      expect(d.novelty).toBeGreaterThanOrEqual(0);
      expect(d.novelty).toBeLessThanOrEqual(1);
      // Novelty is novelty: one minus the identity to the nearest natural sequence.
      expect(d.novelty).toBeCloseTo(1 - d.identity, 12);
    }
    expect(r.stderr).toMatch(/design force: 96\/96 evaluations, best error/);
  });
  it("designs for a target curve and writes FASTA, JSON and an HTML report", async () => {
    const rows = ["extension_nm,force_pN"];
    for (let i = 0; i <= 40; i++) rows.push(`${(i * 0.5).toFixed(2)},${(i % 10) * 8 + 5}`);
    const target = file("curve.csv", rows.join("\n") + "\n");
    const out = join(dir, "out");
    const r = await runCli(["design", "force", "--target", target, "--length", "50", "--budget", "72", "--replicas", "4", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/design 1 {2}error [\d.]+/);
    expect(readFileSync(join(out, "designs.fasta"), "utf8")).toMatch(/^>design_1 error=[\d.]+ fmax=/);
    const json = JSON.parse(readFileSync(join(out, "designs.json"), "utf8"));
    expect(json.designs.length).toBeGreaterThan(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/target/);
    expect(html).not.toMatch(/<script/);
  });
  it("designs for target modes", async () => {
    const rows = ["residue,mode1,mode2,mode3"];
    for (let i = 0; i < 24; i++) rows.push(`${i + 1},${(1 - i / 24).toFixed(3)},${Math.abs(Math.sin(i / 4)).toFixed(3)},${(i / 24).toFixed(3)}`);
    const target = file("modes.csv", rows.join("\n"));
    const r = await runCli(["design", "modes", "--target", target, "--budget", "48", "--replicas", "2", "--designs", "2", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.designs[0].sequence).toHaveLength(24);
    expect(j.designs[0].predicted.modes).toHaveLength(3);
    expect(j.designs[0].predicted.r2).toHaveLength(3);
  });
  it("uses an external predictor for design", async () => {
    const r = await runCli(["design", "force", "--fmax", "60", "--length", "12", "--budget", "120", "--replicas", "2", "--json", "--predictor", `node ${FIXTURE}`, "--max-fraction", "0.5", "--exclude", "C"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // fmax = 20 + 10·(number of W): the best designs carry four tryptophans.
    expect(j.designs[0].predicted.fmax).toBe(60);
    expect(j.designs[0].sequence.split("W").length - 1).toBe(4);
    for (const d of [...j.designs, ...j.controls]) expect(d.sequence).not.toMatch(/C/);
  });
  it("rejects bad targets naming file, row and column", async () => {
    const nan = file("nan.csv", "extension,force\n0,1\n1,NaN\n2,3\n");
    oneLineError(await runCli(["design", "force", "--target", nan, "--length", "30"]), /nan\.csv: row 3, column 'force': 'NaN' is not a finite number/);
    const dec = file("dec.csv", "extension,force\n0,1\n2,1\n1,3\n");
    oneLineError(await runCli(["design", "force", "--target", dec, "--length", "30"]), /dec\.csv: row 4, column 'extension': extension decreases/);
    const nocol = file("nocol.csv", "distance,pull\n0,1\n1,2\n2,3\n");
    oneLineError(await runCli(["design", "force", "--target", nocol, "--length", "30"]), /nocol\.csv: no force column/);
    const ragged = file("ragged.csv", "extension,force\n0,1\n1\n");
    oneLineError(await runCli(["design", "force", "--target", ragged, "--length", "30"]), /ragged\.csv: /);
    const modes = file("m.csv", "mode1,mode2,mode3\n1,1,1\n0.5,0.2,0.1\n0.3,0.4,0.2\n0.1,0.1,0.9\n");
    oneLineError(await runCli(["design", "modes", "--target", modes, "--length", "30"]), /m\.csv: 4 rows but --length is 30/);
    const negative = file("neg.csv", "mode1,mode2,mode3\n1,1,1\n0.5,-0.2,0.1\n0.3,0.4,0.2\n0.1,0.1,0.9\n");
    oneLineError(await runCli(["design", "modes", "--target", negative]), /neg\.csv: row 3, column 'mode2': amplitudes must be ≥ 0/);
    oneLineError(await runCli(["design", "force", "--target", join(dir, "missing.csv"), "--length", "30"]), /cannot read/);
    oneLineError(await runCli(["design", "force", "--fmax", "100"]), /needs --length/);
    oneLineError(await runCli(["design", "force", "--fmax", "abc", "--length", "30"]), /--fmax must be a number/);
    oneLineError(await runCli(["design", "force", "--length", "30"]), /needs --target <curve.csv> or --fmax/);
    oneLineError(await runCli(["design", "force", "--fmax", "100", "--length", "3"]), /--length must be at least 8/);
    oneLineError(await runCli(["design", "force", "--fmax", "100", "--length", "30", "--strategy", "magic"]), /--strategy must be one of profile, ga, random/);
    oneLineError(await runCli(["design", "force", "--fmax", "100", "--length", "30", "--exclude", "CX"]), /--exclude: 'X' is not one of/);
    expect(existsSync(join(dir, "missing.csv"))).toBe(false);
  });
  it("stops cleanly on interrupt and prints the best so far", async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 300);
    const r = await runCli(["design", "force", "--fmax", "100", "--length", "40", "--budget", "1000000", "--replicas", "2", "--json"], { signal: ctl.signal });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.interrupted).toBe(true);
    expect(j.designs.length).toBeGreaterThan(0);
    expect(j.evaluations).toBeLessThan(1000000);
    expect(r.stderr).toMatch(/interrupted after \d+ evaluations/);
  });
});
