/**
 * The text every role prompt shares: our law grammar (the command-line contract of DESIGN.md) and a
 * compact description of the world and of the run's current state. Short on purpose — small local
 * models follow short prompts better, and every token counts against the run's budget.
 */
import type { AgentContext } from "../../discover/agents.js";
import type { WorldInfo } from "../../worlds/world.js";

/** The law grammar, stated the way the parser reads it. */
export const GRAMMAR = [
  "A law is one plain infix expression for the observable (right-hand side only, no '='): numbers, input names,",
  "+ - * / ^, parentheses, pi, and the functions sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs min max",
  "(log is natural; min and max take two arguments). Any other name (a, b, k, E, ...) is a constant that will be",
  "fitted to the data: write a name, never a guessed number, for unknown constants.",
].join("\n");

/** How derived (history) variables are written. */
export const DERIVED_RULES = [
  "When the observable depends on the order or history of the observations, define derived variables: a name and a",
  "definition applying cummax, cummin, cumsum, lag or delta to an input (nesting allowed, lag(x, 2) for two steps),",
  'e.g. {"name": "strain_max", "definition": "cummax(strain)"}; then use the name in the law.',
].join("\n");

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(4)).toString());

/** The world: what it is, its inputs with ranges and units, its observable, its stages. */
export function describeWorld(world: WorldInfo): string {
  const lines = [`World: ${world.name} — ${world.description}`, "Inputs:"];
  for (const i of world.inputs) {
    const unit = i.unit ? ` [${i.unit}]` : "";
    const kind = i.kind === "integer" ? ", integer" : "";
    const desc = i.description ? ` — ${i.description}` : "";
    lines.push(`- ${i.name}${unit}: ${fmt(i.min)} to ${fmt(i.max)}${kind}${desc}`);
  }
  const o = world.output;
  lines.push(`Observable: ${o.name}${o.unit ? ` [${o.unit}]` : ""}${o.description ? ` — ${o.description}` : ""}`);
  if (world.stages && world.stages.length > 0) {
    lines.push("Stages (observations arrive in this order):");
    for (const s of world.stages) lines.push(`- ${s.id}${s.label ? ` (${s.label})` : ""}${s.description ? `: ${s.description}` : ""}`);
  }
  if (world.noise) lines.push(`Noise: ${world.noise}`);
  return lines.join("\n");
}

/** The run's state: current law, its bits and fit, the residual diagnosis and a bounded data sample. */
export function describeState(ctx: AgentContext, maxRows = 30): string {
  const lines = [`Round ${ctx.round}. Current law: ${ctx.world.output.name} = ${ctx.law}`];
  if (ctx.derived && Object.keys(ctx.derived).length > 0) {
    lines.push(`  where ${Object.entries(ctx.derived).map(([n, d]) => `${n} = ${d}`).join(", ")}`);
  }
  if (Number.isFinite(ctx.bits)) lines.push(`Description length: ${ctx.bits.toFixed(1)} bits; R^2 = ${Number.isFinite(ctx.r2) ? ctx.r2.toFixed(4) : "n/a"}`);
  if (ctx.residuals.trim() !== "") lines.push(`Where it misses: ${ctx.residuals.trim()}`);
  lines.push(sampleCsv(ctx.sample, maxRows));
  return lines.join("\n");
}

/** A sample of the evidence as CSV, evenly thinned to at most `maxRows` rows (in observation order). */
export function sampleCsv(sample: AgentContext["sample"], maxRows: number): string {
  if (sample.length === 0) return "No observations yet.";
  const cols = Object.keys(sample[0]);
  const step = Math.max(1, Math.ceil(sample.length / maxRows));
  const rows: string[] = [];
  for (let i = 0; i < sample.length; i += step) {
    rows.push(cols.map((c) => cell(sample[i][c])).join(","));
  }
  const note = step > 1 ? ` (every ${step}th of ${sample.length})` : "";
  return `Observations${note}, in order:\n${cols.join(",")}\n${rows.join("\n")}`;
}

function cell(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return fmt(v);
  return /[",\n]/.test(v) ? JSON.stringify(v) : v;
}
