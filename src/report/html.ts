import katex from "katex";
import type { ReportData, ReportRound } from "./types.js";
import { exchangesHtml } from "./exchanges.js";
import { katexCss } from "./katex-assets.js";
import { bitsSvg } from "./svg.js";
import { breakMap, finalCharts, roundChart } from "./charts.js";
import { formatConstant, roundLawText, shownConstants } from "../expr/significant.js";
import { sameForm } from "./same-form.js";
import { bitsBreakdown, bitsComparison, falsificationWords, GLOSSARY, nextSteps, roundsPhrase, STRATEGY_WORDS } from "./words.js";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** KaTeX pre-rendered to HTML (no script in the report); a formula KaTeX rejects is shown as text. */
function math(latex: string, display = true): string {
  try {
    return katex.renderToString(latex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" });
  } catch (err) {
    if (!(err instanceof katex.ParseError)) throw err;
    return `<code>${esc(latex)}</code>`;
  }
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}h3{margin-bottom:.3em}
.meta{color:#555}.law{overflow-x:auto;padding:.3em 0}.chart{width:100%;max-width:720px;height:auto;display:block}
table{border-collapse:collapse;font-size:.92em}td,th{border:1px solid #ddd;padding:.25em .55em;text-align:right}th{background:#f4f4f4}
td.l,th.l{text-align:left}.break{background:#fdecea;border-left:4px solid #c0392b;padding:.5em .8em;margin:.5em 0}
.ok{background:#eef6ee;border-left:4px solid #1e8449;padding:.5em .8em}code{font-size:.9em;word-break:break-all}
.round{border-top:1px dashed #ccc;padding-top:.5em;margin-top:1.2em}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.constants{font-size:.95em}dl.glossary dt{font-weight:600;margin-top:.5em}dl.glossary dd{margin-left:1.2em}`;

/** A law as text for reading: constants to 5 significant figures (every digit stays in laws.json). */
function lawText(law: string): string {
  return `<code title="${esc(law)}">${esc(roundLawText(law))}</code>`;
}

/** `2^69` as a superscript power, for HTML. */
function supPowers(text: string): string {
  return text.replace(/2\^(\d+)/g, "2<sup>$1</sup>");
}

/** The constants line under a law, when the fit reported uncertainties or recognised constants. */
function constantsHtml(holder: unknown): string {
  const cs = shownConstants(holder);
  if (cs.length === 0) return "";
  return `<p class="constants">Constants: ${cs.map((c) => esc(formatConstant(c))).join(", ")}.</p>`;
}

function variablesOf(data: ReportData, round: ReportRound): string[] {
  return [...data.info.inputs.map((s) => s.name), ...Object.keys(round.state.current.derived), ...Object.keys(round.state.adoptedDerived ?? {})];
}

/** The whole self-contained report page. */
export function reportHtml(data: ReportData): string {
  const { run, info } = data;
  const last = data.rounds.at(-1);
  const first = data.rounds[0];
  const fals = last?.state.falsification ?? null;
  const breaks = data.rounds.filter((r) => r.record.break);
  const summary: string[] = [];
  if (first && last) {
    const n = last.record.queries;
    summary.push(`<p>Started from ${first.state.currentSource === "received" ? "the received theory" : "the law explained from the first measurements"} and ended, after the first ${first.record.queries} measurements and ${roundsPhrase(last.record.round)} (${n} measurements in all), at</p>`);
    summary.push(`<div class="law">${math(last.displayLatex)}</div>`);
    summary.push(`<p class="meta">As text: ${lawText(last.record.law)} (every digit is in laws.json)</p>`);
    summary.push(constantsHtml(last.state.current) || constantsHtml(last.record));
    if (Object.keys(last.state.current.derived).length > 0) {
      summary.push(`<p>with derived variables ${Object.entries(last.state.current.derived).map(([k, v]) => `<code>${esc(k)} = ${esc(v)}</code>`).join(", ")} (over the order of observations).</p>`);
    }
    summary.push(`<p>Description length: ${bitsBreakdown(last.record.bits, last.record.bitsDetail.model, last.record.bitsDetail.data, n)}. R² = ${last.record.r2.toFixed(5)}; ${breaks.length} break${breaks.length === 1 ? "" : "s"}.</p>`);
    if (info.receivedTheory) {
      summary.push(
        fals
          ? `<p class="break">The received theory <code>${esc(info.receivedTheory)}</code> was falsified in round ${fals.round}, after ${fals.queries} measurements: ${supPowers(falsificationWords(fals.gainBits))}. The best law at that point: ${lawText(fals.law)}.</p>`
          : `<p class="ok">The received theory <code>${esc(info.receivedTheory)}</code> was not falsified in this run.</p>`,
      );
    }
  } else summary.push(`<p>This run has no finished round yet.</p>`);
  const table = [
    `<table><tr><th>round</th><th>experiments</th><th>measurements</th><th class="l">law</th><th>bits</th><th>R²</th><th class="l">break</th><th>received theory (bits)</th></tr>`,
    ...data.rounds.map(({ record: r }) =>
      `<tr><td>${r.round}</td><td>${r.experiments}</td><td>${r.queries}</td><td class="l">${lawText(r.law)}</td><td>${Math.round(r.bits)}</td><td>${r.r2.toFixed(4)}</td><td class="l">${r.break ? `${r.break.type.replace(/_/g, " ")}: ${bitsComparison(r.break.gainBits)}` : ""}</td><td>${r.receivedBits !== undefined ? Math.round(r.receivedBits) : ""}</td></tr>`,
    ),
    `</table>`,
  ].join("\n");
  const rounds = data.rounds.map((round) => {
    const r = round.record;
    const strategies = Object.entries(r.strategies).map(([k, v]) => `<span title="${esc(STRATEGY_WORDS[k] ?? k)}">${esc(k)} ${v}</span>`).join(", ");
    const parts = [
      `<div class="round"><h3>Round ${r.round}</h3>`,
      `<p class="meta">${r.experiments} experiment${r.experiments === 1 ? "" : "s"}${strategies ? ` (${strategies})` : ""}; ${r.queries} measurements in all; ${bitsBreakdown(r.bits, r.bitsDetail.model, r.bitsDetail.data, r.queries)}; R² = ${r.r2.toFixed(5)}; ${r.seconds.toFixed(1)} s.</p>`,
      `<div class="law">${math(round.displayLatex)}</div>`,
      constantsHtml(round.state.current) || constantsHtml(r),
    ];
    if (r.break) {
      parts.push(`<p class="break"><b>Break (${r.break.type.replace(/_/g, " ")}).</b> ${esc(roundLawText(r.sentence ?? ""))}${/bits shorter/.test(r.sentence ?? "") ? "" : ` In bits: ${bitsComparison(r.break.gainBits, r.queries)}.`}</p>`);
      const map = breakMap(data, round);
      if (map) parts.push(`<p class="meta">Where the old law fails: each of the ${r.queries} measurements on the experiment space, red where the old law misses it by more than three noise widths (the new law's typical residual).</p>`, map);
    } else if (r.challenger && !sameForm(r.challenger.law, r.law, variablesOf(data, round))) {
      const diff = r.bits - r.challenger.bits;
      parts.push(
        `<p class="meta">Rejected challenger: ${lawText(r.challenger.law)}, ${diff > 0 ? `only ${Math.round(diff)} bits shorter than the current law on the same ${r.queries} measurements — not enough to replace it` : `${Math.round(-diff)} bits longer than the current law on the same ${r.queries} measurements`}.</p>`,
      );
    }
    if (r.falsifiedReceived && fals) parts.push(`<p class="break">This round falsified the received theory: ${supPowers(falsificationWords(fals.gainBits))}.</p>`);
    parts.push(roundChart(data, round), `</div>`);
    return parts.join("\n");
  });
  const next = last
    ? nextSteps({
        inputs: info.inputs,
        measured: Object.fromEntries(info.inputs.map((s) => [s.name, last.points.map((p) => p.inputs[s.name])])),
        r2: last.record.r2,
        constants: shownConstants(last.state.current).length > 0 ? shownConstants(last.state.current) : shownConstants(last.record),
        ...(info.receivedTheory ? { receivedTheory: info.receivedTheory, falsified: fals !== null } : {}),
        ...worstAt(last),
      })
    : [];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>worldbreaker — ${esc(info.name)} — ${esc(run.id)}</title>
<style>${katexCss()}</style><style>${STYLE}</style></head>
<body>
<h1>worldbreaker: ${esc(info.name)}</h1>
<p class="meta">run <code>${esc(run.id)}</code> · seed ${run.seed} · ${esc(run.status)} · started ${esc(run.createdAt)}${data.result ? ` · ${data.result.seconds.toFixed(1)} s · stopped: ${esc(data.result.stopReason)}` : ""}</p>
<p>${esc(info.description)}</p>
${info.noise || info.noiseModel ? `<p class="meta">Noise: ${esc(info.noise ?? "not described")}${info.noiseModel ? ` · laws fitted and priced for ${esc(info.noiseModel.kind)} noise` : ""}</p>` : ""}
<h2>Outcome</h2>
${summary.join("\n")}
${last ? `<h3>How well the final law predicts</h3>\n${finalCharts(data, last)}` : ""}
${next.length > 0 ? `<h2>What to do next</h2>\n<ul class="next">${next.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : ""}
<h2>Description length per round</h2>
<p class="meta">The bits it takes to write down each round's law and what it leaves unexplained in the measurements of that round. The total grows as measurements pile up; a new law is adopted only when it is shorter than the old one on the same measurements.</p>
${bitsSvg(data.rounds.map(({ record: r }) => ({ round: r.round, bits: r.bits, isBreak: r.break !== null, received: r.receivedBits })))}
${table}
<h2>Rounds</h2>
<p class="meta">Each chart shows the measurements up to that round against ${esc(data.info.inputs.map((s) => s.name).join(", "))} (the first varying input on the axis), the experiments the Breaker chose that round (red ×) and the round's law evaluated at every measurement (green rings).</p>
${rounds.join("\n")}
${exchangesHtml(data)}
<h2>Glossary</h2>
<dl class="glossary">${GLOSSARY.map((g) => `<dt>${esc(g.term)}</dt><dd>${esc(g.text)}</dd>`).join("")}</dl>
</body></html>
`;
}

/** The inputs of the measurement the final law fits worst, for "repeat at higher precision". */
function worstAt(round: ReportRound): { worst?: Record<string, number> } {
  let best = -1;
  let at: Record<string, number> | undefined;
  for (const p of round.points) {
    const miss = Math.abs(p.observed - p.predicted);
    if (Number.isFinite(miss) && miss > best) {
      best = miss;
      at = p.inputs;
    }
  }
  return at ? { worst: at } : {};
}
