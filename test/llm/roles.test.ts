import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentContext } from "../../src/discover/agents.js";
import type { WorldInfo } from "../../src/worlds/world.js";
import { createAgents, type LlmAgents } from "../../src/llm/index.js";
import { checkCandidates, cleanLaw } from "../../src/llm/roles/law-candidates.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

const tensile: WorldInfo = {
  name: "tensile-test",
  description: "cyclic tensile loading of a polymer specimen",
  shape: "simulator",
  inputs: [
    { name: "strain", min: 0, max: 0.2, kind: "real", description: "engineering strain" },
    { name: "cycles", min: 1, max: 10, kind: "integer", unit: "1" },
  ],
  output: { name: "stress", unit: "Pa", description: "engineering stress" },
  receivedTheory: "E*strain",
};

function context(world: WorldInfo = tensile): AgentContext {
  return {
    world,
    round: 3,
    law: "E*strain",
    bits: 812.4,
    r2: 0.91,
    residuals: "underpredicts on reloading after a larger earlier strain",
    sample: Array.from({ length: 50 }, (_, i) => ({ strain: i / 250, cycles: 1 + (i % 3), stress: i * 1.5 })),
  };
}

let server: FakeOpenAI;
let agents: LlmAgents;
let logs: string[];
beforeEach(async () => {
  server = await startFakeOpenAI();
  logs = [];
  agents = await createAgents("default", { env: { WORLDBREAKER_LLM_BASE_URL: server.url, WORLDBREAKER_LLM_MODEL: "fake-model" }, cwd: "/nonexistent", log: (l) => logs.push(l) });
});
afterEach(async () => {
  await server.close();
});

describe("law candidates", () => {
  it("cleans what models add around a law", () => {
    expect(cleanLaw("stress = E*strain.", "stress")).toBe("E*strain");
    expect(cleanLaw("`sigma(eps) = a \\cdot strain`", "stress")).toBe("a * strain");
    expect(cleanLaw("a*strain", "stress")).toBe("a*strain");
  });

  it("keeps parsed laws and derived variables and rejects garbage with reasons", () => {
    const { proposals, rejected } = checkCandidates(
      [
        { law: "E*strain*(strain/strain_max)^n", derived: [{ name: "strain_max", definition: "cummax(strain)" }, { name: "unused", definition: "cumsum(strain)" }], rationale: " damage " },
        { law: "E * strain * (strain / strain_max) ^ n", derived: [{ name: "strain_max", definition: "cummax(strain)" }], rationale: "duplicate modulo spaces" },
        { law: "require('fs').rmSync('/')", derived: [], rationale: "" },
        { law: "E*h", derived: [{ name: "h", definition: "exec(strain)" }], rationale: "" },
        { law: "3.5", derived: [], rationale: "" },
        { law: "a+b+c+d+e+f+g+h+i+j+k+strain", derived: [], rationale: "" },
      ],
      { inputs: ["strain", "cycles"], output: "stress" },
    );
    expect(proposals).toEqual([{ law: "E*strain*(strain/cummax_strain)^n", derived: { cummax_strain: "cummax(strain)" }, rationale: "damage" }]);
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/does not parse/),
      expect.stringMatching(/unknown function 'exec'/),
      "uses no input or derived variable",
      "more than 10 fitted constants",
    ]);
  });
});

describe("Explainer agent", () => {
  it("returns parsed candidates from a structured answer and logs rejections", async () => {
    server.enqueue(
      reply.json({
        candidates: [
          { law: "stress = E*strain*(strain/strain_max)^n", derived: [{ name: "strain_max", definition: "cummax(strain)" }], rationale: "reloading follows the damaged modulus" },
          { law: "E*strain +* 2", derived: [], rationale: "typo" },
        ],
      }),
    );
    const laws = await agents.explainer!.proposeLaws(context());
    expect(laws).toEqual([{ law: "E*strain*(strain/cummax_strain)^n", derived: { cummax_strain: "cummax(strain)" }, rationale: "reloading follows the damaged modulus" }]);
    expect(logs.some((l) => /explainer candidate rejected: E\*strain \+\* 2/.test(l))).toBe(true);
    const req = server.chatRequests()[0];
    expect(req.schemaName).toBe("explainer_candidates");
    const [system, user] = req.body.messages;
    expect(system.content).toMatch(/sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs min max/);
    expect(system.content).toMatch(/cummax, cummin, cumsum, lag or delta/);
    expect(user.content).toMatch(/- strain: 0 to 0\.2 — engineering strain/);
    expect(user.content).toMatch(/Observable: stress \[Pa\]/);
    expect(user.content).toMatch(/Current law: stress = E\*strain/);
    expect(user.content).toMatch(/underpredicts on reloading/);
    expect(user.content).toMatch(/every 2th of 50/);
  });

  it("asks for one repair when no candidate parses, naming the reasons", async () => {
    server.enqueue(
      reply.json({ candidates: [{ law: "import os", derived: [], rationale: "" }] }),
      reply.json({ candidates: [{ law: "a*strain^2", derived: [], rationale: "quadratic" }] }),
    );
    expect(await agents.explainer!.proposeLaws(context())).toEqual([{ law: "a*strain^2", rationale: "quadratic" }]);
    expect(server.chatRequests()[1].lastMessage).toMatch(/none of the candidate laws is usable:\n- import os: does not parse/);
  });

  it("knows derived columns the run already computes and keeps canonical names", async () => {
    const ctx = context();
    ctx.sample = ctx.sample.map((r) => ({ ...r, cummax_strain: r.strain as number }));
    server.enqueue(reply.json({ candidates: [{ law: "a*strain + b*cummax_strain", derived: [], rationale: "history" }] }));
    expect(await agents.explainer!.proposeLaws(ctx)).toEqual([{ law: "a*strain + b*cummax_strain", derived: { cummax_strain: "cummax(strain)" }, rationale: "history" }]);
    expect(server.chatRequests()[0].body.messages[1].content).toMatch(/already computed for every observation \(use them by name\): cummax_strain = cummax\(strain\)/);
  });

  it("returns no proposals (and no error) when the answers stay garbage", async () => {
    server.enqueue(reply.text("I think stress is proportional to strain."), reply.text("{\"candidates\": \"E*strain\"}"));
    expect(await agents.explainer!.proposeLaws(context())).toEqual([]);
    expect(agents.session.stats()).toMatchObject({ skipped: 1 });
  });
});

