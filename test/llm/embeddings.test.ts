import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmError } from "../../src/llm/failures.js";
import { Embedder, cosine } from "../../src/llm/embeddings.js";
import { loadLlmProfile, type LlmProfile } from "../../src/llm/profiles.js";
import { reply, startFakeOpenAI, trigramEmbedding, type FakeOpenAI } from "../helpers/fake-openai.js";

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ embeddingDim: 64 });
});
afterAll(async () => {
  await server.close();
});

function profileFrom(extra: Record<string, unknown>): LlmProfile {
  const cwd = mkdtempSync(join(tmpdir(), "wb-embed-"));
  writeFileSync(join(cwd, "worldbreaker.llm.json"), JSON.stringify({ profiles: { e: { baseUrl: server.url, model: "chat", embeddingModel: "emb", backoffMs: 0, maxBackoffMs: 0, ...extra } } }));
  return loadLlmProfile("e", { cwd, env: {} });
}

describe("embeddings through the OpenAI-compatible /embeddings endpoint", () => {
  it("embeds in batches, keeps the order, and returns unit vectors that put spelling variants close", async () => {
    const before = server.embeddingRequests().length;
    const e = new Embedder(profileFrom({ embeddingBatch: 2 }));
    const texts = ["silk fibre", "silk fiber", "melody", "harmonic progression", "quasar"];
    const v = await e.embed(texts);
    expect(v).toHaveLength(5);
    const sent = server.embeddingRequests().slice(before);
    expect(sent.map((r) => r.body.input)).toEqual([["silk fibre", "silk fiber"], ["melody", "harmonic progression"], ["quasar"]]);
    expect(sent.every((r) => r.body.model === "emb")).toBe(true);
    for (const [i, t] of texts.entries()) expect(Array.from(v[i])).toEqual(Array.from(new Float32Array(trigramEmbedding(t, 64))));
    expect(cosine(v[0], v[1])).toBeGreaterThan(0.6);
    expect(cosine(v[0], v[2])).toBeLessThan(0.3);
    expect(e.stats()).toMatchObject({ requests: 3, texts: 5 });
    expect(e.stats().tokens).toBeGreaterThan(0);
  });

  it("retries 429 and 5xx and unreadable replies, then succeeds", async () => {
    const log: string[] = [];
    const e = new Embedder(profileFrom({ retries: 3 }), { log: (l) => log.push(l) });
    server.enqueueEmbeddings(reply.status(503), reply.status(429), reply.garbage());
    const [v] = await e.embed(["melody"]);
    expect(cosine(v, new Float32Array(trigramEmbedding("melody", 64)))).toBeCloseTo(1, 5);
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/^embeddings: server error 503.*retry 1\/3/);
    expect(log[1]).toMatch(/rate limited \(429\); retry 2\/3/);
    expect(e.stats().requests).toBe(4);
  });

  it("fails with one clear line when the server refuses, answers no embeddings, or the budget is spent", async () => {
    server.enqueueEmbeddings(reply.status(404));
    await expect(new Embedder(profileFrom({})).embed(["x"])).rejects.toThrow(/^embeddings request to http:\/\/127\.0\.0\.1:\d+\/v1 \(model emb\) failed: not found \(404\)/);
    server.enqueueEmbeddings(reply.json({ not: "embeddings" }), reply.json({ not: "embeddings" }));
    const err = await new Embedder(profileFrom({ retries: 1 })).embed(["x"]).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as Error).message).toMatch(/failed after 2 attempts: the server's reply is not 1 embeddings/);
    await expect(new Embedder(profileFrom({ budgetTokens: 3 })).embed(["a rather long concept name to embed"])).rejects.toThrow(/token budget of 3 tokens is spent/);
    const noModel = loadLlmProfile("default", { cwd: mkdtempSync(join(tmpdir(), "wb-embed-")), env: { WORLDBREAKER_LLM_BASE_URL: server.url } });
    expect(() => new Embedder(noModel)).toThrow(/has no embeddings model: set embeddingModel/);
  });

  it("validates the profile fields and reads the model from the environment for the default profile", () => {
    const cwd = mkdtempSync(join(tmpdir(), "wb-embed-"));
    writeFileSync(join(cwd, "worldbreaker.llm.json"), JSON.stringify({ profiles: { e: { baseUrl: server.url, model: "m", embeddingModel: "" } } }));
    expect(() => loadLlmProfile("e", { cwd, env: {} })).toThrow(/worldbreaker\.llm\.json: profiles\.e\.embeddingModel: /);
    writeFileSync(join(cwd, "worldbreaker.llm.json"), JSON.stringify({ profiles: { e: { baseUrl: server.url, model: "m", embeddingBatch: 0 } } }));
    expect(() => loadLlmProfile("e", { cwd, env: {} })).toThrow(/profiles\.e\.embeddingBatch: /);
    const p = loadLlmProfile("default", { cwd: mkdtempSync(join(tmpdir(), "wb-embed-")), env: { WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_EMBEDDINGS_MODEL: "nomic-embed" } });
    expect(p).toMatchObject({ embeddingModel: "nomic-embed", embeddingBatch: 64 });
  });
});
