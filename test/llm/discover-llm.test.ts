/**
 * The language-model agents inside a real discovery run (the staged tensile dataset of
 * BreakingTheWorld), talking real HTTP to a scripted fake server. The Explainer's own search is
 * replaced by a no-search stand-in that only refits the law it is handed, so that any change of law
 * can only come from an agent's proposal — and is adopted only if the gate finds it saves bits.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discover } from "../../src/discover/loop.js";
import type { RunEvent } from "../../src/discover/events.js";
import type { RunResult } from "../../src/discover/types.js";
import { refitOnly } from "./refit-only.js";
import Database from "better-sqlite3";
import { JOURNAL_FILE, RunStore } from "../../src/journal/store.js";
import { createAgents, type Exchange } from "../../src/llm/index.js";
import { reply, startFakeOpenAI, type FakeOpenAI, type FakeReply, type RecordedRequest } from "../helpers/fake-openai.js";

const DATASET = "data/breaking-the-world/tensile_cyclic.json";

/** The history law of elastoplastic reloading: the largest strain reached so far sets the path. */
const USEFUL = {
  law: "stress = E*strain + H*strain_max + s0",
  derived: [{ name: "strain_max", definition: "cummax(strain)" }],
  rationale: "past yield, unloading and reloading follow the elastic slope shifted by the plastic strain, which grows with the largest strain reached so far",
};
const WRONG = { law: "a*strain^3", derived: [], rationale: "cubic hardening" };

type Script = (req: RecordedRequest) => FakeReply | undefined;
const critiqueOk: Script = (req) => (req.schemaName === "critic_verdict" ? reply.json({ unitsConsistent: true, physicallyPlausible: true, issues: [] }) : undefined);

let server: FakeOpenAI;
let dir: string;
beforeEach(async () => {
  server = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), "wb-llm-run-"));
});
afterEach(async () => {
  await server.close();
});

async function run(opts: { mode?: "live" | "replay"; url?: string; agents?: boolean } = {}): Promise<{ result: RunResult; events: RunEvent[]; logs: string[]; stats?: ReturnType<Awaited<ReturnType<typeof createAgents>>["session"]["stats"]> }> {
  const store = RunStore.open(dir);
  const events: RunEvent[] = [];
  const logs: string[] = [];
  try {
    const agents =
      opts.agents === false
        ? undefined
        : await createAgents("default", {
            env: { WORLDBREAKER_LLM_BASE_URL: opts.url ?? server.url },
            cwd: dir,
            store: store.exchanges<Exchange>(null),
            mode: opts.mode,
            seed: 3,
            log: (l) => logs.push(l),
          });
    const result = await discover(
      { world: { file: DATASET }, seed: 5, rounds: 4, patience: 4 },
      { store, agents, explain: refitOnly("c0*strain"), cwd: process.cwd(), onEvent: (e) => events.push(e) },
    );
    return { result, events, logs, stats: agents?.session.stats() };
  } finally {
    store.close();
  }
}

const comparable = (r: RunResult) => ({ ...r, runId: "", seconds: 0, rounds: r.rounds.map((x) => ({ ...x, seconds: 0 })) });

