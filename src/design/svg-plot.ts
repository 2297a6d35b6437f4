/** A dependency-free SVG line chart for offline reports (no scripts, no external assets). */

/** One line of a chart. */
export interface PlotSeries {
  /** Legend label. */
  label: string;
  /** x values. */
  x: number[];
  /** y values. */
  y: number[];
  /** CSS colour. */
  color: string;
  /** Dashed line (targets). */
  dashed?: boolean;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Renders series as an SVG line chart with axes, ticks and a legend. */
export function svgLineChart(opts: { title: string; xlabel: string; ylabel: string; series: PlotSeries[]; width?: number; height?: number }): string {
  const W = opts.width ?? 640, H = opts.height ?? 320;
  const m = { l: 60, r: 16, t: 28, b: 44 };
  const xs = opts.series.flatMap((s) => s.x).filter(Number.isFinite);
  const ys = opts.series.flatMap((s) => s.y).filter(Number.isFinite);
  const x0 = Math.min(0, ...xs), x1 = Math.max(...xs, x0 + 1);
  const y0 = Math.min(0, ...ys), y1 = Math.max(...ys, y0 + 1e-9) * 1.05;
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`];
  parts.push(`<text x="${W / 2}" y="16" text-anchor="middle" font-size="13">${esc(opts.title)}</text>`);
  parts.push(`<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#333"/><line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#333"/>`);
  for (const t of ticks(x0, x1)) parts.push(`<text x="${sx(t).toFixed(1)}" y="${H - m.b + 14}" text-anchor="middle">${t}</text>`);
  for (const t of ticks(y0, y1)) parts.push(`<text x="${m.l - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${t}</text><line x1="${m.l}" x2="${W - m.r}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" stroke="#eee"/>`);
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">${esc(opts.xlabel)}</text>`);
  parts.push(`<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(opts.ylabel)}</text>`);
  const legendWidth = 8 + 6.5 * Math.max(0, ...opts.series.map((s) => s.label.length));
  opts.series.forEach((s) => {
    const pts = s.x.map((x, i) => `${sx(x).toFixed(1)},${sy(s.y[i]).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="${s.dashed ? 2.5 : 1.5}"${s.dashed ? ' stroke-dasharray="6 4"' : ""} points="${pts}"/>`);
  });
  parts.push(`<rect x="${W - m.r - legendWidth}" y="${m.t}" width="${legendWidth}" height="${13 * opts.series.length + 6}" fill="white" fill-opacity="0.85"/>`);
  opts.series.forEach((s, k) => parts.push(`<text x="${W - m.r - 4}" y="${m.t + 12 + 13 * k}" text-anchor="end" fill="${s.color}">${esc(s.label)}</text>`));
  parts.push("</svg>");
  return parts.join("");
}
