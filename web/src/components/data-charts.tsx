import { useId, useMemo, useState } from "react";
import type { RunDetail } from "../api";
import { Chart, type Series } from "./chart";

function axisLabel(spec: { name: string; unit?: string }): string {
  return spec.unit && spec.unit !== "1" ? `${spec.name} (${spec.unit})` : spec.name;
}

/** Measurements against the current law, with the Breaker's experiments marked, and the residuals. */
export function DataCharts({ detail }: { detail: RunDetail }) {
  const selectId = useId();
  // Default axis: the input with the most distinct values (the one the experiments explore), then the rest.
  const varying = useMemo(() => {
    const distinct = (n: string) => new Set(detail.observations.map((o) => o.inputs[n]).filter(Number.isFinite)).size;
    return detail.inputs
      .map((i, order) => ({ name: i.name, count: distinct(i.name), order }))
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map((x) => x.name);
  }, [detail]);
  const [xName, setXName] = useState<string | null>(null);
  const x = xName && varying.includes(xName) ? xName : (varying[0] ?? "");
  const xSpec = detail.inputs.find((i) => i.name === x) ?? { name: x };
  const obs = detail.observations.filter((o) => o.output !== null && Number.isFinite(o.inputs[x]));
  const onlyOneVaries = detail.inputs.every((i) => i.name === x || new Set(detail.observations.map((o) => o.inputs[i.name])).size <= 1);

  const start = obs.filter((o) => !o.breaker).map((o) => ({ x: o.inputs[x], y: o.output as number }));
  const chosen = obs.filter((o) => o.breaker).map((o) => ({ x: o.inputs[x], y: o.output as number }));
  const predicted = obs
    .filter((o) => o.predicted !== null && Number.isFinite(o.predicted))
    .map((o) => ({ x: o.inputs[x], y: o.predicted as number }))
    .sort((a, b) => a.x - b.x);
  const series: Series[] = [
    { label: "first measurements", points: start, kind: "points", tone: "data", shape: "circle" },
    { label: "experiments chosen to test the law", points: chosen, kind: "points", tone: "breaker", shape: "diamond" },
  ];
  if (predicted.length > 0) {
    series.push(
      onlyOneVaries
        ? { label: "current law", points: predicted, kind: "line", tone: "law" }
        : { label: "current law's prediction at each measurement", points: predicted, kind: "points", tone: "law", shape: "cross" },
    );
  }
  const resid = (breaker: boolean) =>
    obs
      .filter((o) => o.breaker === breaker && o.predicted !== null && Number.isFinite(o.predicted))
      .map((o) => ({ x: o.inputs[x], y: (o.output as number) - (o.predicted as number) }));

  return (
    <section className="card" aria-labelledby="data-title">
      <div className="card-head">
        <h2 id="data-title">Measurements and the current law</h2>
        {varying.length > 1 && (
          <div className="field inline">
            <label htmlFor={selectId}>Horizontal axis</label>
            <select id={selectId} value={x} onChange={(e) => setXName(e.target.value)}>
              {varying.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="charts">
        <Chart title={`${detail.output.name} against ${x}`} xLabel={axisLabel(xSpec)} yLabel={axisLabel(detail.output)} series={series} />
        <Chart
          title="Residuals: measured minus predicted"
          xLabel={axisLabel(xSpec)}
          yLabel={axisLabel({ name: `${detail.output.name}: measured − predicted`, unit: detail.output.unit })}
          zeroLine
          series={[
            { label: "first measurements", points: resid(false), kind: "points", tone: "data", shape: "circle" },
            { label: "chosen experiments", points: resid(true), kind: "points", tone: "breaker", shape: "diamond" },
          ]}
        />
      </div>
    </section>
  );
}
