/**
 * The scripted discovery scenarios of the `llm` benchmark: the staged tensile dataset with agents that
 * talk to the stub server, and an Explainer that only refits (so every new law is an agent's). Reports
 * requests and tokens per discovered (adopted) law, and what a useless model costs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ExplainFn } from "../src/discover/explainer.js";
import { discover } from "../src/discover/loop.js";
import { compile, fitParams, parse, toInfix } from "../src/expr/index.js";
import { RunStore } from "../src/journal/store.js";
import { createAgents } from "../src/llm/agents.js";

const DATASET = resolve(process.cwd(), "data/breaking-the-world/tensile_cyclic.json");

/** An Explainer that never searches: it refits c0*strain, so laws beyond it can only come from agents. */
const refitOnly: ExplainFn = async (evidence) => {
  const expr = parse("c0*strain", { variables: evidence.variables });
  const cols = evidence.variables.map((v) => evidence.columns[v]);
  const fit = fitParams(expr, evidence.variables, cols, evidence.target, { seed: 1 });
  const pred = compile(expr, evidence.variables).evaluate(cols, fit.params);
  const n = evidence.target.length;
  const mean = evidence.target.reduce((a, b) => a + b, 0) / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (evidence.target[i] - pred[i]) ** 2;
    sst += (evidence.target[i] - mean) ** 2;
  }
  return { target: evidence.targetName, expr, params: fit.params, law: toInfix(expr, fit.params), complexity: 3, bits: { model: 0, data: 0, total: 0 }, r2: 1 - sse / sst, rmse: Math.sqrt(sse / n), pareto: [], evaluations: 1, seconds: 0 };
};

async function scenario(url: string, model: string): Promise<{ laws: number; requests: number; tokens: number; finalLaw: string; rounds: number }> {
  const dir = mkdtempSync(join(tmpdir(), "wb-bench-llm-"));
  const store = RunStore.open(dir);
  try {
    const agents = await createAgents("default", { env: { WORLDBREAKER_LLM_BASE_URL: url, WORLDBREAKER_LLM_MODEL: model }, cwd: dir, store: store.exchanges(null), seed: 1 });
    const result = await discover({ world: { file: DATASET }, seed: 5, rounds: 4, patience: 4 }, { store, agents, explain: refitOnly, cwd: process.cwd() });
    const s = agents.session.stats();
    return { laws: result.breaks, requests: s.requests, tokens: s.tokens.total, finalLaw: result.finalLaw, rounds: result.rounds.length };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs both scenarios against the stub at `url` and prints a table. */
export async function runDiscoveryScenario(url: string): Promise<void> {
  const rows: string[] = [];
  for (const [name, model] of [
    ["useful proposal (cummax(strain))", "stub"],
    ["model ignoring the schema", "garbage"],
  ] as const) {
    const r = await scenario(url, model);
    const per = (x: number) => (r.laws > 0 ? (x / r.laws).toFixed(0) : "—");
    rows.push(`| ${name} | ${r.rounds} | ${r.laws} | ${r.requests} | ${r.tokens} | ${per(r.requests)} | ${per(r.tokens)} | \`${r.finalLaw.replace(/\|/g, "\\|")}\` |`);
  }
  process.stdout.write("\nScripted discovery on tensile_cyclic.json (refit-only Explainer, so every new law is an agent's):\n\n");
  process.stdout.write("| scenario | rounds | laws adopted | requests | tokens | requests/law | tokens/law | final law |\n|---|---|---|---|---|---|---|---|\n");
  process.stdout.write(rows.join("\n") + "\n");
}
