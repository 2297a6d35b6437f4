/**
 * `llm check`: is the endpoint reachable, which models does it offer, does each role's model honour a
 * JSON schema, how fast is it, and can it do its role's job on a tiny problem with a known answer?
 * The probes use the real session (and its records) so they test exactly what a run will use.
 */
import { z } from "zod";
import type { AgentContext } from "../discover/agents.js";
import { WorldbreakerError } from "../errors.js";
import { fitParams, parse } from "../expr/index.js";
import type { WorldInfo } from "../worlds/world.js";
import { MemoryExchangeStore, type Exchange } from "./exchange.js";
import { classifyFailure } from "./failures.js";
import { roleSettings, type LlmProfile } from "./profiles.js";
import { LlmSession } from "./session.js";
import { LlmBreaker } from "./roles/breaker.js";
import { LlmCritic } from "./roles/critic.js";
import { LlmExplainer } from "./roles/explainer.js";

/** The roles `llm check` probes. */
export const CHECKED_ROLES = ["explainer", "breaker", "critic"] as const;

/** Outcome of one probe. */
export interface ProbeResult {
  ok: boolean;
  detail: string;
  latencyMs?: number;
  tokensPerSecond?: number;
}

/** What `llm check` found for one role. */
export interface RoleCheck {
  role: string;
  model: string;
  adapter?: string;
  structured: ProbeResult;
  task: ProbeResult;
  /** `ok`, or `too weak` with advice. */
  verdict: "ok" | "too weak";
  advice?: string;
}

/** The whole report (the `--json` output). */
export interface CheckReport {
  profile: string;
  source: string;
  baseUrl: string;
  reachable: boolean;
  error?: string;
  /** Model ids from GET /models; null when the server does not list them. */
  models: string[] | null;
  roles: RoleCheck[];
  tokens: number;
  seconds: number;
}

const ArithmeticSchema = z.object({ sum: z.number().int(), timeUnit: z.enum(["m", "s", "kg"]) });

const probeWorld: WorldInfo = {
  name: "probe",
  description: "a toy system used to test the language model (the observable is an exact function of x)",
  shape: "simulator",
  inputs: [{ name: "x", min: 0, max: 10, kind: "real", unit: "m", description: "distance" }],
  output: { name: "y", unit: "m^2", description: "area" },
};
const probeX = [1, 2, 3, 4, 5, 6, 7, 8];
const probeY = probeX.map((x) => 2.5 * x * x);
const probeContext: AgentContext = {
  world: probeWorld,
  round: 0,
  law: "c0*x",
  bits: 120,
  r2: 0.93,
  residuals: "underpredicts at both ends and overpredicts in the middle: the data curve upward",
  sample: probeX.map((x, i) => ({ x, y: probeY[i] })),
};

/** Fit quality (R²) of a law on the probe data; -Infinity when it does not parse or fit. */
function probeR2(law: string): number {
  try {
    const expr = parse(law, { variables: ["x"] });
    const fit = fitParams(expr, ["x"], [Float64Array.from(probeX)], Float64Array.from(probeY), { seed: 1, restarts: 4 });
    const mean = probeY.reduce((a, b) => a + b, 0) / probeY.length;
    const sst = probeY.reduce((a, y) => a + (y - mean) ** 2, 0);
    return Number.isFinite(fit.sse) ? 1 - fit.sse / sst : -Infinity;
  } catch (err) {
    if (!(err instanceof WorldbreakerError)) throw err;
    return -Infinity;
  }
}

function lastExchange(store: MemoryExchangeStore, role: string, from: number): Exchange | undefined {
  return store.all().slice(from).filter((e) => e.role === role).at(-1);
}

function describeFailure(e: Exchange | undefined, fallback: string): string {
  if (!e) return fallback;
  if (e.response === null) return `no answer: ${e.error ?? "request failed"}`;
  const text = e.response.replace(/\s+/g, " ").trim();
  return `answer broke the schema: ${text.length > 80 ? text.slice(0, 80) + "…" : text || "(empty)"}`;
}

