/** Output files of a design run: FASTA of designs and controls, and an offline HTML report with SVG charts. */
import type { DesignOutcome, DesignRecord, DesignGoal } from "./design.js";
import { HISTORY_POINTS } from "./force-model.js";
import { svgLineChart, type PlotSeries } from "./svg-plot.js";

const COLORS = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];

/** FASTA text of the designs (then the controls), with their scores in the headers. */
export function toFasta(outcome: DesignOutcome): string {
  const line = (r: DesignRecord, name: string) => {
    const p = r.predicted;
    const what = "fmax" in p ? `fmax=${p.fmax.toFixed(1)}pN energy=${p.energy.toFixed(0)}pN*nm` : `r2=${p.r2.map((v) => v.toFixed(3)).join(",")}`;
    const wrapped = r.sequence.match(/.{1,60}/g)!.join("\n");
    return `>${name} error=${r.error.toFixed(4)} ${what} identity=${r.identity.toFixed(3)} novelty=${r.novelty.toFixed(3)}\n${wrapped}\n`;
  };
  return outcome.designs.map((r, i) => line(r, `design_${i + 1}`)).join("") + outcome.controls.map((r, i) => line(r, `control_${i + 1}`)).join("");
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function table(records: DesignRecord[], kind: string): string {
  const rows = records.map((r, i) => {
    const p = r.predicted;
    const s = r.spread;
    const pred = "fmax" in p && "fmax" in s
      ? `${p.fmax.toFixed(1)} ± ${s.fmax.toFixed(1)} pN; ${p.energy.toFixed(0)} ± ${s.energy.toFixed(0)} pN·nm`
      : "r2" in p && "r2" in s ? p.r2.map((v, k) => `${v.toFixed(3)} ± ${s.r2[k].toFixed(3)}`).join("; ") : "";
    return `<tr><td>${kind} ${i + 1}</td><td><code>${esc(r.sequence)}</code></td><td>${r.error.toFixed(4)}</td><td>${pred}</td><td>${r.identity.toFixed(3)}${r.nearest ? ` (${esc(r.nearest)})` : ""}</td><td>${r.novelty.toFixed(3)}</td></tr>`;
  });
  return rows.join("\n");
}

/** The HTML report: target versus achieved curves, and the tables of designs and controls. */
export function designReportHtml(goal: DesignGoal, outcome: DesignOutcome, meta: { command: string; seconds: number; predictor: string }): string {
  const charts: string[] = [];
  if (goal.kind === "force") {
    const x = Array.from({ length: HISTORY_POINTS }, (_, k) => (k + 0.5) / HISTORY_POINTS);
    const series: PlotSeries[] = [];
    if (goal.target.historyForce) series.push({ label: "target", x, y: goal.target.historyForce, color: "#d62728", dashed: true });
    else series.push({ label: `target fmax ${goal.target.fmax} pN`, x: [0, 1], y: [goal.target.fmax, goal.target.fmax], color: "#d62728", dashed: true });
    outcome.designs.slice(0, 3).forEach((r, i) => {
      const p = r.predicted;
      if ("fmax" in p) series.push({ label: `design ${i + 1}`, x, y: p.history.map((h) => h * p.fmax), color: COLORS[i] });
    });
    outcome.controls.slice(0, 1).forEach((r) => {
      const p = r.predicted;
      if ("fmax" in p) series.push({ label: "control 1", x, y: p.history.map((h) => h * p.fmax), color: "#999" });
    });
    charts.push(svgLineChart({ title: "Force history: target vs designs (replica mean)", xlabel: "extension / final extension", ylabel: "mean force in bin (pN)", series }));
  } else {
    goal.target.modes.forEach((m, k) => {
      const x = m.map((_, i) => i + 1);
      const series: PlotSeries[] = [{ label: "target", x, y: m, color: "#d62728", dashed: true }];
      outcome.designs.slice(0, 2).forEach((r, i) => {
        const p = r.predicted;
        if ("modes" in p) series.push({ label: `design ${i + 1} (R² ${p.r2[k].toFixed(2)})`, x, y: p.modes[k], color: COLORS[i] });
      });
      charts.push(svgLineChart({ title: `Mode ${k + 1}: per-residue amplitude`, xlabel: "residue", ylabel: "amplitude (max = 1)", series, height: 240 }));
    });
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>worldbreaker design report</title>
<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}code{word-break:break-all}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}</style></head>
<body>
<h1>Design report (${goal.kind})</h1>
<p><code>${esc(meta.command)}</code><br>predictor: ${esc(meta.predictor)}<br>${outcome.evaluations} forward evaluations, ${meta.seconds.toFixed(1)} s${outcome.interrupted ? " (interrupted: best so far)" : ""}</p>
${charts.join("\n")}
<h2>Designs (best first) and controls</h2>
<p>Error and predictions are means over verification replicas (± standard deviation). Identity is the highest sequence identity (0–1) to a natural sequence (which one in brackets); novelty is 1 − identity (1: shares nothing with any natural sequence).</p>
<table><tr><th></th><th>sequence</th><th>error</th><th>${goal.kind === "force" ? "fmax; energy" : "R² per mode"}</th><th>identity to nearest natural</th><th>novelty</th></tr>
${table(outcome.designs, "design")}
${table(outcome.controls, "control")}
</table>
</body></html>
`;
}
