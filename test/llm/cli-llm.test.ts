/**
 * The language-model options through the command line, in-process, against a scripted fake server:
 * `discover --llm p --llm-config f` (notices on stderr, exchanges journaled under the run, shown in the
 * report), a replay miss that stops the run with one line and exit 2, and `explain --llm`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/store.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { runCli } from "../helpers/cli.js";

const DATASET = "data/breaking-the-world/tensile_cyclic.json";
const USEFUL = {
  law: "E*strain + H*strain_max + s0",
  derived: [{ name: "strain_max", definition: "cummax(strain)" }],
  rationale: "plastic strain grows with the largest strain reached so far",
};

let server: FakeOpenAI;
let dir: string;
beforeEach(async () => {
  server = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), "wb-llm-cli-"));
});
afterEach(async () => {
  await server.close();
});

function writeConfig(url: string): string {
  const file = join(dir, "profiles.json");
  writeFileSync(file, JSON.stringify({ profiles: { lab: { baseUrl: url, model: "fake-model", retries: 2, backoffMs: 1, maxBackoffMs: 5 } } }));
  return file;
}

const discoverArgs = (store: string, extra: string[] = []) => ["discover", DATASET, "--rounds", "3", "--patience", "3", "--seed", "5", "--time", "0.3", "--threads", "1", "--store", store, "--json", ...extra];

describe("language models on the command line", () => {
  it("discover --llm --llm-config: retry notices on stderr, exchanges under the run id, a report section", async () => {
    let first = true;
    server.setHandler((req) => {
      if (first) {
        first = false;
        return reply.status(429);
      }
      if (req.schemaName === "explainer_candidates") return reply.json({ candidates: [USEFUL] });
      if (req.schemaName === "critic_verdict") return reply.json({ unitsConsistent: true, physicallyPlausible: true, issues: [] });
      return undefined;
    });
    const store = join(dir, "runs");
    const out = join(dir, "report");
    const r = await runCli([...discoverArgs(store, ["--out", out]), "--llm", "lab", "--llm-config", writeConfig(server.url)], { cwd: process.cwd() });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/llm: \w+: rate limited \(429\); retry 1\/2/);
    const result = JSON.parse(r.stdout) as { runId: string; finalLaw: string };

    const journal = RunStore.open(store);
    try {
      const exchanges = journal.exchanges(null).list(result.runId);
      expect(exchanges.length).toBe(server.chatRequests().length);
      expect(exchanges.every((e) => (e.round ?? 0) >= 1)).toBe(true);
    } finally {
      journal.close();
    }
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("Language-model exchanges");
    expect(html).toContain("E*strain + H*strain_max + s0");
    expect(html).toMatch(/no answer: rate limited \(429\)/);
    expect(html).toMatch(/<td class="l">critic<\/td>/);
    // The proposal's fate is stated: adopted by the gate, or not.
    expect(html).toMatch(/adopted|not adopted|already the current law/);
  }, 60_000);

  it("a replay that asks what its journal lacks stops with one line, exit 2, and keeps the journal", async () => {
    const store = join(dir, "runs");
    const url = server.url;
    await server.close();
    const r = await runCli([...discoverArgs(store), "--llm", "default"], { cwd: process.cwd(), env: { WORLDBREAKER_LLM_BASE_URL: url, WORLDBREAKER_LLM_MODE: "replay" } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("worldbreaker:"));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^worldbreaker: replay: the journal holds no answer for an explainer request in round 1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const journal = RunStore.open(store);
    try {
      const [run] = journal.listRuns();
      expect(run.status).toBe("failed");
      expect(journal.rounds(run.id)).toHaveLength(1);
      expect(journal.observations(run.id).length).toBeGreaterThan(0);
    } finally {
      journal.close();
    }
    server = await startFakeOpenAI();
  }, 60_000);

  it("explain --llm seeds the search with the model's parsed laws; without --llm no request is made", async () => {
    const csv = join(dir, "fall.csv");
    const rows = ["t,h"];
    for (let i = 1; i <= 30; i++) rows.push(`${i / 10},${(4.905 * (i / 10) ** 2).toFixed(6)}`);
    writeFileSync(csv, rows.join("\n") + "\n");
    server.enqueue(reply.json({ candidates: [{ law: "h = g2*t^2", derived: [], rationale: "free fall from rest" }, { law: "t +* 2", derived: [], rationale: "garbage" }] }));
    const args = ["explain", csv, "--target", "h", "--evaluations", "200", "--threads", "1", "--json"];
    const r = await runCli([...args, "--llm", "lab", "--llm-config", writeConfig(server.url)], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/llm: 1 candidate law from profile 'lab' seed the search \(\d+ tokens\): g2\*t\^2/);
    const prompt = server.chatRequests()[0].body.messages[1].content as string;
    expect(prompt).toMatch(/t/);
    const out = JSON.parse(r.stdout) as { law: string; r2: number };
    expect(out.r2).toBeGreaterThan(0.999999);

    const before = server.chatRequests().length;
    const plain = await runCli(args, { cwd: dir });
    expect(plain.code).toBe(0);
    expect(server.chatRequests().length).toBe(before);
    expect(plain.stderr).not.toMatch(/llm:/);
    const bad = await runCli([...args, "--llm-config", "x.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--llm-config needs --llm/);
  }, 60_000);
});
