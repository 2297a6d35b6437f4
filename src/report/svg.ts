/**
 * Small inline-SVG charts for reports: no scripts, no external files, readable when printed.
 */

/** A point series of a scatter chart. */
export interface Series {
  label: string;
  xs: number[];
  ys: number[];
  color: string;
  /** `dot` filled circle, `ring` open circle, `cross` an ×, `line` joined in x order. */
  mark: "dot" | "ring" | "cross" | "line";
}

const W = 640;
const H = 300;
const PAD = { l: 64, r: 16, t: 16, b: 44 };

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const step0 = (hi - lo) / n;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

function tickText(t: number): string {
  const a = Math.abs(t);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? t.toExponential(1) : String(Number(t.toPrecision(4)));
}

/** Options of a scatter chart. */
export interface ScatterOptions {
  title?: string;
  /** Logarithmic axes (only honoured when every value on that axis is positive). */
  logX?: boolean;
  logY?: boolean;
  /** Draws the line y = x (for predicted against measured). */
  diagonal?: boolean;
  /** Draws the line y = 0 (for residuals). */
  zeroLine?: boolean;
}

/** Whether positive data span at least two decades, where a logarithmic axis reads better. */
export function spansDecades(values: readonly number[]): boolean {
  const fin = values.filter((v) => Number.isFinite(v));
  if (fin.length < 2 || fin.some((v) => v <= 0)) return false;
  return Math.max(...fin) / Math.min(...fin) >= 100;
}

function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(lo - 1e-9); e <= hi + 1e-9; e++) out.push(e);
  return out;
}