describe("discover with language-model agents", () => {
  it("adopts a scripted history-variable proposal only because it lowers the bits, and replays it offline identically", async () => {
    server.setHandler((req) => critiqueOk(req) ?? (req.schemaName === "explainer_candidates" ? reply.json({ candidates: [USEFUL, WRONG] }) : undefined));
    const live = await run();
    const control = await run({ agents: false });

    // Without agents the refit-only Explainer can never leave c0*strain; with them the history law wins.
    expect(control.result.finalLaw).not.toMatch(/cummax/);
    expect(live.result.finalLaw).toMatch(/cummax_strain/);
    expect(live.result.derived).toEqual({ cummax_strain: "cummax(strain)" });
    const adopted = live.events.find((e) => e.type === "law_accepted" && /cummax_strain/.test((e as { law: string }).law)) as { gainBits: number; previousBits: number; bits: number } | undefined;
    expect(adopted).toBeDefined();
    expect(adopted!.bits).toBeLessThan(adopted!.previousBits);
    expect(adopted!.gainBits).toBeGreaterThan(10);
    // The gate alone decided: every accepted revision shortened the description by more than the threshold.
    const accepted = live.events.filter((e) => e.type === "law_accepted" && (e as { round: number }).round > 0) as { gainBits: number }[];
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((e) => e.gainBits > 10)).toBe(true);
    expect(live.result.bits).toBeLessThan(control.result.bits);
    expect(live.result.r2).toBeGreaterThan(control.result.r2);
    // The plausible-sounding wrong proposal was scored too, and never adopted.
    expect(live.events.some((e) => e.type === "law_proposed" && /strain\^3/.test((e as { law: string }).law))).toBe(true);
    expect(live.result.rounds.every((r) => !/strain\^3/.test(r.law))).toBe(true);
    expect(live.stats!.requests).toBeGreaterThan(0);
    // Provenance: every exchange is in the run journal, with role, round, tokens and the exact request.
    const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
    const rows = db.prepare("SELECT role, round, answered, prompt_tokens, payload FROM llm_exchanges ORDER BY id").all() as { role: string; round: number; answered: number; prompt_tokens: number; payload: string }[];
    db.close();
    expect(rows).toHaveLength(live.stats!.requests);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(["explainer", "critic"]));
    expect(rows.every((r) => r.answered === 1 && r.round >= 1 && r.prompt_tokens > 0)).toBe(true);
    expect(JSON.parse(rows[0].payload).request.response_format.type).toBe("json_schema");

    // Replay: the server is gone; every answer comes from the journal, and the run is the same.
    const url = server.url;
    await server.close();
    const replayed = await run({ mode: "replay", url });
    expect(comparable(replayed.result)).toEqual(comparable(live.result));
    expect(replayed.stats).toMatchObject({ requests: 0, cacheHits: live.stats!.requests });
    server = await startFakeOpenAI();
  });

  it("rejects garbage and refused proposals and still completes the run", async () => {
    server.setHandler((req) => {
      if (req.schemaName === "explainer_candidates") {
        return req.body.messages.length > 2
          ? reply.json({ candidates: [{ law: "process.exit(1)", derived: [], rationale: "" }] })
          : reply.text("The stress is probably related to strain somehow.");
      }
      if (req.schemaName === "critic_verdict") return reply.json({ unitsConsistent: false, physicallyPlausible: false, issues: ["nonsense"] });
      return undefined;
    });
    const { result, logs, stats } = await run();
    expect(result.rounds.length).toBeGreaterThan(1);
    expect(result.finalLaw).not.toMatch(/process|exit/);
    expect(stats!.skipped).toBeGreaterThan(0);
    expect(stats!.answered).toBe(0);
    expect(logs.some((l) => /explainer answer skipped \(invalid after one repair\)/.test(l))).toBe(true);
  });

  it("runs the Breaker agent's experiments, clipped into a simulator world's space, and journals them", async () => {
    server.setHandler((req) => {
      if (req.schemaName === "breaker_experiments") {
        return reply.json({
          experiments: [
            { inputs: { x: 4.5, d: 240, lambda: 690 }, hypothesis: "far off-axis at long wavelength the fringe spacing law must show" },
            { inputs: { x: -99, d: 60, lambda: 1e6 }, hypothesis: "beyond the screen edge" },
          ],
        });
      }
      return reply.json({ candidates: [{ law: "a*cos(b*x*d/lambda)^2", derived: [], rationale: "two-slit interference" }] });
    });
    const store = RunStore.open(dir);
    try {
      const agents = await createAgents("default", { env: { WORLDBREAKER_LLM_BASE_URL: server.url }, cwd: dir, store: store.exchanges(null), roles: ["breaker"] });
      const result = await discover({ world: { name: "double-slit" }, seed: 2, rounds: 1, batch: 8, initialCount: 12 }, { store, agents, explain: refitOnly("c0 + c1*x"), cwd: process.cwd() });
      const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
      const rows = db.prepare("SELECT inputs FROM experiments WHERE run_id = ? AND strategy = 'agent' ORDER BY seq").all(result.runId) as { inputs: string }[];
      db.close();
      expect(rows.map((r) => JSON.parse(r.inputs))).toEqual([
        { x: 4.5, d: 240, lambda: 690 },
        { x: -5, d: 60, lambda: 700 },
      ]);
      expect(server.chatRequests().map((r) => r.schemaName)).toEqual(["breaker_experiments"]);
    } finally {
      store.close();
    }
  });
});
