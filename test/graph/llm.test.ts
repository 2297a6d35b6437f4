import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeKey } from "../../src/graph/concept-graph.js";
import { GraphStore } from "../../src/graph/store.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { runCli } from "../helpers/cli.js";

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});

const env = () => ({ WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_LLM_MODEL: "fake-model" });

describe("graph commands with a language model (fake OpenAI-compatible server)", () => {
  it("extracts concepts and relations with a JSON schema, keeping document sentences as provenance", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-llm-"));
    writeFileSync(join(dir, "silk.md"), "# Silk\n\nSpider silk contains beta-sheet nanocrystals. The nanocrystals reinforce the amorphous matrix.\n");
    server.setHandler((req) => {
      if (req.schemaName !== "knowledge_graph") return undefined;
      return reply.json({
        concepts: [
          { name: "Spider silk", type: "Material", description: "A protein fiber spun by spiders." },
          { name: "beta-sheet nanocrystals", type: "structure", description: "Stiff crystalline domains." },
          { name: "amorphous matrix", type: "structure", description: "The disordered phase." },
        ],
        relations: [
          { source: "Spider silk", relation: "contain", target: "beta-sheet nanocrystals", sentence: "Spider silk contains beta-sheet nanocrystals." },
          { source: "beta-sheet nanocrystals", relation: "Reinforce", target: "amorphous matrix", sentence: "The nanocrystals reinforce the amorphous matrix." },
        ],
      });
    });
    const r = await runCli(["graph", "build", "silk.md", "--llm", "default", "--out", "g.json"], { cwd: dir, env: env() });
    server.setHandler(undefined);
    expect(r.code, r.stderr).toBe(0);
    const req = server.chatRequests().at(-1)!;
    expect(req.body.response_format.type).toBe("json_schema");
    expect(req.lastMessage).toContain("The nanocrystals reinforce the amorphous matrix.");
    const store = new GraphStore(join(dir, ".wb-runs/worldbreaker.sqlite"));
    const g = store.load("g")!;
    store.close();
    expect(g.getNodeAttributes("spider silk")).toMatchObject({ type: "material", description: "A protein fiber spun by spiders." });
    const e = edgeKey("beta-sheet nanocrystal", "reinforce", "amorphous matrix");
    expect(g.getEdgeAttributes(e)).toMatchObject({ relationClass: "increases", kind: "relation" });
    expect(g.getEdgeAttribute(e, "provenance")[0]).toEqual({ file: "silk.md", sentence: 2, text: "The nanocrystals reinforce the amorphous matrix." });
    // every exchange is journaled beside the store
    expect(readFileSync(join(dir, ".wb-runs/graph-llm.jsonl"), "utf8").trim().split("\n").length).toBeGreaterThanOrEqual(1);
  });

  it("skips a chunk the model cannot answer, with a warning, and keeps the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-llm2-"));
    writeFileSync(join(dir, "a.txt"), "Silk is strong.");
    server.enqueue(reply.text("not json at all"), reply.text("still not json"));
    const r = await runCli(["graph", "build", "a.txt", "--llm", "default", "--json"], { cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/a\.txt: sentences 1–1 skipped/);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: ["a.txt"], nodes: 0 });
  });

  it("stops asking when the token budget is spent, keeping the graph consistent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-llm3-"));
    writeFileSync(join(dir, "a.txt"), "Silk is strong. Steel is stiff.");
    const before = server.chatRequests().length;
    const r = await runCli(["graph", "build", "a.txt", "--llm", "default", "--budget", "10", "--json"], { cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(server.chatRequests().length).toBe(before);
    expect(r.stderr).toMatch(/skipped \(no usable answer: token budget of 10 tokens/);
  });

  it("hypothesize runs ontologist → scientist → critic and hands a falsification plan to discover", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-hyp-"));
    const corpus = resolve("test/fixtures/graph/corpus");
    expect((await runCli(["graph", "build", corpus, "--out", "both.json"], { cwd: dir })).code).toBe(0);

    const noLlm = await runCli(["graph", "hypothesize", "both.json", "silk", "melody"], { cwd: dir });
    expect(noLlm.code).toBe(2);
    expect(noLlm.stderr).toContain("a language model is needed");

    const hypothesis = (law: string) => ({
      title: "Hierarchical damping in silk and music",
      claim: "Nanocrystal size controls how tension is released, as harmonic rhythm controls musical tension.",
      mechanism: "Small crystals fail gradually and dissipate energy.",
      expectedOutcome: "Toughness peaks at an intermediate nanocrystal size.",
      novelty: "Links crystal size to a release schedule.",
      falsification: {
        world: "nanocrystal pull-out simulation",
        description: "Coarse-grained pulling of a silk fibril with varied crystal size.",
        inputs: [{ name: "size", min: 1, max: 10, unit: "nm" }, { name: "rate", min: 0.1, max: 10, unit: "1/s" }],
        observable: { name: "toughness", unit: "MJ/m^3" },
        law,
        prediction: "toughness rises then falls with size",
        refutedIf: "toughness is monotone in size",
      },
    });
    server.enqueue(
      reply.json({ definitions: [{ concept: "silk", definition: "A protein fiber." }], relations: [{ source: "silk", relation: "has", target: "toughness", explanation: "Silk is tough." }] }),
      reply.json(hypothesis("a * size * exp(-size / ((")),
      reply.json(hypothesis("a * size * exp(-size / s0) + b * log(rate)")),
      reply.json({ strengths: ["quantitative"], weaknesses: ["one material"], decisiveExperiment: "Vary crystal size at fixed rate.", verdict: "promising", score: 7 }),
    );
    const before = server.chatRequests().length;
    const r = await runCli(["graph", "hypothesize", "both.json", "silk", "melody", "--llm", "default", "--seed", "4", "--json"], { cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    const reqs = server.chatRequests().slice(before);
    expect(reqs.map((q) => q.schemaName)).toEqual(["ontology", "hypothesis", "hypothesis", "hypothesis_review"]);
    expect(reqs[2].lastMessage).toMatch(/law does not parse/);
    const out = JSON.parse(r.stdout);
    expect(out.pathText).toMatch(/^silk .* melody$/);
    expect(out.hypothesis.falsification.law).toBe("a * size * exp(-size / s0) + b * log(rate)");
    expect(out.critique).toMatchObject({ verdict: "promising", score: 7 });
    expect(out.handoff.describe).toEqual({
      name: "nanocrystal-pull-out-simulation",
      description: expect.stringContaining("Hierarchical damping"),
      inputs: [{ name: "size", min: 1, max: 10, unit: "nm", kind: "real" }, { name: "rate", min: 0.1, max: 10, unit: "1/s", kind: "real" }],
      output: { name: "toughness", unit: "MJ/m^3" },
      receivedTheory: "a * size * exp(-size / s0) + b * log(rate)",
    });
    expect(out.handoff.commands[0]).toMatch(/^worldbreaker discover --external /);

    // Markdown by default; a rerun is answered from the journal without new requests
    const md = await runCli(["graph", "hypothesize", "both.json", "silk", "melody", "--llm", "default", "--seed", "4", "--out", "h.md"], { cwd: dir, env: env() });
    expect(md.code, md.stderr).toBe(0);
    expect(server.chatRequests().length).toBe(before + 4);
    expect(md.stdout).toMatch(/^# Hierarchical damping in silk and music\n/);
    expect(md.stdout).toContain("- Refuted if: toughness is monotone in size");
    expect(md.stdout).toContain("Verdict: **promising** (score 7/10)");
    expect(existsSync(join(dir, "h.md"))).toBe(true);
  });
});
