import type { Evidence } from "../core/evidence.js";
import type { LawState } from "../core/law.js";
import { compile, UnknownVariableError } from "../expr/index.js";
import type { WorldInfo } from "../worlds/world.js";
import type { AgentContext } from "./agents.js";
import { fmt } from "./sentence.js";

/** Rows of evidence shown to a proposer (evenly spaced through the run). */
const SAMPLE_ROWS = 40;

/**
 * A short plain-text diagnosis of where the law misses: overall fit, then the largest misses and the
 * longest run of same-sign residuals in observation order — what a scientist would look at first.
 */
export function residualSummary(law: LawState, evidence: Evidence): string {
  const cols = evidence.variables.map((v) => evidence.columns[v]);
  let pred: Float64Array;
  try {
    pred = compile(law.expr, evidence.variables).evaluate(cols, law.params);
  } catch (err) {
    // A law over a derived column this evidence lacks cannot be evaluated here; the agent is told so.
    if (!(err instanceof UnknownVariableError)) throw err;
    return "the law cannot be evaluated on the evidence";
  }
  const n = evidence.target.length;
  const res = Array.from({ length: n }, (_, i) => evidence.target[i] - pred[i]);
  const order = res.map((_, i) => i).sort((a, b) => Math.abs(res[b]) - Math.abs(res[a]));
  const worst = order.slice(0, 3).map((i) => {
    const at = evidence.variables.map((v) => `${v}=${fmt(evidence.columns[v][i])}`).join(" ");
    return `at ${at}: observed ${fmt(evidence.target[i])}, predicted ${fmt(pred[i])}`;
  });
  let longest = 0;
  let runLen = 0;
  for (let i = 0; i < n; i++) {
    runLen = i > 0 && Math.sign(res[i]) === Math.sign(res[i - 1]) ? runLen + 1 : 1;
    longest = Math.max(longest, runLen);
  }
  return [
    `R² = ${fmt(law.r2)}, RMSE = ${fmt(law.rmse)} over ${n} observations.`,
    `Largest misses: ${worst.join("; ")}.`,
    `Longest run of same-sign residuals in observation order: ${longest}.`,
  ].join(" ");
}

/** At most `maxRows` evenly spaced rows of the evidence (inputs and target), in observation order. */
export function evenlySpacedRows(evidence: Evidence, maxRows: number): AgentContext["sample"] {
  const n = evidence.target.length;
  const step = Math.max(1, Math.ceil(n / maxRows));
  const sample: AgentContext["sample"] = [];
  for (let i = 0; i < n; i += step) {
    const row: Record<string, number> = {};
    for (const v of evidence.variables) row[v] = evidence.columns[v][i];
    row[evidence.targetName] = evidence.target[i];
    sample.push(row);
  }
  return sample;
}

/** What a language-model agent sees of the run at this moment. */
export function agentContext(info: WorldInfo, round: number, law: LawState, evidence: Evidence): AgentContext {
  const sample = evenlySpacedRows(evidence, SAMPLE_ROWS);
  return {
    world: info,
    round,
    law: law.law,
    ...(Object.keys(law.derived).length > 0 ? { derived: law.derived } : {}),
    bits: law.bits.total,
    r2: law.r2,
    residuals: residualSummary(law, evidence),
    sample,
  };
}
