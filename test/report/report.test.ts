import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunStore } from "../../src/journal/index.js";
import { discover } from "../../src/discover/index.js";
import { writeReport } from "../../src/report/index.js";
import { candidateExplainer, parabolaWorld } from "../discover/stand-ins.js";

describe("run report", () => {
  it("writes a self-contained report.html, metrics.csv and laws.json from the journal alone", async () => {
    const store = RunStore.memory();
    const explain = candidateExplainer(["a*x + b", "a*x^2 + b"]);
    const r = await discover(
      { world: { name: "parabola" }, seed: 2, rounds: 3, batch: 5, initialCount: 6, patience: 2 },
      { store, explain, openWorld: async (_s, o) => parabolaWorld(o.seed, o.queryOffset ?? 0), runId: "rep" },
    );
    const dir = mkdtempSync(join(tmpdir(), "wb-report-"));
    const files = writeReport(store, "rep", dir);
    const html = readFileSync(files.html, "utf8");
    // Offline: no external scripts, stylesheets or fonts.
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toMatch(/class="katex"/);
    expect(html).toMatch(/data:font\/woff2;base64,/);
    expect((html.match(/<svg/g) ?? []).length).toBe(r.rounds.length + 1);
    expect(html).toContain("Break (structural)");
    expect(html).toContain("The received theory predicts y =");
    const csv = readFileSync(files.metricsCsv, "utf8").trim().split("\n");
    expect(csv[0]).toMatch(/^round,experiments,queries,law,bits/);
    expect(csv).toHaveLength(r.rounds.length + 1);
    const laws = JSON.parse(readFileSync(files.lawsJson, "utf8"));
    expect(laws.rounds.map((x: { law: string }) => x.law)).toEqual(r.rounds.map((x) => x.law));
    expect(laws.finalLaw).toBe(r.finalLaw);
    expect(laws.rounds[0].latex.length).toBeGreaterThan(0);
  });

  it("names an unknown run in a one-line error", () => {
    expect(() => writeReport(RunStore.memory(), "nope", tmpdir())).toThrow(/no run 'nope'/);
  });
});
