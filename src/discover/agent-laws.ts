import { derivedName, formatDerived, parseDerived } from "../core/derived.js";
import type { Evidence } from "../core/evidence.js";
import { WorldbreakerError } from "../errors.js";
import { mapExpr, v, variablesOf, type Expr } from "../expr/index.js";
import type { WorldInfo } from "../worlds/world.js";
import type { AgentContext, Agents, LawProposal } from "./agents.js";
import { stopsRun } from "./agents.js";
import { ProposalError } from "./errors.js";
import type { RunEvent } from "./events.js";
import { parseLaw } from "./laws.js";

/**
 * Law proposals from agents (language models or anything else), made usable by the loop: reviewed by the
 * critic, their derived variables parsed by our own history-variable parser and named canonically, their
 * text parsed by our expression parser. Nothing here scores a law: the gate does that, on evidence that
 * includes the proposed derived columns.
 */

/** A proposal that survived review and parsing, ready to be fitted and scored. */
export interface UsableProposal {
  /** The text the agent proposed (for events). */
  text: string;
  /** The law over evidence variables and the derived variables it needs (canonical names). */
  expr: Expr;
  /** Derived variables the law uses: name → canonical definition. */
  derived: Record<string, string>;
}

/** What the loop tells `collectProposals` about the run at this moment. */
export interface ProposalEnv {
  runId: string;
  round: number;
  info: WorldInfo;
  agents?: Agents;
  emit: (e: RunEvent) => void;
  /** The run's derived vocabulary right now (name → definition). */
  derivedDefs: Record<string, string>;
  /** False when the run was started with `--derived off`: proposals needing history variables are refused. */
  derivedAllowed: boolean;
}

/** Proposals to score, and the derived definitions they need that the run does not compute yet. */
export interface CollectedProposals {
  usable: UsableProposal[];
  /** New derived columns (name → definition) to add to the evidence before scoring. */
  extra: Record<string, string>;
}

/** Most proposals considered per round (a runaway agent must not stall the loop). */
const MAX_PROPOSALS = 16;

/**
 * Asks the Explainer agent for laws and prepares them. An agent error is an event and no proposals,
 * unless it must stop the run (a replay miss), which is rethrown.
 */
export async function collectProposals(env: ProposalEnv, ctx: AgentContext, currentBits: number, evidence: Evidence): Promise<CollectedProposals> {
  const agent = env.agents?.explainer;
  const out: CollectedProposals = { usable: [], extra: {} };
  if (!agent) return out;
  let proposals: LawProposal[];
  try {
    proposals = await agent.proposeLaws(ctx);
  } catch (err) {
    // An agent is code outside the loop (see agents.ts): its failure is a warning, unless it must stop the run.
    if (stopsRun(err)) throw err;
    env.emit({ type: "warning", runId: env.runId, round: env.round, message: `Explainer agent failed: ${(err as Error).message}` });
    return out;
  }
  const reject = (law: string, reason: string) => env.emit({ type: "law_rejected", runId: env.runId, round: env.round, law, bits: NaN, currentBits, reason });
  for (const p of proposals.slice(0, MAX_PROPOSALS)) {
    if (env.agents?.critic) {
      let verdict;
      try {
        verdict = await env.agents.critic.review(p, ctx);
      } catch (err) {
        // The critic is an agent too: whatever it throws rejects this proposal only, unless it must stop the run.
        if (stopsRun(err)) throw err;
        reject(p.law, `unusable proposal: ${err instanceof WorldbreakerError ? err.message : String(err)}`);
        continue;
      }
      if (!verdict.ok) {
        reject(p.law, `critic: ${verdict.issues.join("; ")}`);
        continue;
      }
    }
    let prepared;
    try {
      prepared = prepareProposal(p, env, evidence, out.extra);
    } catch (err) {
      // Our parsers' verdicts on the proposal (ParseError, DerivedVariableError, ProposalError); anything else is a bug.
      if (!(err instanceof WorldbreakerError)) throw err;
      reject(p.law, `unusable proposal: ${err.message}`);
      continue;
    }
    Object.assign(out.extra, prepared.extra);
    out.usable.push(prepared.usable);
  }
  return out;
}

/**
 * Parses one proposal. Its derived definitions are parsed safely and renamed canonically
 * (`strain_max = cummax(strain)` becomes `cummax_strain`), reusing a column the run already computes under
 * another name. Throws ProposalError (or the parsers' ParseError, DerivedVariableError) naming the problem.
 */
export function prepareProposal(
  p: LawProposal,
  env: Pick<ProposalEnv, "info" | "derivedDefs" | "derivedAllowed">,
  evidence: Evidence,
  pendingExtra: Record<string, string> = {},
): { usable: UsableProposal; extra: Record<string, string> } {
  const inputs = env.info.inputs.map((s) => s.name);
  const known: Record<string, string> = { ...env.derivedDefs, ...pendingExtra };
  const byDefinition = new Map(Object.entries(known).map(([name, text]) => [text, name]));
  const rename = new Map<string, string>();
  const extra: Record<string, string> = {};
  for (const [rawName, text] of Object.entries(p.derived ?? {})) {
    const name = rawName.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ProposalError(`derived variable name '${name}' is not a plain identifier`);
    if (inputs.includes(name) || name === env.info.output.name) throw new ProposalError(`derived variable name '${name}' clashes with an input or the observable`);
    const def = formatDerived(parseDerived(text, inputs));
    const existing = byDefinition.get(def);
    const target = existing ?? derivedName(parseDerived(def, inputs));
    if (existing === undefined) {
      if (known[target] !== undefined && known[target] !== def) throw new ProposalError(`derived variable '${target}' is already defined as ${known[target]}`);
      extra[target] = def;
    }
    rename.set(name, target);
  }
  let expr = parseLaw(p.law, [...evidence.variables, ...rename.keys()]);
  expr = mapExpr(expr, (n) => (n.kind === "var" && rename.has(n.name) ? v(rename.get(n.name)!) : n));
  const derived: Record<string, string> = {};
  const neededExtra: Record<string, string> = {};
  for (const name of variablesOf(expr)) {
    if (inputs.includes(name)) continue;
    const def = extra[name] ?? known[name];
    if (def === undefined) continue;
    derived[name] = def;
    if (extra[name] !== undefined) neededExtra[name] = def;
  }
  if (Object.keys(derived).length > 0 && !env.derivedAllowed) throw new ProposalError(`it needs derived variables (${Object.entries(derived).map(([k, d]) => `${k} = ${d}`).join(", ")}), which are off in this run (--derived off)`);
  if (variablesOf(expr).length === 0) throw new ProposalError("it uses no input or derived variable");
  return { usable: { text: p.law, expr, derived }, extra: neededExtra };
}
