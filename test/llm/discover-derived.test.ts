/**
 * Derived (history) variables proposed by a language-model agent that the run itself does not compute:
 * the loop adds them as evidence columns to score the proposal, keeps them once the law is adopted,
 * lists them in the result's `derived`, and rebuilds them on resume from the journal. Real loop, real
 * HTTP to a scripted fake server, a no-search Explainer so every change of law comes from the agent.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discover, resumeRun } from "../../src/discover/loop.js";
import type { RunEvent } from "../../src/discover/events.js";
import type { DiscoverOptions } from "../../src/discover/types.js";
import { RunStore } from "../../src/journal/store.js";
import { createAgents, type Exchange } from "../../src/llm/index.js";
import { reply, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { refitOnly } from "./refit-only.js";

const DATASET = "data/breaking-the-world/tensile_cyclic.json";

/** Unloading and reloading follow the elastic slope shifted by the largest strain reached so far. */
const USEFUL = {
  law: "E*strain + H*strain_max + s0",
  derived: [{ name: "strain_max", definition: "cummax(strain)" }],
  rationale: "plastic strain grows with the largest strain reached so far",
};
const WRONG = { law: "a*strain^3", derived: [], rationale: "cubic hardening" };
const GARBAGE_DERIVED = { law: "k*hist", derived: [{ name: "hist", definition: "cummax(stress)" }], rationale: "history of the observable" };

let server: FakeOpenAI;
let dir: string;
beforeEach(async () => {
  server = await startFakeOpenAI();
  server.setHandler((req) => (req.schemaName === "explainer_candidates" ? reply.json({ candidates: [USEFUL, WRONG, GARBAGE_DERIVED] }) : undefined));
  dir = mkdtempSync(join(tmpdir(), "wb-llm-derived-"));
});
afterEach(async () => {
  await server.close();
});

// The run computes only cumsum(strain) — never cummax(strain), which the agent must bring itself.
const OPTIONS: DiscoverOptions = { world: { file: DATASET }, seed: 5, rounds: 4, patience: 4, derived: ["cumsum(strain)"] };

async function agentsFor(store: RunStore) {
  return createAgents("default", { env: { WORLDBREAKER_LLM_BASE_URL: server.url }, cwd: dir, store: store.exchanges<Exchange>(null), seed: 3, roles: ["explainer"] });
}

describe("derived variables proposed by agents", () => {
  it("are computed as new evidence columns, and the law needing one is adopted only because it saves bits", async () => {
    const store = RunStore.open(dir);
    const events: RunEvent[] = [];
    try {
      const control = await discover(OPTIONS, { store, explain: refitOnly("c0*strain"), cwd: process.cwd() });
      const live = await discover(OPTIONS, { store, agents: await agentsFor(store), explain: refitOnly("c0*strain"), cwd: process.cwd(), onEvent: (e) => events.push(e) });

      expect(control.finalLaw).not.toMatch(/cummax/);
      expect(live.finalLaw).toMatch(/cummax_strain/);
      // The final JSON lists the agent's variable under its canonical name, with its definition.
      expect(live.derived).toEqual({ cummax_strain: "cummax(strain)" });
      expect(live.rounds.at(-1)!.derived).toEqual({ cummax_strain: "cummax(strain)" });
      const adopted = events.find((e): e is Extract<RunEvent, { type: "law_accepted" }> => e.type === "law_accepted" && /cummax_strain/.test(e.law));
      expect(adopted).toBeDefined();
      expect(adopted!.gainBits).toBeGreaterThan(10);
      expect(adopted!.bits).toBeLessThan(adopted!.previousBits);
      expect(live.bits).toBeLessThan(control.bits);
      expect(live.r2).toBeGreaterThan(control.r2);
      // The wrong law was fitted and lost; the derived variable over the observable never became a column.
      expect(events.some((e) => e.type === "law_proposed" && /strain\^3/.test(e.law))).toBe(true);
      expect(live.rounds.every((r) => !/strain\^3/.test(r.law))).toBe(true);
      expect(events.some((e) => (e.type === "law_proposed" || e.type === "law_accepted") && /hist|cummax_stress/.test(e.law))).toBe(false);
    } finally {
      store.close();
    }
  });

  it("are refused, with an event, in a run started with --derived off", async () => {
    const store = RunStore.open(dir);
    const events: RunEvent[] = [];
    try {
      const r = await discover({ ...OPTIONS, derived: "off" }, { store, agents: await agentsFor(store), explain: refitOnly("c0*strain"), cwd: process.cwd(), onEvent: (e) => events.push(e) });
      expect(r.finalLaw).not.toMatch(/cummax/);
      expect(r.derived).toBeUndefined();
      const refused = events.find((e): e is Extract<RunEvent, { type: "law_rejected" }> => e.type === "law_rejected" && /cummax_strain/.test(e.law));
      expect(refused?.reason).toMatch(/off in this run/);
    } finally {
      store.close();
    }
  });

  it("are rebuilt from the journal when an interrupted run resumes", async () => {
    const store = RunStore.open(dir);
    try {
      const stop = new AbortController();
      const first = await discover(OPTIONS, {
        store,
        agents: await agentsFor(store),
        explain: refitOnly("c0*strain"),
        cwd: process.cwd(),
        signal: stop.signal,
        onEvent: (e) => {
          if (e.type === "round_finished" && e.record.derived?.cummax_strain) stop.abort();
        },
      });
      expect(first.status).toBe("aborted");
      expect(first.finalLaw).toMatch(/cummax_strain/);
      const adoptedIn = first.rounds.at(-1)!.round;
      // Resumed without any agent: the adopted law can only survive if the loop rebuilds its column.
      const resumed = await resumeRun(first.runId, { store, explain: refitOnly("c0*strain"), cwd: process.cwd() });
      expect(resumed.status).toBe("finished");
      const later = resumed.rounds.filter((r) => r.round > adoptedIn);
      expect(later.length).toBeGreaterThan(0);
      for (const r of later) {
        expect(r.law).toMatch(/cummax_strain/);
        expect(Number.isFinite(r.bits)).toBe(true);
      }
      expect(resumed.derived).toEqual({ cummax_strain: "cummax(strain)" });
    } finally {
      store.close();
    }
  });
});
