import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listProfiles, loadLlmProfile, roleSettings } from "../../src/llm/profiles.js";
import { LlmError } from "../../src/llm/failures.js";

function dirWith(config?: unknown, name = "worldbreaker.llm.json"): string {
  const dir = mkdtempSync(join(tmpdir(), "wb-llm-"));
  if (config !== undefined) writeFileSync(join(dir, name), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

const fileConfig = {
  profiles: {
    local: {
      baseUrl: "http://localhost:1234/v1/",
      model: "default",
      concurrency: 16,
      budgetTokens: 50000,
      roles: { explainer: { adapter: "physics", temperature: 0.7 }, critic: { model: "big" } },
    },
    cloud: { baseUrl: "https://api.example.com/v1", model: "gpt-x", apiKeyEnv: "EXAMPLE_KEY" },
  },
};

describe("LLM profiles", () => {
  it("builds the default profile wholly from the environment", () => {
    const p = loadLlmProfile("default", {
      cwd: dirWith(),
      env: { WORLDBREAKER_LLM_BASE_URL: "http://gpu:1234/v1", WORLDBREAKER_LLM_MODEL: "qwen", WORLDBREAKER_LLM_API_KEY: "k" },
    });
    expect(p).toMatchObject({ name: "default", baseUrl: "http://gpu:1234/v1", model: "qwen", apiKey: "k", source: "environment", concurrency: 8 });
    expect(loadLlmProfile("default", { cwd: dirWith(), env: { WORLDBREAKER_LLM_BASE_URL: "http://gpu:1234/v1" } }).model).toBe("default");
  });

  it("reads profiles and per-role settings from worldbreaker.llm.json in cwd", () => {
    const cwd = dirWith(fileConfig);
    const p = loadLlmProfile("local", { cwd, env: {} });
    expect(p.baseUrl).toBe("http://localhost:1234/v1");
    expect(p.concurrency).toBe(16);
    expect(p.budgetTokens).toBe(50000);
    expect(roleSettings(p, "explainer")).toEqual({ model: "default", adapter: "physics", temperature: 0.7, maxTokens: 1024 });
    expect(roleSettings(p, "critic")).toMatchObject({ model: "big", adapter: undefined, temperature: 0.2 });
    expect(listProfiles({ cwd, env: { WORLDBREAKER_LLM_BASE_URL: "http://x/v1" } })).toEqual(["cloud", "default", "local"]);
  });

  it("takes the API key from the variable the profile names, and says when it is missing", () => {
    const cwd = dirWith(fileConfig);
    expect(loadLlmProfile("cloud", { cwd, env: { EXAMPLE_KEY: "sk-1" } }).apiKey).toBe("sk-1");
    expect(() => loadLlmProfile("cloud", { cwd, env: {} })).toThrow(/EXAMPLE_KEY \(apiKeyEnv\) is not set/);
  });

  it("finds the file through WORLDBREAKER_LLM_CONFIG or an explicit path", () => {
    const dir = dirWith(fileConfig, "other.json");
    expect(loadLlmProfile("local", { cwd: dirWith(), env: { WORLDBREAKER_LLM_CONFIG: join(dir, "other.json") } }).model).toBe("default");
    expect(loadLlmProfile("local", { cwd: dir, env: {}, configPath: "other.json" }).concurrency).toBe(16);
    expect(() => loadLlmProfile("local", { cwd: dir, env: {}, configPath: "missing.json" })).toThrow(/LLM config file not found: .*missing\.json/);
  });

  it("lets the environment override the file's default profile", () => {
    const cwd = dirWith({ profiles: { default: { baseUrl: "http://a/v1", model: "m", concurrency: 2 } } });
    const p = loadLlmProfile("default", { cwd, env: { WORLDBREAKER_LLM_BASE_URL: "http://b/v1" } });
    expect(p).toMatchObject({ baseUrl: "http://b/v1", model: "m", concurrency: 2 });
    expect(p.source).toMatch(/\+ environment$/);
  });

  it("names the file and field of a bad config", () => {
    const bad = (c: unknown) => () => loadLlmProfile("local", { cwd: dirWith(c), env: {} });
    expect(bad({ profiles: { local: { baseUrl: "http://x/v1", model: "m", temperature: 5 } } })).toThrow(/worldbreaker\.llm\.json: profiles\.local\.temperature: Too big/);
    expect(bad({ profiles: { local: { baseUrl: "localhost:1234", model: "m" } } })).toThrow(/profiles\.local\.baseUrl: expected an http\(s\) URL/);
    expect(bad({ profiles: { local: { baseUrl: "http://x/v1", model: "m", concurency: 3 } } })).toThrow(/profiles\.local: Unrecognized key: "concurency"/);
    expect(bad({ profiles: { local: { baseUrl: "http://x/v1", model: "m", roles: { explainer: { adaptor: "a" } } } } })).toThrow(/profiles\.local\.roles\.explainer/);
    expect(bad("{ not json")).toThrow(/worldbreaker\.llm\.json: not valid JSON/);
    expect(bad(fileConfig)).not.toThrow();
    expect(() => loadLlmProfile("default", { cwd: dirWith(), env: { WORLDBREAKER_LLM_BASE_URL: "gpu:1234" } })).toThrow(/^WORLDBREAKER_LLM_BASE_URL: expected an http/);
  });

  it("explains an unknown profile", () => {
    expect(() => loadLlmProfile("nope", { cwd: dirWith(fileConfig), env: {} })).toThrow(/unknown LLM profile 'nope'; known profiles: local, cloud/);
    expect(() => loadLlmProfile("default", { cwd: dirWith(), env: {} })).toThrow(/set WORLDBREAKER_LLM_BASE_URL/);
    try {
      loadLlmProfile("x", { cwd: dirWith(), env: {} });
    } catch (err) {
      expect(err).toBeInstanceOf(LlmError);
    }
  });
});
