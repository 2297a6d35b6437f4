import type { RunDetail } from "../api";
import { Chart } from "./chart";

/** Length of the explanation (law plus what it leaves unexplained), in bits, after each round. */
export function BitsChart({ detail }: { detail: RunDetail }) {
  const pts = detail.roundViews.map((r) => ({ x: r.round, y: r.bits }));
  const breaks = detail.roundViews.filter((r) => r.break && r.break.type !== "parameter_update").map((r) => ({ x: r.round, y: r.bits }));
  return (
    <section className="card" aria-labelledby="bits-title">
      <h2 id="bits-title">Length of the explanation</h2>
      <p className="muted">Bits needed to write down the law plus what it leaves unexplained in the measurements. The total grows as measurements pile up; a new law is adopted only when it is shorter than the old one on the same measurements.</p>
      <Chart
        title="Bits per round"
        xLabel="round"
        yLabel="description length (bits)"
        height={220}
        integerX
        series={[
          { label: "bits", points: pts, kind: "line", tone: "bits" },
          { label: "rounds", points: pts, kind: "points", tone: "bits", shape: "circle", hideInLegend: true },
          { label: "round where the law broke", points: breaks, kind: "points", tone: "breaker", shape: "diamond" },
        ]}
      />
    </section>
  );
}
