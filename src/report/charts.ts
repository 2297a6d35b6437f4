import type { ReportData, ReportRound } from "./types.js";
import { scatterSvg, spansDecades, type Series } from "./svg.js";

/** `name (unit)`, or the name alone for a dimensionless or unknown unit. */
export function withUnit(name: string, unit: string | undefined): string {
  return unit && unit !== "1" ? `${name} (${unit})` : name;
}

/** The input a round's chart is drawn against: the first one that varies in its data. */
export function axisInput(round: ReportRound, inputs: string[], skip?: string): string | undefined {
  for (const name of inputs) {
    if (name === skip) continue;
    const vals = new Set(round.points.map((p) => p.inputs[name]));
    if (vals.size > 2) return name;
  }
  return skip === undefined ? inputs[0] : undefined;
}

function unitOf(data: ReportData, input: string): string | undefined {
  return data.info.inputs.find((s) => s.name === input)?.unit;
}

/** A round's observations against its first varying input, with the round's law at each of them. */
export function roundChart(data: ReportData, round: ReportRound): string {
  const inputs = data.info.inputs.map((s) => s.name);
  const x = axisInput(round, inputs);
  if (!x || round.points.length === 0) return "";
  const r = round.record.round;
  const earlier = round.points.filter((p) => p.round < r);
  const now = round.points.filter((p) => p.round === r);
  const series: Series[] = [];
  if (earlier.length > 0) series.push({ label: "earlier measurements", xs: earlier.map((p) => p.inputs[x]), ys: earlier.map((p) => p.observed), color: "#8a8a8a", mark: "dot" });
  series.push({
    label: r === 0 ? "first measurements" : "this round's experiments",
    xs: now.map((p) => p.inputs[x]),
    ys: now.map((p) => p.observed),
    color: r === 0 ? "#2c6fad" : "#c0392b",
    mark: r === 0 ? "dot" : "cross",
  });
  series.push({ label: "the law's prediction", xs: round.points.map((p) => p.inputs[x]), ys: round.points.map((p) => p.predicted), color: "#1e8449", mark: "ring" });
  const xs = round.points.map((p) => p.inputs[x]);
  const ys = round.points.map((p) => p.observed);
  return scatterSvg(series, withUnit(x, unitOf(data, x)), withUnit(data.info.output.name, data.info.output.unit), { title: `round ${r}`, logX: spansDecades(xs), logY: spansDecades(ys) });
}

/** Where the old law fails in a break round: the experiment space, points it misses coloured. */
export function breakMap(data: ReportData, round: ReportRound): string {
  const pts = round.points.filter((p) => p.oldPredicted !== undefined && Number.isFinite(p.oldPredicted));
  if (pts.length === 0) return "";
  const inputs = data.info.inputs.map((s) => s.name);
  const x = axisInput(round, inputs);
  if (!x) return "";
  const y2 = axisInput(round, inputs, x);
  // The new law's spread of residuals is the yardstick: a miss of more than three of them is a failure.
  const res = pts.map((p) => p.observed - p.predicted);
  const width = Math.sqrt(res.reduce((a, b) => a + b * b, 0) / Math.max(1, res.length)) || 1;
  const fails = (p: (typeof pts)[number]) => Math.abs(p.observed - (p.oldPredicted as number)) > 3 * width;
  const yOf = (p: (typeof pts)[number]) => (y2 ? p.inputs[y2] : p.observed);
  const ok = pts.filter((p) => !fails(p));
  const bad = pts.filter(fails);
  const series: Series[] = [
    { label: "old law holds (within 3 noise widths)", xs: ok.map((p) => p.inputs[x]), ys: ok.map(yOf), color: "#8a8a8a", mark: "dot" },
    { label: "old law fails", xs: bad.map((p) => p.inputs[x]), ys: bad.map(yOf), color: "#c0392b", mark: "cross" },
  ];
  const yLabel = y2 ? withUnit(y2, unitOf(data, y2)) : withUnit(data.info.output.name, data.info.output.unit);
  return scatterSvg(series, withUnit(x, unitOf(data, x)), yLabel, { title: `where the old law fails in round ${round.record.round}`, logX: spansDecades(pts.map((p) => p.inputs[x])) });
}

/** The final law's check: predicted against measured with the line y = x, and the residuals with the output's unit. */
export function finalCharts(data: ReportData, round: ReportRound): string {
  if (round.points.length === 0) return "";
  const out = data.info.output;
  const obs = round.points.map((p) => p.observed);
  const pred = round.points.map((p) => p.predicted);
  const log = spansDecades(obs) && spansDecades(pred);
  const diag = scatterSvg([{ label: "measurements", xs: obs, ys: pred, color: "#2c6fad", mark: "dot" }], withUnit(`measured ${out.name}`, out.unit), withUnit(`predicted ${out.name}`, out.unit), {
    title: "predicted against measured",
    diagonal: true,
    logX: log,
    logY: log,
  });
  const inputs = data.info.inputs.map((s) => s.name);
  const x = axisInput(round, inputs);
  const resid = x
    ? scatterSvg([{ label: "measured minus predicted", xs: round.points.map((p) => p.inputs[x]), ys: round.points.map((p) => p.observed - p.predicted), color: "#8e44ad", mark: "dot" }], withUnit(x, unitOf(data, x)), withUnit(`residual of ${out.name}`, out.unit), {
        title: "residuals",
        zeroLine: true,
        logX: spansDecades(round.points.map((p) => p.inputs[x])),
      })
    : "";
  return `<div class="pair">${diag}${resid}</div>`;
}
