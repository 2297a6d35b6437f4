import { parse, ParseError } from "../expr/index.js";
import { structureKey } from "../core/law.js";
import { fmt } from "../discover/sentence.js";
import { checkCandidate, type RawCandidate } from "../llm/roles/law-candidates.js";
import { summarizeExchanges, type ExchangeTotals } from "../llm/provenance.js";
import type { ReportData, ReportExchange, ReportRound } from "./types.js";

/**
 * The report's language-model section: every exchange of the run (role, round, tokens, latency), what
 * it proposed, and what became of it — a law adopted by the gate or not, experiments run or not, a
 * critic's verdict. Pure: reads the journaled exchanges and rounds, writes HTML.
 */

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function parsedResponse(e: ReportExchange): Record<string, unknown> | undefined {
  if (typeof e.response !== "string") return undefined;
  try {
    const v = JSON.parse(e.response) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return undefined;
  }
}

/** What became of one proposed law in its round: compared by structure with the law the round ended at. */
function lawOutcome(raw: RawCandidate, data: ReportData, round: ReportRound | undefined): string {
  const inputs = data.info.inputs.map((s) => s.name);
  const checked = checkCandidate(raw, { inputs, output: data.info.output.name, available: round?.state.current.derived ?? {} });
  if (!checked.ok) return `unusable (${checked.reason})`;
  if (!round) return "round not finished";
  const cur = round.state.current;
  try {
    const expr = parse(checked.proposal.law, { variables: [...inputs, ...Object.keys(checked.proposal.derived ?? {}), ...Object.keys(cur.derived)] });
    if (structureKey(expr) !== structureKey(cur.expr)) return "not adopted";
    const before = data.rounds.find((r) => r.record.round === round.record.round - 1);
    const changed = !before || structureKey(before.state.current.expr) !== structureKey(cur.expr);
    return changed && round.record.revision ? `<b>adopted</b> (−${fmt(round.record.revision.gainBits)} bits)` : "already the current law";
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return "unusable (does not parse)";
  }
}

function proposalCell(e: ReportExchange, data: ReportData, round: ReportRound | undefined): string {
  if (typeof e.response !== "string") return `<td class="l" colspan="2">no answer: ${esc(e.error ?? "failed")}</td>`;
  const v = parsedResponse(e);
  if (e.verdict === "invalid" || !v) return `<td class="l" colspan="2">invalid answer (a repair or a skip followed)</td>`;
  if (Array.isArray(v.candidates)) {
    const rows = (v.candidates as RawCandidate[]).map((c) => {
      const derived = Array.isArray(c.derived) && c.derived.length > 0 ? ` with ${c.derived.map((d) => `${esc(String(d.name))} = ${esc(String(d.definition))}`).join(", ")}` : "";
      return [`<code>${esc(String(c.law))}</code>${derived}`, lawOutcome({ law: String(c.law), derived: Array.isArray(c.derived) ? c.derived : [], rationale: String(c.rationale ?? "") }, data, round)];
    });
    return `<td class="l">${rows.map((r) => r[0]).join("<br>")}</td><td class="l">${rows.map((r) => r[1]).join("<br>")}</td>`;
  }
  if (Array.isArray(v.experiments)) {
    const exps = v.experiments as { inputs?: Record<string, unknown>; hypothesis?: string }[];
    const text = exps.map((x) => `${esc(Object.entries(x.inputs ?? {}).map(([k, n]) => `${k}=${typeof n === "number" ? fmt(n) : String(n)}`).join(", "))}${x.hypothesis ? ` — <i>${esc(x.hypothesis)}</i>` : ""}`);
    const ran = round?.record.strategies.agent ?? 0;
    return `<td class="l">${text.join("<br>")}</td><td class="l">${ran} of ${exps.length} run (clipped into the world's range)</td>`;
  }
  if (typeof v.physicallyPlausible === "boolean") {
    const ok = v.physicallyPlausible === true && v.unitsConsistent === true;
    const issues = Array.isArray(v.issues) && v.issues.length > 0 ? `: ${esc(v.issues.map(String).join("; "))}` : "";
    return `<td class="l">review</td><td class="l">${ok ? "passed" : "refused"}${issues}</td>`;
  }
  return `<td class="l" colspan="2">answered</td>`;
}

function totalsLine(name: string, t: ExchangeTotals): string {
  return `<tr><td class="l">${esc(name)}</td><td>${t.requests}</td><td>${t.cached}</td><td>${t.ok}</td><td>${t.invalid}</td><td>${t.failed}</td><td>${t.tokens}</td><td>${t.meanLatencyMs.toFixed(0)}</td></tr>`;
}

/** The language-model section of a report, or "" when the run had no exchanges. */
export function exchangesHtml(data: ReportData): string {
  const exchanges = data.exchanges ?? [];
  if (exchanges.length === 0) return "";
  const summary = summarizeExchanges(exchanges);
  const byRound = new Map(data.rounds.map((r) => [r.record.round, r]));
  const rows = exchanges.map((e) => {
    const tokens = Number(e.tokens?.total) || (Number(e.tokens?.prompt) || 0) + (Number(e.tokens?.completion) || 0);
    const latency = e.cached ? "cached" : `${Number(e.latencyMs ?? 0).toFixed(0)} ms`;
    return `<tr><td class="l">${esc(e.role)}</td><td>${e.round ?? 0}</td><td>${tokens}</td><td>${latency}</td>${proposalCell(e, data, byRound.get(e.round ?? 0))}</tr>`;
  });
  return [
    `<h2>Language-model exchanges</h2>`,
    `<p class="meta">Agents only propose: each law was parsed by worldbreaker's own parser, fitted, and adopted only if it lowered the description length; each experiment was clipped into the world's range and answered by the world.</p>`,
    `<table><tr><th class="l">role</th><th>requests</th><th>cached</th><th>usable</th><th>invalid</th><th>failed</th><th>tokens</th><th>mean latency (ms)</th></tr>`,
    ...Object.entries(summary.byRole).map(([role, t]) => totalsLine(role, t)),
    totalsLine("all", summary.total),
    `</table>`,
    `<table><tr><th class="l">role</th><th>round</th><th>tokens</th><th>latency</th><th class="l">proposed</th><th class="l">outcome</th></tr>`,
    ...rows,
    `</table>`,
  ].join("\n");
}