describe("Breaker agent", () => {
  it("clips proposals into the world's space, rounds integers and drops non-numbers", async () => {
    server.enqueue(
      reply.json({
        experiments: [
          { inputs: { strain: 0.5, cycles: 3.4 }, hypothesis: "beyond yield the linear law must fail" },
          { inputs: { strain: 0.1, cycles: 7 }, hypothesis: "fatigue after many cycles" },
          { inputs: { strain: 0.1, cycles: 7 }, hypothesis: "duplicate" },
        ],
      }),
    );
    const out = await agents.breaker!.proposeExperiments(context(), 3);
    expect(out).toEqual([
      { experiment: { strain: 0.2, cycles: 3 }, hypothesis: "beyond yield the linear law must fail" },
      { experiment: { strain: 0.1, cycles: 7 }, hypothesis: "fatigue after many cycles" },
    ]);
    const schema = server.chatRequests()[0].body.response_format.json_schema.schema;
    expect(schema.properties.experiments.items.properties.inputs.required).toEqual(["strain", "cycles"]);
    expect(schema.properties.experiments.maxItems).toBe(3);
    expect(logs.some((l) => /1 proposed experiment\(s\) clipped/.test(l))).toBe(true);
  });

  it("rejects answers that omit an input, then skips", async () => {
    server.enqueue(reply.json({ experiments: [{ inputs: { strain: 0.1 }, hypothesis: "h" }] }), reply.json({ experiments: [{ inputs: { cycles: 2 }, hypothesis: "h" }] }));
    expect(await agents.breaker!.proposeExperiments(context(), 2)).toEqual([]);
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("does not ask for staged worlds, whose stages the loop schedules", async () => {
    expect(await agents.breaker!.proposeExperiments(context({ ...tensile, shape: "staged" }), 4)).toEqual([]);
    expect(server.chatRequests()).toHaveLength(0);
  });
});

describe("Critic agent", () => {
  it("refuses a law that does not parse without asking the model", async () => {
    const v = await agents.critic!.review({ law: "E*strain)" }, context());
    expect(v.ok).toBe(false);
    expect(v.issues[0]).toMatch(/does not parse/);
    expect(server.chatRequests()).toHaveLength(0);
  });

  it("decides units itself when every unit is known, and asks the model only about plausibility", async () => {
    const world: WorldInfo = { ...tensile, inputs: [{ name: "strain", min: 0, max: 0.2, kind: "real", unit: "1" }, { name: "t", min: 0, max: 10, kind: "real", unit: "s" }] };
    const bad = await agents.critic!.review({ law: "E*strain + exp(t)" }, context(world));
    expect(bad).toEqual({ ok: false, issues: [expect.stringMatching(/^units: the argument of exp must be dimensionless/)] });
    expect(server.chatRequests()).toHaveLength(0);
    server.enqueue(reply.json({ unitsConsistent: false, physicallyPlausible: true, issues: ["I doubt the units"] }));
    const good = await agents.critic!.review({ law: "E*cummax_s + k*t", derived: { cummax_s: "cummax(strain)" } }, context(world));
    expect(good).toEqual({ ok: true, issues: ["I doubt the units"] });
  });

  it("maps the model's verdict", async () => {
    server.enqueue(reply.json({ unitsConsistent: false, physicallyPlausible: true, issues: [] }), reply.json({ unitsConsistent: true, physicallyPlausible: true, issues: [] }));
    expect(await agents.critic!.review({ law: "exp(strain*E)" }, context())).toEqual({ ok: false, issues: ["units are inconsistent"] });
    expect(await agents.critic!.review({ law: "E*strain", rationale: "Hooke" }, context())).toEqual({ ok: true, issues: [] });
    expect(server.chatRequests()[1].lastMessage).toMatch(/Proposed law: stress = E\*strain\nProposer's rationale: Hooke/);
  });

  it("never blocks a law when no verdict comes back", async () => {
    server.setHandler(() => reply.status(400));
    const v = await agents.critic!.review({ law: "E*strain" }, context());
    expect(v.ok).toBe(true);
    expect(v.issues[0]).toMatch(/no review/);
  });
});
