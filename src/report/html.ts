import katex from "katex";
import { fmt } from "../discover/sentence.js";
import type { ReportData, ReportRound } from "./types.js";
import { exchangesHtml } from "./exchanges.js";
import { katexCss } from "./katex-assets.js";
import { bitsSvg, scatterSvg, type Series } from "./svg.js";

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

/** The input a round's chart is drawn against: the first one that varies in its data. */
function axisInput(round: ReportRound, inputs: string[]): string | undefined {
  for (const name of inputs) {
    const vals = new Set(round.points.map((p) => p.inputs[name]));
    if (vals.size > 2) return name;
  }
  return inputs[0];
}

function roundChart(data: ReportData, round: ReportRound): string {
  const inputs = data.info.inputs.map((s) => s.name);
  const x = axisInput(round, inputs);
  if (!x || round.points.length === 0) return "";
  const r = round.record.round;
  const earlier = round.points.filter((p) => p.round < r);
  const now = round.points.filter((p) => p.round === r);
  const series: Series[] = [];
  if (earlier.length > 0) series.push({ label: "earlier evidence", xs: earlier.map((p) => p.inputs[x]), ys: earlier.map((p) => p.observed), color: "#8a8a8a", mark: "dot" });
  series.push({
    label: r === 0 ? "initial evidence" : "this round (Breaker)",
    xs: now.map((p) => p.inputs[x]),
    ys: now.map((p) => p.observed),
    color: r === 0 ? "#2c6fad" : "#c0392b",
    mark: r === 0 ? "dot" : "cross",
  });
  series.push({ label: "law's prediction", xs: round.points.map((p) => p.inputs[x]), ys: round.points.map((p) => p.predicted), color: "#1e8449", mark: "ring" });
  const unit = data.info.inputs.find((s) => s.name === x)?.unit;
  const yUnit = data.info.output.unit;
  return scatterSvg(series, unit ? `${x} (${unit})` : x, yUnit && yUnit !== "1" ? `${data.info.output.name} (${yUnit})` : data.info.output.name, `round ${r}`);
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}h3{margin-bottom:.3em}
.meta{color:#555}.law{overflow-x:auto;padding:.3em 0}.chart{width:100%;max-width:720px;height:auto;display:block}
table{border-collapse:collapse;font-size:.92em}td,th{border:1px solid #ddd;padding:.25em .55em;text-align:right}th{background:#f4f4f4}
td.l,th.l{text-align:left}.break{background:#fdecea;border-left:4px solid #c0392b;padding:.5em .8em;margin:.5em 0}
.ok{background:#eef6ee;border-left:4px solid #1e8449;padding:.5em .8em}code{font-size:.9em;word-break:break-all}
.round{border-top:1px dashed #ccc;padding-top:.5em;margin-top:1.2em}`;

/** The whole self-contained report page. */
export function reportHtml(data: ReportData): string {
  const { run, info } = data;
  const last = data.rounds.at(-1);
  const first = data.rounds[0];
  const fals = last?.state.falsification ?? null;
  const breaks = data.rounds.filter((r) => r.record.break);
  const summary: string[] = [];
  if (first && last) {
    summary.push(`<p>Started from ${first.state.currentSource === "received" ? "the received theory" : "the law explained from the first data"} and ended, after ${last.record.round} round${last.record.round === 1 ? "" : "s"} and ${last.record.queries} observations, at</p>`);
    summary.push(`<div class="law">${math(last.latex)}</div><p><code>${esc(last.record.law)}</code></p>`);
    if (Object.keys(last.state.current.derived).length > 0) {
      summary.push(`<p>with derived variables ${Object.entries(last.state.current.derived).map(([k, v]) => `<code>${esc(k)} = ${esc(v)}</code>`).join(", ")} (over the order of observations).</p>`);
    }
    summary.push(`<p>${fmt(last.record.bits)} bits, R² = ${last.record.r2.toFixed(5)}; ${breaks.length} break${breaks.length === 1 ? "" : "s"}.</p>`);
    if (info.receivedTheory) {
      summary.push(
        fals
          ? `<p class="break">The received theory <code>${esc(info.receivedTheory)}</code> was falsified in round ${fals.round}, after ${fals.queries} observations: the new observations contradict it by ${fmt(fals.gainBits)} bits of evidence (noise alone would misfit this badly with a chance of 2<sup>−${fmt(fals.gainBits)}</sup>). The best law at that point: <code>${esc(fals.law)}</code>.</p>`
          : `<p class="ok">The received theory <code>${esc(info.receivedTheory)}</code> was not falsified in this run.</p>`,
      );
    }
  } else summary.push(`<p>This run has no finished round yet.</p>`);
  const table = [
    `<table><tr><th>round</th><th>experiments</th><th>observations</th><th class="l">law</th><th>bits</th><th>R²</th><th class="l">break</th><th>received theory (bits)</th></tr>`,
    ...data.rounds.map(({ record: r }) =>
      `<tr><td>${r.round}</td><td>${r.experiments}</td><td>${r.queries}</td><td class="l"><code>${esc(r.law)}</code></td><td>${fmt(r.bits)}</td><td>${r.r2.toFixed(4)}</td><td class="l">${r.break ? `${r.break.type} (−${fmt(r.break.gainBits)} bits)` : ""}</td><td>${r.receivedBits !== undefined ? fmt(r.receivedBits) : ""}</td></tr>`,
    ),
    `</table>`,
  ].join("\n");
  const rounds = data.rounds.map((round) => {
    const r = round.record;
    const strategies = Object.entries(r.strategies).map(([k, v]) => `${k} ${v}`).join(", ");
    const parts = [
      `<div class="round"><h3>Round ${r.round}</h3>`,
      `<p class="meta">${r.experiments} experiment${r.experiments === 1 ? "" : "s"}${strategies ? ` (${esc(strategies)})` : ""}; ${r.queries} observations in all; ${fmt(r.bits)} bits (law ${fmt(r.bitsDetail.model)} + data ${fmt(r.bitsDetail.data)}), R² = ${r.r2.toFixed(5)}; ${r.seconds.toFixed(1)} s.</p>`,
      `<div class="law">${math(round.latex)}</div>`,
    ];
    if (r.break) parts.push(`<p class="break"><b>Break (${r.break.type}).</b> ${esc(r.sentence ?? "")}</p>`);
    else if (r.challenger) parts.push(`<p class="meta">Rejected challenger: <code>${esc(r.challenger.law)}</code> (${fmt(r.challenger.bits)} bits — not enough shorter).</p>`);
    if (r.falsifiedReceived && fals) parts.push(`<p class="break">This round falsified the received theory (${fmt(fals.gainBits)} bits of evidence against it).</p>`);
    parts.push(roundChart(data, round), `</div>`);
    return parts.join("\n");
  });
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
<h2>Description length per round</h2>
${bitsSvg(data.rounds.map(({ record: r }) => ({ round: r.round, bits: r.bits, isBreak: r.break !== null, received: r.receivedBits })))}
${table}
<h2>Rounds</h2>
<p class="meta">Each chart shows the observations up to that round against ${esc(data.info.inputs.map((s) => s.name).join(", "))} (the first varying input on the axis), the experiments the Breaker chose that round (red ×) and the round's law evaluated at every observation (green rings).</p>
${rounds.join("\n")}
${exchangesHtml(data)}
</body></html>
`;
}
