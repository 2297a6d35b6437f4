import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addExtraction, emptyGraph } from "../../src/graph/concept-graph.js";
import { clearMemoryEmbeddings } from "../../src/graph/embedding-cache.js";
import { extractOffline } from "../../src/graph/extract-offline.js";
import { writeGraphFile } from "../../src/graph/graph-files.js";
import { runCli } from "../helpers/cli.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

const CORPUS = "test/fixtures/graph/corpus";
const g = emptyGraph("both");
for (const d of ["music", "silk"]) for (const f of readdirSync(join(CORPUS, d)).sort()) addExtraction(g, extractOffline(`${d}/${f}`, readFileSync(join(CORPUS, d, f), "utf8")));

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});

function graphDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wb-graph-embed-"));
  writeGraphFile(g, "g.json", dir);
  return dir;
}
const withEmbeddings = () => ({ WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_LLM_MODEL: "fake-model", WORLDBREAKER_EMBEDDINGS_MODEL: "fake-embed" });
const withoutEmbeddings = () => ({ WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_LLM_MODEL: "fake-model" });

describe("graph path: concept matching by embeddings (fake OpenAI-compatible server)", () => {
  it("matches misspelt concepts by embeddings, says so on stderr, and caches node embeddings in memory and on disk", async () => {
    clearMemoryEmbeddings();
    const dir = graphDir();
    const before = server.embeddingRequests().length;
    const r = await runCli(["graph", "path", "g.json", "persistance lenght", "melodie", "--llm", "default", "--seed", "2", "--json"], { cwd: dir, env: withEmbeddings() });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.nodes[0]).toBe("persistence length");
    expect(out.nodes.at(-1)).toBe("melody");
    expect(out.matches.from).toMatchObject({ query: "persistance lenght", key: "persistence length", how: "embedding" });
    expect(out.matches.from.score).toBeCloseTo(0.667, 2);
    expect(out.matches.to).toMatchObject({ key: "melody", how: "embedding" });
    expect(r.stderr).toMatch(/'persistance lenght' matched 'persistence length' by embeddings \(similarity 0\.667; next: '[^']+' 0\.\d{3}\)/);
    expect(r.stderr).toMatch(/'melodie' matched 'melody' by embeddings \(similarity 0\.617/);
    // 193 node labels in batches of 64 (4 requests, once), plus one request per query.
    const sent = server.embeddingRequests().slice(before);
    expect(sent).toHaveLength(6);
    expect(sent.every((q) => q.body.model === "fake-embed" && Array.isArray(q.body.input))).toBe(true);
    expect(sent.map((q) => q.body.input.length).sort((a: number, b: number) => a - b)).toEqual([1, 1, 1, 64, 64, 64]);
    const files = readdirSync(join(dir, ".wb-runs/embeddings"));
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, ".wb-runs/embeddings", files[0]), "utf8"))).toMatchObject({ model: "fake-embed", dim: 256 });

    // Same graph again: node vectors from memory; after forgetting memory: from the disk cache.
    const again = await runCli(["graph", "path", "g.json", "persistance lenght", "melodie", "--llm", "default", "--seed", "2", "--json"], { cwd: dir, env: withEmbeddings() });
    expect(again.stdout).toBe(r.stdout);
    clearMemoryEmbeddings();
    const fromDisk = await runCli(["graph", "path", "g.json", "persistance lenght", "melodie", "--embeddings", "default", "--seed", "2", "--json"], { cwd: dir, env: withEmbeddings() });
    expect(fromDisk.stdout).toBe(r.stdout);
    expect(server.embeddingRequests().length - before).toBe(6 + 2 + 2);

    // A corrupt cache file is recomputed, not trusted.
    writeFileSync(join(dir, ".wb-runs/embeddings", files[0]), "{ truncated");
    clearMemoryEmbeddings();
    const healed = await runCli(["graph", "path", "g.json", "persistance lenght", "melodie", "--llm", "default", "--seed", "2", "--json"], { cwd: dir, env: withEmbeddings() });
    expect(healed.stdout).toBe(r.stdout);
    expect(server.embeddingRequests().length - before).toBe(10 + 6);
  });

  it("refuses a match below the similarity threshold with a clear error, and accepts it when the threshold is lowered", async () => {
    const dir = graphDir();
    const r = await runCli(["graph", "path", "g.json", "quasar", "melody", "--llm", "default"], { cwd: dir, env: withEmbeddings() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "worldbreaker: no concept matching 'quasar' in graph 'both': the nearest by embeddings is 'stiffness' at similarity 0.272, below the threshold 0.5 (lower it with --min-similarity, or name the concept differently)",
    ]);
    const low = await runCli(["graph", "path", "g.json", "quasar", "melody", "--llm", "default", "--min-similarity", "0.25"], { cwd: dir, env: withEmbeddings() });
    expect(low.code, low.stderr).toBe(0);
    expect(low.stdout).toMatch(/^stiffness .* melody\n$/);
    const bad = await runCli(["graph", "path", "g.json", "quasar", "melody", "--llm", "default", "--min-similarity", "2"], { cwd: dir, env: withEmbeddings() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("min-similarity");
  });

  it("graph hypothesize matches its concepts by embeddings too when the profile has an embeddings model", async () => {
    const dir = graphDir();
    server.setHandler((req) => {
      if (req.schemaName === "ontology") return reply.json({ definitions: [{ concept: "persistence length", definition: "Stiffness length of a chain." }], relations: [] });
      if (req.schemaName === "hypothesis")
        return reply.json({
          title: "Chain stiffness and melodic line",
          claim: "Longer persistence gives smoother lines.",
          mechanism: "Stiff chains bend little.",
          expectedOutcome: "Smoothness rises with persistence length.",
          novelty: "Cross-domain.",
          falsification: { world: "chain bending simulation", description: "Bend chains.", inputs: [{ name: "lp", min: 1, max: 10 }], observable: { name: "smoothness" }, prediction: "rises", refutedIf: "flat" },
        });
      if (req.schemaName === "hypothesis_review") return reply.json({ strengths: ["simple"], weaknesses: ["vague"], decisiveExperiment: "Vary lp.", verdict: "weak", score: 3 });
      return undefined;
    });
    const r = await runCli(["graph", "hypothesize", "g.json", "persistance lenght", "melodie", "--llm", "default", "--json"], { cwd: dir, env: withEmbeddings() });
    server.setHandler(undefined);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("graph hypothesize: 'persistance lenght' matched 'persistence length' by embeddings");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ from: "persistence length", to: "melody" });
    expect(out.pathText).toMatch(/^persistence length .* melody$/);
    const low = await runCli(["graph", "hypothesize", "g.json", "quasar", "melody", "--llm", "default"], { cwd: dir, env: withEmbeddings() });
    expect(low.code).toBe(2);
    expect(low.stderr).toContain("below the threshold 0.5");
  });

  it("changes nothing without an embeddings endpoint, or when the name matches by lemma", async () => {
    const dir = graphDir();
    const before = server.embeddingRequests().length;
    const plain = await runCli(["graph", "path", "g.json", "silk", "tension", "--seed", "3"], { cwd: dir, env: {} });
    expect(plain.code, plain.stderr).toBe(0);
    // Lemma and key matches win even when embeddings are available: no request is made.
    const lemma = await runCli(["graph", "path", "g.json", "silk", "tension", "--seed", "3", "--llm", "default"], { cwd: dir, env: withEmbeddings() });
    expect(lemma.stdout).toBe(plain.stdout);
    expect(lemma.stderr).toBe("");
    // A profile without an embeddings model: a note, then the offline behaviour.
    const noModel = await runCli(["graph", "path", "g.json", "silk", "tension", "--seed", "3", "--llm", "default"], { cwd: dir, env: withoutEmbeddings() });
    expect(noModel.stdout).toBe(plain.stdout);
    expect(noModel.stderr).toContain("has no embeddingModel; matching concepts by name and lemma only");
    const miss = await runCli(["graph", "path", "g.json", "persistance lenght", "melody", "--llm", "default"], { cwd: dir, env: withoutEmbeddings() });
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain("no concept matching 'persistance lenght' in graph 'both' (try one of: ");
    const offline = await runCli(["graph", "path", "g.json", "persistance lenght", "melody"], { cwd: dir, env: {} });
    expect(offline.stderr).toBe(miss.stderr.split("\n").filter((l) => l.startsWith("worldbreaker:")).join("\n") + "\n");
    // --embeddings insists on a model.
    const insist = await runCli(["graph", "path", "g.json", "silk", "tension", "--embeddings", "default"], { cwd: dir, env: withoutEmbeddings() });
    expect(insist.code).toBe(2);
    expect(insist.stderr).toContain("LLM profile 'default' has no embeddings model");
    expect(server.embeddingRequests().length).toBe(before);
    expect(existsSync(join(dir, ".wb-runs/embeddings"))).toBe(false);
  });
});