/** Asks the endpoint for its models; distinguishes unreachable from "does not list models". */
async function listModels(session: LlmSession): Promise<{ reachable: boolean; models: string[] | null; error?: string }> {
  try {
    const page = await session.rawClient().models.list();
    return { reachable: true, models: page.data.map((m) => m.id) };
  } catch (err) {
    const f = classifyFailure(err);
    const status = (err as { status?: number }).status;
    if (typeof status === "number") {
      if (status === 401 || status === 403) return { reachable: true, models: null, error: f.message };
      return { reachable: true, models: null };
    }
    return { reachable: false, models: null, error: f.message };
  }
}

async function structuredProbe(session: LlmSession, store: MemoryExchangeStore, role: string): Promise<ProbeResult> {
  const from = store.all().length;
  const answer = await session.structured(
    role,
    ArithmeticSchema,
    [{ role: "user", content: 'What is 17 + 25, and which of "m", "s", "kg" is the SI unit of time? Answer with JSON only.' }],
    { name: "probe_arithmetic", repair: false, temperature: 0, maxTokens: 256 },
  );
  const e = lastExchange(store, role, from);
  const latencyMs = e?.latencyMs;
  const tokensPerSecond = e && e.latencyMs > 0 ? e.tokens.completion / (e.latencyMs / 1000) : undefined;
  if (!answer) return { ok: false, detail: describeFailure(e, "no answer"), latencyMs, tokensPerSecond };
  const right = answer.sum === 42 && answer.timeUnit === "s";
  return { ok: true, detail: right ? "schema honoured, answer correct" : "schema honoured (answer wrong)", latencyMs, tokensPerSecond };
}

async function taskProbe(role: string, session: LlmSession, store: MemoryExchangeStore): Promise<ProbeResult> {
  const from = store.all().length;
  if (role === "explainer") {
    const laws = await new LlmExplainer(session, 3).proposeLaws(probeContext);
    if (laws.length === 0) return { ok: false, detail: describeFailure(lastExchange(store, role, from), "no usable law") };
    const best = Math.max(...laws.map((l) => probeR2(l.law)));
    return best > 0.999
      ? { ok: true, detail: `proposed a law that fits y = 2.5·x² (${laws.map((l) => l.law).join("; ")})` }
      : { ok: false, detail: `its laws parse but none fits y = 2.5·x² (${laws.map((l) => l.law).join("; ")})` };
  }
  if (role === "breaker") {
    const exps = await new LlmBreaker(session).proposeExperiments(probeContext, 3);
    if (exps.length === 0) return { ok: false, detail: describeFailure(lastExchange(store, role, from), "no usable experiment") };
    return { ok: true, detail: `proposed ${exps.length} experiment(s), e.g. x = ${exps[0].experiment.x}: ${exps[0].hypothesis.slice(0, 80)}` };
  }
  // Critic: exp of a length is dimensionally wrong; a usable critic must say so. The units are given in
  // words only, so that our own dimensional analysis does not answer in the model's place.
  const wordsOnly: AgentContext = {
    ...probeContext,
    world: {
      ...probeWorld,
      inputs: probeWorld.inputs.map(({ unit: _unit, ...i }) => ({ ...i, description: "a distance, in metres" })),
      output: { name: "y", description: "an area, in square metres" },
    },
  };
  const verdict = await new LlmCritic(session).review({ law: "c0*exp(x)", rationale: "exponential growth" }, wordsOnly);
  const answered = lastExchange(store, role, from)?.verdict === "ok";
  if (!answered) return { ok: false, detail: describeFailure(lastExchange(store, role, from), "no verdict") };
  return verdict.ok
    ? { ok: false, detail: "accepted c0*exp(x) with x in metres (exp of a length is not dimensionless)" }
    : { ok: true, detail: `rejected c0*exp(x) with x in metres (${verdict.issues[0] ?? "no reason given"})` };
}

const ADVICE_SCHEMA = "it does not follow a JSON schema: use a stronger or instruction-tuned model, or a server with schema-constrained decoding (mistral.rs, vLLM, llama.cpp)";
const ADVICE_TASK = "it answers in the right shape but fails a tiny version of its job: use a larger model (or a better adapter) for this role";