/** A scatter chart of several series with axes, ticks and a legend below the plot, outside the data. */
export function scatterSvg(series: Series[], xLabel: string, yLabel: string, titleOrOpts?: string | ScatterOptions): string {
  const opts: ScatterOptions = typeof titleOrOpts === "string" ? { title: titleOrOpts } : (titleOrOpts ?? {});
  const xsRaw = series.flatMap((s) => s.xs).filter(Number.isFinite);
  const ysRaw = series.flatMap((s) => s.ys).filter(Number.isFinite);
  const logX = opts.logX === true && xsRaw.length > 0 && xsRaw.every((v) => v > 0);
  const logY = opts.logY === true && ysRaw.length > 0 && ysRaw.every((v) => v > 0);
  const tx = (v: number) => (logX ? Math.log10(v) : v);
  const ty = (v: number) => (logY ? Math.log10(v) : v);
  const xsAll = xsRaw.map(tx).filter(Number.isFinite);
  const ysAll = ysRaw.map(ty).filter(Number.isFinite);
  if (xsAll.length === 0 || ysAll.length === 0) return `<svg viewBox="0 0 ${W} 40" class="chart"><text x="10" y="24">no finite data to plot</text></svg>`;
  let [x0, x1] = [Math.min(...xsAll), Math.max(...xsAll)];
  let [y0, y1] = [Math.min(...ysAll), Math.max(...ysAll)];
  if (opts.diagonal) [x0, x1, y0, y1] = [Math.min(x0, y0), Math.max(x1, y1), Math.min(x0, y0), Math.max(x1, y1)];
  if (opts.zeroLine && !logY) [y0, y1] = [Math.min(y0, 0), Math.max(y1, 0)];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const ypad = (y1 - y0) * 0.05;
  y0 -= ypad;
  y1 += ypad;
  // The legend sits in its own rows under the axis label, never over the data.
  const legendRows = Math.ceil(series.reduce((n, s) => n + 24 + s.label.length * 6.2, 0) / (W - PAD.l - PAD.r)) + 1;
  const height = H + legendRows * 16 + 4;
  const sx = (x: number) => PAD.l + ((x - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const sy = (y: number) => H - PAD.b - ((y - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const parts: string[] = [];
  parts.push(`<rect x="${PAD.l}" y="${PAD.t}" width="${W - PAD.l - PAD.r}" height="${H - PAD.t - PAD.b}" fill="#fff" stroke="#999"/>`);
  const label = (t: number, log: boolean) => (log ? tickText(10 ** t) : tickText(t));
  for (const t of logX ? logTicks(x0, x1) : niceTicks(x0, x1)) {
    parts.push(`<line x1="${sx(t)}" y1="${H - PAD.b}" x2="${sx(t)}" y2="${H - PAD.b + 4}" stroke="#666"/><text x="${sx(t)}" y="${H - PAD.b + 16}" text-anchor="middle">${label(t, logX)}</text>`);
  }
  for (const t of logY ? logTicks(y0, y1) : niceTicks(y0, y1)) {
    parts.push(`<line x1="${PAD.l - 4}" y1="${sy(t)}" x2="${PAD.l}" y2="${sy(t)}" stroke="#666"/><text x="${PAD.l - 6}" y="${sy(t) + 4}" text-anchor="end">${label(t, logY)}</text>`);
  }
  parts.push(`<text x="${(PAD.l + W - PAD.r) / 2}" y="${H - 10}" text-anchor="middle">${esc(xLabel)}${logX ? " (log scale)" : ""}</text>`);
  parts.push(`<text x="14" y="${(PAD.t + H - PAD.b) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(PAD.t + H - PAD.b) / 2})">${esc(yLabel)}${logY ? " (log scale)" : ""}</text>`);
  if (opts.diagonal) {
    const a = Math.max(x0, y0);
    const b = Math.min(x1, y1);
    if (b > a) parts.push(`<line class="diagonal" x1="${sx(a)}" y1="${sy(a)}" x2="${sx(b)}" y2="${sy(b)}" stroke="#888" stroke-dasharray="5 3"><title>y = x: a perfect prediction</title></line>`);
  }
  if (opts.zeroLine && !logY && y0 < 0 && y1 > 0) parts.push(`<line x1="${PAD.l}" y1="${sy(0)}" x2="${W - PAD.r}" y2="${sy(0)}" stroke="#888" stroke-dasharray="5 3"/>`);
  const clipY = (y: number) => Math.min(H - PAD.b, Math.max(PAD.t, sy(y)));
  for (const s of series) {
    const pts = s.xs.map((x, i) => [tx(x), ty(s.ys[i])] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (s.mark === "line") {
      const sorted = [...pts].sort((a, b) => a[0] - b[0]);
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${sorted.map(([x, y]) => `${sx(x).toFixed(1)},${clipY(y).toFixed(1)}`).join(" ")}"/>`);
      continue;
    }
    for (const [x, y] of pts) {
      const cx = sx(x).toFixed(1);
      const cy = clipY(y).toFixed(1);
      if (s.mark === "dot") parts.push(`<circle cx="${cx}" cy="${cy}" r="2.6" fill="${s.color}"/>`);
      else if (s.mark === "ring") parts.push(`<circle cx="${cx}" cy="${cy}" r="3.2" fill="none" stroke="${s.color}"/>`);
      else parts.push(`<path d="M${Number(cx) - 3},${Number(cy) - 3}l6,6m0,-6l-6,6" stroke="${s.color}" stroke-width="1.6"/>`);
    }
  }
  // Legend entries flow left to right, each as wide as its label, wrapping to a new row when full.
  let lx = PAD.l;
  let row = 0;
  series.forEach((s) => {
    const w = 24 + s.label.length * 6.2;
    if (lx + w > W - PAD.r && lx > PAD.l) {
      lx = PAD.l;
      row++;
    }
    const y = H + 8 + row * 16;
    const x = lx;
    lx += w;
    parts.push(`<circle cx="${x}" cy="${y - 4}" r="4" fill="${s.mark === "ring" ? "none" : s.color}" stroke="${s.color}"/><text x="${x + 9}" y="${y}">${esc(s.label)}</text>`);
  });
  const head = opts.title ? `<title>${esc(opts.title)}</title>` : "";
  return `<svg viewBox="0 0 ${W} ${height}" class="chart" role="img" xmlns="http://www.w3.org/2000/svg" font-size="11" font-family="sans-serif">${head}${parts.join("")}</svg>`;
}

/** A bar chart of bits per round, breaks in red. */
export function bitsSvg(rounds: Array<{ round: number; bits: number; isBreak: boolean; received?: number }>): string {
  const finite = rounds.filter((r) => Number.isFinite(r.bits));
  if (finite.length === 0) return "";
  const all = finite.flatMap((r) => [r.bits, ...(r.received !== undefined && Number.isFinite(r.received) ? [r.received] : [])]);
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all);
  const bw = (W - PAD.l - PAD.r) / Math.max(1, rounds.length);
  const sy = (y: number) => H - PAD.b - ((y - lo) / (hi - lo || 1)) * (H - PAD.t - PAD.b);
  const parts: string[] = [];
  for (const t of niceTicks(lo, hi)) parts.push(`<line x1="${PAD.l}" y1="${sy(t)}" x2="${W - PAD.r}" y2="${sy(t)}" stroke="#eee"/><text x="${PAD.l - 6}" y="${sy(t) + 4}" text-anchor="end">${tickText(t)}</text>`);
  rounds.forEach((r, i) => {
    const x = PAD.l + i * bw;
    if (Number.isFinite(r.bits)) parts.push(`<rect x="${x + bw * 0.15}" y="${sy(Math.max(r.bits, lo))}" width="${bw * 0.7}" height="${Math.max(0, sy(lo) - sy(r.bits))}" fill="${r.isBreak ? "#c0392b" : "#2c6fad"}"><title>round ${r.round}: ${r.bits.toFixed(1)} bits</title></rect>`);
    if (r.received !== undefined && Number.isFinite(r.received)) parts.push(`<path d="M${x + bw * 0.1},${sy(r.received)}h${bw * 0.8}" stroke="#555" stroke-dasharray="4 2" stroke-width="2"><title>received theory: ${r.received.toFixed(1)} bits</title></path>`);
    parts.push(`<text x="${x + bw / 2}" y="${H - PAD.b + 16}" text-anchor="middle">${r.round}</text>`);
  });
  parts.push(`<text x="${(PAD.l + W - PAD.r) / 2}" y="${H - 6}" text-anchor="middle">round (red: a break; dashed: the received theory refitted)</text>`);
  parts.push(`<text x="14" y="${(PAD.t + H - PAD.b) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(PAD.t + H - PAD.b) / 2})">description length (bits)</text>`);
  return `<svg viewBox="0 0 ${W} ${H}" class="chart" role="img" xmlns="http://www.w3.org/2000/svg" font-size="11" font-family="sans-serif">${parts.join("")}</svg>`;
}
