import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunStore } from "../../src/journal/index.js";
import { discover } from "../../src/discover/index.js";
import { writeReport } from "../../src/report/index.js";
import type { Exchange } from "../../src/llm/exchange.js";
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
    // A chart per round, the bits chart, the final law's two checks and a map of each break.
    const breaks = r.rounds.filter((x) => x.break).length;
    expect((html.match(/<svg/g) ?? []).length).toBe(r.rounds.length + 1 + 2 + breaks);
    expect(html).toContain("Break (structural)");
    expect(html).toContain("The received theory predicts y =");
    // Bits in words, the rounds counted as everywhere else, the next steps and the glossary.
    expect(html).toMatch(/the new law is \d+ bits? shorter than the old one on the same \d+ measurements/);
    expect(html).toContain(`${r.rounds.at(-1)!.round} round${r.rounds.at(-1)!.round === 1 ? "" : "s"} of experiments`);
    expect(html).toContain("<h2>What to do next</h2>");
    expect(html).toMatch(/Extend the range: x (was measured from|\(.*\) was measured over)/);
    expect(html).toContain("<h2>Glossary</h2>");
    expect(html).toMatch(/<dt>received theory<\/dt>/);
    // The predicted-against-measured chart carries the y = x line; the break is shown where the old law fails.
    expect(html).toContain('class="diagonal"');
    expect(html).toContain("old law fails");
    // Laws are shown to 5 significant figures; the full digits stay in laws.json.
    const shown = [...html.matchAll(/<code title="([^"]+)">([^<]+)<\/code>/g)];
    expect(shown.length).toBeGreaterThan(0);
    for (const [, full, text] of shown) {
      for (const lit of text.match(/\d+\.\d+/g) ?? []) expect(lit.replace(/^0\.0*/, "").replace(".", "").length).toBeLessThanOrEqual(5);
      expect(full.length).toBeGreaterThanOrEqual(text.length);
    }
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

  it("shows the run's language-model exchanges: role, round, tokens, latency, proposals and their fate", async () => {
    const store = RunStore.memory();
    const explain = candidateExplainer(["a*x + b", "a*x^2 + b"]);
    const r = await discover(
      { world: { name: "parabola" }, seed: 2, rounds: 3, batch: 5, initialCount: 6, patience: 2 },
      { store, explain, openWorld: async (_s, o) => parabolaWorld(o.seed, o.queryOffset ?? 0), runId: "llm" },
    );
    const dir = mkdtempSync(join(tmpdir(), "wb-report-"));
    // Without exchanges there is no such section.
    expect(readFileSync(writeReport(store, "llm", dir).html, "utf8")).not.toContain("Language-model exchanges");

    const adoptedIn = r.rounds.find((x) => x.break)!.round;
    const base = { request: {}, profile: "p", baseUrl: "http://x/v1", model: "m", attempt: 1, cached: false, at: "" };
    // Journal the exchanges as src/llm records them (token counts with their total).
    const ex = store.exchanges<Exchange>("llm");
    ex.put({ ...base, key: "k0", role: "explainer", round: adoptedIn, response: null, error: "rate limited (429)", tokens: { prompt: 0, completion: 0, total: 0 }, latencyMs: 12 });
    ex.put({
      ...base,
      key: "k1",
      role: "explainer",
      round: adoptedIn,
      response: JSON.stringify({ candidates: [{ law: "y = k*x^2 + c", derived: [], rationale: "parabola" }, { law: "q*x^7", derived: [], rationale: "?" }, { law: "x +* 2", derived: [], rationale: "" }] }),
      verdict: "ok",
      tokens: { prompt: 300, completion: 40, total: 340 },
      latencyMs: 850,
    });
    ex.put({ ...base, key: "k2", role: "critic", round: adoptedIn, response: JSON.stringify({ unitsConsistent: true, physicallyPlausible: false, issues: ["x^7 is implausible"] }), verdict: "ok", tokens: { prompt: 100, completion: 10, total: 110 }, latencyMs: 0, cached: true });
    ex.put({ ...base, key: "k3", role: "breaker", round: 1, response: JSON.stringify({ experiments: [{ inputs: { x: 9.5 }, hypothesis: "far out the line fails" }] }), verdict: "ok", tokens: { prompt: 200, completion: 20, total: 220 }, latencyMs: 400 });
    const html = readFileSync(writeReport(store, "llm", dir).html, "utf8");
    const section = html.slice(html.indexOf("<h2>Language-model exchanges</h2>"));
    expect(section.length).toBeGreaterThan(100);
    // Per-role totals: explainer 2 requests (1 failed), 380 tokens in all, mean latency of answered network attempts.
    expect(section).toMatch(/<tr><td class="l">explainer<\/td><td>2<\/td><td>0<\/td><td>1<\/td><td>0<\/td><td>1<\/td><td>340<\/td><td>850<\/td><\/tr>/);
    expect(section).toMatch(/<tr><td class="l">all<\/td><td>3<\/td><td>1<\/td><td>3<\/td><td>0<\/td><td>1<\/td><td>670<\/td>/);
    expect(section).toContain("no answer: rate limited (429)");
    expect(section).toMatch(/<b>adopted<\/b> \(−[\d.]+ bits\)/);
    expect(section).toContain("not adopted");
    expect(section).toMatch(/unusable \(does not parse/);
    expect(section).toContain("refused: x^7 is implausible");
    expect(section).toContain("cached");
    expect(section).toMatch(/x=9\.5 — <i>far out the line fails<\/i>/);
  });
});

