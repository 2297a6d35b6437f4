import { afterEach, beforeEach, expect, it } from "vitest";
import { llmWarmStart } from "../../src/llm/explain-seeds.js";
import type { Evidence } from "../../src/core/evidence.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

let server: FakeOpenAI;
beforeEach(async () => {
  server = await startFakeOpenAI();
});
afterEach(async () => {
  await server.close();
});

it("turns the Explainer agent's parsed candidates into warm starts for explain", async () => {
  const m = Float64Array.from([1, 2, 3, 4]);
  const v = Float64Array.from([2, 1, 3, 5]);
  const evidence: Evidence = { variables: ["m", "v"], columns: { m, v }, target: m.map((x, i) => 0.5 * x * v[i] ** 2), targetName: "E", units: { m: "kg", v: "m/s", E: "J" } };
  server.enqueue(
    reply.json({
      candidates: [
        { law: "E = k*m*v^2", derived: [], rationale: "kinetic energy" },
        { law: "a*cummax_m", derived: [{ name: "cummax_m", definition: "cummax(m)" }], rationale: "history" },
        { law: "m v", derived: [], rationale: "broken" },
      ],
    }),
  );
  const { laws, stats } = await llmWarmStart("default", evidence, { env: { WORLDBREAKER_LLM_BASE_URL: server.url }, cwd: "/" });
  expect(laws).toEqual(["k*m*v^2"]);
  expect(stats.answered).toBe(1);
  const prompt = server.chatRequests()[0].body.messages[1].content as string;
  expect(prompt).toMatch(/- m \[kg\]: 1 to 4/);
  expect(prompt).toMatch(/Observable: E \[J\]/);
  expect(prompt).not.toMatch(/NaN/);
});
