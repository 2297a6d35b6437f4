import { describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { discover } from "../../src/discover/index.js";
import type { Agents, RunEvent } from "../../src/discover/index.js";
import { AgentStopError, type AgentContext, type LawProposal } from "../../src/discover/agents.js";
import { candidateExplainer, parabolaWorld } from "./stand-ins.js";

// This Explainer only knows lines: the parabola can only come from the agent.
const explain = candidateExplainer(["a*x + b", "a"]);
const openWorld = async (_s: unknown, o: { seed: number; queryOffset?: number }) => parabolaWorld(o.seed, o.queryOffset ?? 0);
const options = { world: { name: "parabola" }, seed: 3, rounds: 3, batch: 6, initialCount: 8, patience: 2 };

describe("agents in the loop", () => {
  it("adopts a proposed law only through the gate, rejects garbage, and keeps running", async () => {
    const seen: AgentContext[] = [];
    const agents: Agents = {
      explainer: {
        async proposeLaws(ctx) {
          seen.push(ctx);
          return [{ law: "k*x^2 + c" }, { law: "import('fs')" }, { law: "x +* 2" }, { law: "q*x^7" }];
        },
      },
      breaker: {
        async proposeExperiments(_ctx, count) {
          return Array.from({ length: count }, (_, i) => ({ experiment: { x: 20 + i }, hypothesis: "far out" }));
        },
      },
      critic: {
        async review(p) {
          return { ok: !p.law.includes("^7"), issues: p.law.includes("^7") ? ["implausible power"] : [] };
        },
      },
    };
    const store = RunStore.memory();
    const events: RunEvent[] = [];
    const r = await discover(options, { store, explain, openWorld, agents, onEvent: (e) => events.push(e), runId: "ag" });
    expect(r.finalLaw).toMatch(/x\^2/);
    expect(r.falsification).not.toBeNull();
    const rejected = events.filter((e) => e.type === "law_rejected").map((e) => (e as { reason: string }).reason);
    expect(rejected.some((x) => /unusable proposal/.test(x))).toBe(true);
    expect(rejected.some((x) => /critic: implausible power/.test(x))).toBe(true);
    expect(seen[0].residuals).toMatch(/R² =/);
    expect(seen[0].sample.length).toBeGreaterThan(0);
    // Agent experiments were clipped into the declared range (x ≤ 10) and journaled as the agent's.
    const agentExps = store.experiments("ag").filter((e) => e.strategy === "agent");
    expect(agentExps.length).toBeGreaterThan(0);
    expect(agentExps.every((e) => e.inputs.x === 10)).toBe(true);
  });

  it("survives an agent that throws", async () => {
    const agents: Agents = {
      explainer: {
        async proposeLaws() {
          throw new Error("model server down");
        },
      },
    };
    const events: RunEvent[] = [];
    const r = await discover(options, { store: RunStore.memory(), explain, openWorld, agents, onEvent: (e) => events.push(e) });
    expect(r.status).toBe("finished");
    expect(events.some((e) => e.type === "warning" && /model server down/.test(e.message))).toBe(true);
  });

  it("rejects proposals whose derived variables do not parse or clash, with an event, and keeps running", async () => {
    const agents: Agents = {
      explainer: {
        async proposeLaws(): Promise<LawProposal[]> {
          return [
            { law: "a*h", derived: { h: "cummax(y)" } },
            { law: "a*h", derived: { h: "process.exit(1)" } },
            { law: "a*x", derived: { x: "cummax(x)" } },
            { law: "a*w + b", derived: { w: "cumsum(x)" } },
          ];
        },
      },
    };
    const events: RunEvent[] = [];
    const r = await discover(options, { store: RunStore.memory(), explain, openWorld, agents, onEvent: (e) => events.push(e) });
    expect(r.status).toBe("finished");
    const reasons = events.filter((e) => e.type === "law_rejected").map((e) => (e as { reason: string }).reason);
    expect(reasons.some((x) => /'y' is not an input/.test(x))).toBe(true);
    expect(reasons.some((x) => /'process\.exit\(1\)': 'process' is not an input/.test(x))).toBe(true);
    expect(reasons.some((x) => /clashes with an input/.test(x))).toBe(true);
    // The valid one was computed as a column and scored under its canonical name.
    expect(events.some((e) => e.type === "law_proposed" && /cumsum_x/.test(e.law))).toBe(true);
  });

  it("stops the run on an agent error that must stop it, keeping the journal", async () => {
    const agents: Agents = {
      explainer: {
        async proposeLaws() {
          throw new AgentStopError("replay: the journal holds no answer for an explainer request in round 1");
        },
      },
    };
    const store = RunStore.memory();
    await expect(discover(options, { store, explain, openWorld, agents, runId: "stop" })).rejects.toThrow(/replay: the journal holds no answer/);
    expect(store.getRun("stop")?.status).toBe("failed");
    // Round 0 and the answers of round 1 stay journaled: a resume continues from them.
    expect(store.rounds("stop")).toHaveLength(1);
    expect(store.observations("stop").length).toBeGreaterThan(options.initialCount);
  });

  it("stops the run just as well when the Breaker agent or the critic hits such an error", async () => {
    const stop = () => {
      throw new AgentStopError("replay: no answer");
    };
    const breakerStops: Agents = { breaker: { proposeExperiments: async () => stop() } };
    const criticStops: Agents = { explainer: { proposeLaws: async () => [{ law: "k*x^2 + c" }] }, critic: { review: async () => stop() } };
    for (const [id, agents] of [["b", breakerStops], ["c", criticStops]] as const) {
      const store = RunStore.memory();
      await expect(discover(options, { store, explain, openWorld, agents, runId: id })).rejects.toThrow(/replay: no answer/);
      expect(store.getRun(id)?.status).toBe("failed");
      expect(store.observations(id).length).toBeGreaterThanOrEqual(options.initialCount);
    }
  });
});

