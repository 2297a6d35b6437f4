import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { reply, startFakeOpenAI, type FakeOpenAI, type FakeReply, type RecordedRequest } from "../helpers/fake-openai.js";

let server: FakeOpenAI;
beforeEach(async () => {
  server = await startFakeOpenAI({ models: ["qwen3-4b", "default"] });
});
afterEach(async () => {
  await server.close();
});

/** A capable model: right answers to every probe. */
function capable(req: RecordedRequest): FakeReply | undefined {
  switch (req.schemaName) {
    case "probe_arithmetic":
      return reply.json({ sum: 42, timeUnit: "s" }, { usage: { prompt_tokens: 40, completion_tokens: 12 }, delayMs: 20 });
    case "explainer_candidates":
      return reply.json({ candidates: [{ law: "a*x^2", derived: [], rationale: "area grows with the square of length" }] });
    case "breaker_experiments":
      return reply.json({ experiments: [{ inputs: { x: 9.5 }, hypothesis: "curvature is largest at the edge" }] });
    case "critic_verdict":
      return reply.json({ unitsConsistent: false, physicallyPlausible: false, issues: ["exp of a length is not dimensionless"] });
  }
  return undefined;
}

const env = () => ({ WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_LLM_MODEL: "qwen3-4b" });

describe("worldbreaker llm check", () => {
  it("passes a capable model and reports models, latency and tokens/s", async () => {
    server.setHandler(capable);
    const r = await runCli(["llm", "check"], { env: env() });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ reachable/);
    expect(r.stdout).toMatch(/models offered: qwen3-4b, default/);
    expect(r.stdout).toMatch(/✓ explainer \(qwen3-4b\)/);
    expect(r.stdout).toMatch(/structured output: honoured — schema honoured, answer correct \[\d+ ms, [\d.]+ tokens\/s\]/);
    expect(r.stdout).toMatch(/proposed a law that fits y = 2\.5·x² \(a\*x\^2\)/);
    expect(r.stdout).toMatch(/✓ critic/);
    // Roles sharing one model share the structured-output probe.
    expect(server.chatRequests().filter((q) => q.schemaName === "probe_arithmetic")).toHaveLength(1);
  });

  it("says plainly that a model ignoring the schema is too weak, with --json", async () => {
    server.setHandler(() => reply.text("Sure! Here is my answer: forty-two."));
    const r = await runCli(["llm", "check", "--json"], { env: env() });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.reachable).toBe(true);
    expect(report.roles.map((x: { verdict: string }) => x.verdict)).toEqual(["too weak", "too weak", "too weak"]);
    expect(report.roles[0].structured.detail).toMatch(/answer broke the schema: Sure! Here is my answer/);
    expect(report.roles[0].advice).toMatch(/does not follow a JSON schema/);
  });

  it("flags a role whose model answers in shape but fails its task", async () => {
    server.setHandler((req) =>
      req.schemaName === "explainer_candidates" ? reply.json({ candidates: [{ law: "a*x", derived: [], rationale: "linear" }] }) : capable(req),
    );
    const r = await runCli(["llm", "check"], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ explainer \(qwen3-4b\): too weak for this role/);
    expect(r.stdout).toMatch(/none fits y = 2\.5·x² \(a\*x\)/);
    expect(r.stdout).toMatch(/✓ breaker/);
  });

  it("gives up on a hanging server after --timeout", async () => {
    server.setHandler(() => reply.hang());
    const r = await runCli(["llm", "check", "--timeout", "0.2", "--json"], { env: env() });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.roles[0].structured.detail).toMatch(/no answer: request timed out/);
    expect((await runCli(["llm", "check", "--timeout", "soon"], { env: env() })).stderr).toMatch(/--timeout must be a number, got 'soon'/);
  });

  it("reports an unreachable server without a stack trace", async () => {
    const url = server.url;
    await server.close();
    const r = await runCli(["llm", "check"], { env: { WORLDBREAKER_LLM_BASE_URL: url } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ cannot reach the server: connection failed/);
    expect(r.stdout).toMatch(/mistralrs serve/);
    server = await startFakeOpenAI();
  });

  it("rejects unknown profiles and subcommands with one line", async () => {
    const r = await runCli(["llm", "check", "--profile", "nope"], { env: {}, cwd: "/" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^worldbreaker: unknown LLM profile 'nope'/);
    expect((await runCli(["llm", "frobnicate"], { env: {} })).stderr).toMatch(/unknown subcommand 'frobnicate'/);
    expect((await runCli(["help", "llm"])).stdout).toMatch(/^usage: worldbreaker llm check \[--profile <name>\]/);
    const p = await runCli(["llm", "profiles"], { env: env(), cwd: "/" });
    expect(p.stdout).toMatch(/^default\s+http:\/\/127\.0\.0\.1:\d+\/v1 {2}model qwen3-4b/);
  });
});
