/** A linear map from a data range onto pixels. */
export interface Scale {
  (v: number): number;
  domain: [number, number];
  ticks: number[];
}

/** Round tick values covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  const span = hi - lo;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const norm = step0 / mag;
  const step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/** A scale from the extent of `values` (padded a little) onto [p0, p1]. */
export function linearScale(values: number[], p0: number, p1: number, includeZero = false): Scale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) {
    lo = 0;
    hi = 1;
  }
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  const f = ((v: number) => p0 + ((v - lo) / (hi - lo)) * (p1 - p0)) as Scale;
  f.domain = [lo, hi];
  f.ticks = niceTicks(lo, hi);
  return f;
}

/** Whether positive values span at least two decades, where a logarithmic axis reads better. */
export function spansDecades(values: number[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v <= 0) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo < hi && hi / lo >= 100;
}

/** A logarithmic scale from the extent of positive `values` onto [p0, p1], ticks at powers of ten. */
export function logScale(values: number[], p0: number, p1: number): Scale {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.log10);
  const inner = linearScale(logs, p0, p1);
  const f = ((v: number) => (v > 0 ? inner(Math.log10(v)) : NaN)) as Scale;
  f.domain = [10 ** inner.domain[0], 10 ** inner.domain[1]];
  const ticks: number[] = [];
  for (let e = Math.ceil(inner.domain[0]); e <= Math.floor(inner.domain[1]); e++) ticks.push(10 ** e);
  f.ticks = ticks.length > 0 ? ticks : inner.ticks.map((t) => 10 ** t);
  return f;
}

/** The same scale with ticks on whole numbers only (rounds are counted, never fractional). */
export function wholeTicks(scale: Scale): Scale {
  const [lo, hi] = scale.domain;
  const span = Math.max(1, Math.ceil(hi) - Math.floor(lo));
  const step = Math.max(1, Math.ceil(span / 8));
  const ticks: number[] = [];
  for (let t = Math.ceil(lo); t <= hi; t += step) ticks.push(t);
  scale.ticks = ticks;
  return scale;
}
