/**
 * `createAgents`: the language-model Explainer, Breaker and Critic of one run, sharing one session
 * (one budget, one store, one concurrency limit). The discovery loop calls it when `--llm` is given.
 */
import type { Agents } from "../discover/agents.js";
import { LlmError } from "./failures.js";
import type { SessionStore } from "./exchange.js";
import { loadLlmProfile } from "./profiles.js";
import { LlmSession } from "./session.js";
import { LlmBreaker } from "./roles/breaker.js";
import { LlmCritic } from "./roles/critic.js";
import { LlmExplainer } from "./roles/explainer.js";

/** The roles an agent set can include. */
export type AgentRole = "explainer" | "breaker" | "critic";

/** Options of `createAgents`. */
export interface CreateAgentsOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where exchanges go (the run journal); default in memory. */
  store?: SessionStore;
  /** Round recorded for calls that do not carry an AgentContext. */
  round?: number | (() => number);
  /** Explicit config file (`--llm-config`). */
  configPath?: string;
  /** `replay` answers only from `store` and never touches the network (default: $WORLDBREAKER_LLM_MODE, else live). */
  mode?: "live" | "replay";
  /** Seeds retry jitter. */
  seed?: number;
  signal?: AbortSignal;
  /** One-line notices (retries, skipped answers, budget): send to stderr. */
  log?: (line: string) => void;
  /** Roles to create (default all three). */
  roles?: AgentRole[];
  /** Candidate laws asked of the Explainer per round (default 4). */
  candidatesPerRound?: number;
}

/** Agents plus the session behind them, for statistics and provenance. */
export interface LlmAgents extends Agents {
  session: LlmSession;
}

/** WORLDBREAKER_LLM_MODE=replay forces offline replay from the journal without any command-line change. */
export function modeFromEnv(env: NodeJS.ProcessEnv): "live" | "replay" | undefined {
  const m = env.WORLDBREAKER_LLM_MODE?.trim().toLowerCase();
  if (m === undefined || m === "") return undefined;
  if (m === "live" || m === "replay") return m;
  throw new LlmError(`WORLDBREAKER_LLM_MODE must be 'live' or 'replay', got '${env.WORLDBREAKER_LLM_MODE}'`);
}

/** Resolves `profile` and builds the agents; nothing is sent until an agent is asked. */
export async function createAgents(profile: string, opts: CreateAgentsOptions): Promise<LlmAgents> {
  const resolved = loadLlmProfile(profile, { env: opts.env, cwd: opts.cwd, configPath: opts.configPath });
  const log = opts.log ?? (() => {});
  const session = new LlmSession(resolved, { store: opts.store, mode: opts.mode ?? modeFromEnv(opts.env), seed: opts.seed, signal: opts.signal, log, round: opts.round });
  const roles = new Set<AgentRole>(opts.roles ?? ["explainer", "breaker", "critic"]);
  return {
    session,
    ...(roles.has("explainer") ? { explainer: new LlmExplainer(session, opts.candidatesPerRound ?? 4, log) } : {}),
    ...(roles.has("breaker") ? { breaker: new LlmBreaker(session, log) } : {}),
    ...(roles.has("critic") ? { critic: new LlmCritic(session) } : {}),
  };
}
