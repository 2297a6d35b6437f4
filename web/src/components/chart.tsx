import { useState } from "react";
import { fmt } from "../format";
import { linearScale, logScale, spansDecades, wholeTicks } from "../scales";

/** One set of points or a line on a chart. */
export interface Series {
  label: string;
  points: Array<{ x: number; y: number }>;
  kind: "points" | "line";
  /** CSS colour class suffix: `data`, `breaker`, `law`, `resid`, `bits`, `accent`. */
  tone: string;
  shape?: "circle" | "diamond" | "cross";
  /** Leave out of the legend (markers that only decorate another series). */
  hideInLegend?: boolean;
}

/** Props of a chart. */
export interface ChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Draw a horizontal line at y = 0 (residual charts). */
  zeroLine?: boolean;
  /** Points that respond to clicks (the Pareto front). */
  onPick?: (seriesIndex: number, pointIndex: number) => void;
  picked?: { series: number; point: number } | null;
  height?: number;
  /** Ticks on whole numbers only along x (rounds). */
  integerX?: boolean;
  /** Draw the line y = x (predicted against measured). */
  diagonal?: boolean;
}

const W = 640;
const M = { left: 64, right: 16, top: 12, bottom: 44 };

function Marker({ x, y, shape, tone }: { x: number; y: number; shape: Series["shape"]; tone: string }) {
  if (shape === "diamond") return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} className={`mark mark-${tone}`} />;
  if (shape === "cross") return <path d={`M${x - 3.5} ${y - 3.5}L${x + 3.5} ${y + 3.5}M${x - 3.5} ${y + 3.5}L${x + 3.5} ${y - 3.5}`} className={`stroke-${tone}`} />;
  return <circle cx={x} cy={y} r={3} className={`mark mark-${tone}`} />;
}

/** A small, dependency-free SVG chart of points and lines, with a legend and an accessible summary. */
export function Chart({ title, xLabel, yLabel, series, zeroLine, onPick, picked, height = 300, integerX, diagonal }: ChartProps) {
  const H = height;
  const [logWanted, setLogWanted] = useState(false);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  // Where data span decades a logarithmic axis is offered as a switch (linear until the reader turns it on).
  const canLogX = !integerX && spansDecades(xs);
  const canLogY = !zeroLine && spansDecades(ys);
  const logX = canLogX && logWanted;
  const logY = canLogY && logWanted;
  const both = diagonal ? [...xs, ...ys] : null;
  const sx = logX ? logScale(both ?? xs, M.left, W - M.right) : integerX ? wholeTicks(linearScale(xs, M.left, W - M.right)) : linearScale(both ?? xs, M.left, W - M.right);
  const sy = logY ? logScale(both ?? ys, H - M.bottom, M.top) : linearScale(both ?? ys, H - M.bottom, M.top, zeroLine);
  const count = series.reduce((n, s) => n + s.points.length, 0);
  const summary = `${title}. ${series.map((s) => `${s.label}: ${s.points.length} ${s.kind === "line" ? "points on a line" : "points"}`).join("; ")}.`;
  if (count === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">No data yet.</p>
      </figure>
    );
  }
  return (
    <figure className="chart">
      <figcaption>
        {title}
        {(canLogX || canLogY) && (
          <label className="log-switch">
            <input type="checkbox" checked={logWanted} onChange={(e) => setLogWanted(e.target.checked)} /> log scale
          </label>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <g className="axis">
          {sy.ticks.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} className="grid" />
              <text x={M.left - 6} y={sy(t)} dy="0.32em" textAnchor="end">
                {fmt(t, 3)}
              </text>
            </g>
          ))}
          {sx.ticks.map((t) => (
            <g key={`x${t}`}>
              <line x1={sx(t)} x2={sx(t)} y1={H - M.bottom} y2={H - M.bottom + 4} className="tick" />
              <text x={sx(t)} y={H - M.bottom + 16} textAnchor="middle">
                {fmt(t, 3)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="frame" />
          <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="frame" />
          <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" className="axis-label">
            {xLabel}
            {logX ? " (log scale)" : ""}
          </text>
          <text transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
            {yLabel}
            {logY ? " (log scale)" : ""}
          </text>
        </g>
        {zeroLine && <line x1={M.left} x2={W - M.right} y1={sy(0)} y2={sy(0)} className="zero" />}
        {diagonal && (
          <line className="diagonal" x1={sx(sx.domain[0])} y1={sy(sx.domain[0])} x2={sx(sx.domain[1])} y2={sy(sx.domain[1])}>
            <title>y = x: a perfect prediction</title>
          </line>
        )}
        {series.map((s, si) =>
          s.kind === "line" ? (
            <polyline
              key={si}
              className={`line stroke-${s.tone}`}
              points={s.points
                .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
                .map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
                .join(" ")}
            />
          ) : (
            <g key={si}>
              {s.points.map((p, pi) =>
                Number.isFinite(p.x) && Number.isFinite(p.y) ? (
                  onPick ? (
                    <g
                      key={pi}
                      className={picked && picked.series === si && picked.point === pi ? "pickable picked" : "pickable"}
                      role="button"
                      tabIndex={0}
                      aria-label={`${s.label} ${pi + 1}: ${xLabel} ${fmt(p.x)}, ${yLabel} ${fmt(p.y)}`}
                      onClick={() => onPick(si, pi)}
                      onKeyDown={(e) => {
                        if (e.key === "Enter" || e.key === " ") {
                          e.preventDefault();
                          onPick(si, pi);
                        }
                      }}
                    >
                      <circle cx={sx(p.x)} cy={sy(p.y)} r={9} className="hit" />
                      <Marker x={sx(p.x)} y={sy(p.y)} shape={s.shape} tone={s.tone} />
                    </g>
                  ) : (
                    <Marker key={pi} x={sx(p.x)} y={sy(p.y)} shape={s.shape} tone={s.tone} />
                  )
                ) : null,
              )}
            </g>
          ),
        )}
      </svg>
      {(series.length > 1 || diagonal) && (
        <ul className="legend">
          {series
            .filter((s) => !s.hideInLegend)
            .map((s) => (
            <li key={s.label}>
              <svg width="18" height="12" aria-hidden="true">
                {s.kind === "line" ? <line x1="1" x2="17" y1="6" y2="6" className={`line stroke-${s.tone}`} /> : <Marker x={9} y={6} shape={s.shape} tone={s.tone} />}
              </svg>
              {s.label}
            </li>
            ))}
          {diagonal && (
            <li>
              <svg width="18" height="12" aria-hidden="true">
                <line x1="1" x2="17" y1="11" y2="1" className="diagonal" />
              </svg>
              y = x (perfect prediction)
            </li>
          )}
        </ul>
      )}
    </figure>
  );
}
