/**
 * Language-model warm starts for `explain --llm`: the Explainer agent sees the table (columns, units, a
 * sample, a plain linear fit as the "current law") and proposes laws; those that parse become
 * `warmStart` entries of the symbolic search, which still decides by description length.
 */
import type { AgentContext } from "../discover/agents.js";
import { evenlySpacedRows } from "../discover/agent-context.js";
import type { Evidence } from "../core/evidence.js";
import type { WorldInfo } from "../worlds/world.js";
import type { SessionStore } from "./exchange.js";
import { loadLlmProfile } from "./profiles.js";
import { LlmSession, type LlmStats } from "./session.js";
import { LlmExplainer } from "./roles/explainer.js";

/** Options of `llmWarmStart`. */
export interface WarmStartOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  configPath?: string;
  store?: SessionStore;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** What the data is, in a sentence (shown to the model); default names the file's columns only. */
  description?: string;
  /** Candidates to ask for (default 6). */
  count?: number;
}

/** A table as a world description: ranges from the data, units when known. */
export function evidenceWorld(evidence: Evidence, description?: string): WorldInfo {
  const range = (c: Float64Array): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of c) {
      if (!Number.isFinite(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return Number.isFinite(lo) ? [lo, hi] : [0, 0];
  };
  return {
    name: "table",
    description: description ?? `a table of measurements; predict ${evidence.targetName} from ${evidence.variables.join(", ")}`,
    shape: "pool",
    inputs: evidence.variables.map((name) => {
      const [min, max] = range(evidence.columns[name]);
      return { name, min, max, kind: "real" as const, ...(evidence.units?.[name] ? { unit: evidence.units[name] } : {}) };
    }),
    output: { name: evidence.targetName, ...(evidence.units?.[evidence.targetName] ? { unit: evidence.units[evidence.targetName] } : {}) },
  };
}

/** The context the Explainer agent sees for a table: no law yet, so the residual note says so. */
export function evidenceContext(evidence: Evidence, description?: string, maxRows = 40): AgentContext {
  const sample = evenlySpacedRows(evidence, maxRows);
  const first = evidence.variables[0] ?? "x";
  return {
    world: evidenceWorld(evidence, description),
    round: 0,
    law: `c0 + c1*${first}`,
    bits: Number.NaN,
    r2: Number.NaN,
    residuals: "no law has been fitted yet; the current law is only a placeholder",
    sample,
  };
}

/** Asks the profile's Explainer for candidate laws over the table; returns those that parse (maybe none). */
export async function llmWarmStart(profile: string, evidence: Evidence, opts: WarmStartOptions): Promise<{ laws: string[]; stats: LlmStats }> {
  const resolved = loadLlmProfile(profile, { env: opts.env, cwd: opts.cwd, configPath: opts.configPath });
  const session = new LlmSession(resolved, { store: opts.store, signal: opts.signal, log: opts.log });
  const proposals = await new LlmExplainer(session, opts.count ?? 6, opts.log).proposeLaws(evidenceContext(evidence, opts.description));
  // Tables have no observation order to speak of, so laws needing history variables are left out.
  const laws = proposals.filter((p) => !p.derived || Object.keys(p.derived).length === 0).map((p) => p.law);
  return { laws, stats: session.stats() };
}