/** Runs every probe against `profile`. `log` receives progress lines. */
export async function checkProfile(profile: LlmProfile, opts: { signal?: AbortSignal; log?: (line: string) => void; roles?: readonly string[] } = {}): Promise<CheckReport> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  // Fail fast and never let a budget or circuit breaker hide what the model can do.
  const probeProfile: LlmProfile = { ...profile, retries: Math.min(profile.retries, 1), budgetTokens: Math.max(profile.budgetTokens, 1_000_000), circuitBreaker: { failures: 1000, cooldownMs: 0 } };
  const store = new MemoryExchangeStore();
  const session = new LlmSession(probeProfile, { store, signal: opts.signal, log });
  const report: CheckReport = { profile: profile.name, source: profile.source, baseUrl: profile.baseUrl, reachable: false, models: null, roles: [], tokens: 0, seconds: 0 };

  log(`llm check: ${profile.baseUrl} (profile '${profile.name}')`);
  const listed = await listModels(session);
  report.reachable = listed.reachable;
  report.models = listed.models;
  if (listed.error) report.error = listed.error;
  if (!listed.reachable) {
    report.seconds = (performance.now() - t0) / 1000;
    return report;
  }

  // Roles that share a model and adapter share their probe results.
  const cache = new Map<string, { structured: ProbeResult; task: Map<string, ProbeResult> }>();
  for (const role of opts.roles ?? CHECKED_ROLES) {
    if (opts.signal?.aborted) break;
    const s = roleSettings(profile, role);
    const key = `${s.model}\u0000${s.adapter ?? ""}`;
    let entry = cache.get(key);
    if (!entry) {
      log(`llm check: structured-output probe for ${s.model}${s.adapter ? ` + adapter ${s.adapter}` : ""}`);
      entry = { structured: await structuredProbe(session, store, role), task: new Map() };
      cache.set(key, entry);
    }
    log(`llm check: ${role} probe`);
    const task = entry.structured.ok ? await taskProbe(role, session, store) : { ok: false, detail: "skipped: the structured-output probe failed" };
    const ok = entry.structured.ok && task.ok;
    report.roles.push({
      role,
      model: s.model,
      ...(s.adapter ? { adapter: s.adapter } : {}),
      structured: entry.structured,
      task,
      verdict: ok ? "ok" : "too weak",
      ...(ok ? {} : { advice: entry.structured.ok ? ADVICE_TASK : ADVICE_SCHEMA }),
    });
  }
  report.tokens = session.stats().tokens.total;
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/** The human-readable report. */
export function formatCheckReport(r: CheckReport): string {
  const lines = [`profile ${r.profile} (${r.source || "built-in"}): ${r.baseUrl}`];
  if (!r.reachable) {
    lines.push(`✗ cannot reach the server: ${r.error ?? "no answer"}`);
    lines.push(`  is it running? e.g. 'mistralrs serve -p 1234 -m Qwen/Qwen3-4B' serves http://localhost:1234/v1`);
    return lines.join("\n") + "\n";
  }
  lines.push(`✓ reachable${r.error ? ` (but ${r.error})` : ""}`);
  lines.push(r.models ? `  models offered: ${r.models.length > 0 ? r.models.join(", ") : "(none listed)"}` : "  the server does not list its models (GET /models)");
  for (const c of r.roles) {
    const speed = [c.structured.latencyMs !== undefined ? `${Math.round(c.structured.latencyMs)} ms` : "", c.structured.tokensPerSecond !== undefined ? `${c.structured.tokensPerSecond.toFixed(1)} tokens/s` : ""].filter(Boolean).join(", ");
    const model = `${c.model}${c.adapter ? ` + adapter ${c.adapter}` : ""}`;
    if (r.models && r.models.length > 0 && !r.models.includes(c.model) && c.model !== "default") lines.push(`  note: model '${c.model}' is not among the models offered`);
    lines.push(`${c.verdict === "ok" ? "✓" : "✗"} ${c.role} (${model})${c.verdict === "ok" ? "" : ": too weak for this role"}`);
    lines.push(`    structured output: ${c.structured.ok ? "honoured" : "NOT honoured"} — ${c.structured.detail}${speed ? ` [${speed}]` : ""}`);
    lines.push(`    ${c.role} task: ${c.task.ok ? "passed" : "failed"} — ${c.task.detail}`);
    if (c.advice) lines.push(`    advice: ${c.advice}`);
  }
  lines.push(`${r.tokens} tokens in ${r.seconds.toFixed(1)} s`);
  return lines.join("\n") + "\n";
}
