import { useMemo } from "react";
import type { RunDetail } from "../api";
import type { Expr } from "../../../src/expr/ast";
import { evaluateAt } from "../../../src/expr/interpret";
import { parse } from "../../../src/expr/parse";
import { ParseError } from "../../../src/expr/errors";
import { Chart } from "./chart";

function lawOf(text: string, variables: string[]): Expr | null {
  try {
    return parse(text, { variables });
  } catch (err) {
    if (err instanceof ParseError) return null;
    throw err;
  }
}

function axisLabel(spec: { name: string; unit?: string }): string {
  return spec.unit && spec.unit !== "1" ? `${spec.name} (${spec.unit})` : spec.name;
}

/**
 * The first break on a map of the experiment space: the measurements up to that round over the two inputs
 * that vary most, in red where the old law misses by more than three widths of the new law's residuals.
 * Laws with history variables are left out (their values depend on the whole order of the run).
 */
export function BreakMap({ detail }: { detail: RunDetail }) {
  const map = useMemo(() => {
    const at = detail.roundViews.findIndex((r) => r.break && r.break.type !== "parameter_update");
    if (at <= 0) return null;
    const round = detail.roundViews[at].round;
    const names = detail.inputs.map((i) => i.name);
    const oldLaw = lawOf(detail.roundViews[at - 1].law, names);
    const newLaw = lawOf(detail.roundViews[at].law, names);
    if (!oldLaw || !newLaw) return null;
    const obs = detail.observations.filter((o) => o.round <= round && o.output !== null);
    const rows = obs.map((o) => ({ o, old: evaluateAt(oldLaw, o.inputs), now: evaluateAt(newLaw, o.inputs) })).filter((r) => Number.isFinite(r.old) && Number.isFinite(r.now));
    if (rows.length === 0) return null;
    const width = Math.sqrt(rows.reduce((a, r) => a + ((r.o.output as number) - r.now) ** 2, 0) / rows.length) || 1;
    const distinct = (n: string) => new Set(rows.map((r) => r.o.inputs[n])).size;
    const axes = [...names].sort((a, b) => distinct(b) - distinct(a));
    const x = axes[0];
    const y = axes[1] && distinct(axes[1]) > 2 ? axes[1] : null;
    const point = (r: (typeof rows)[number]) => ({ x: r.o.inputs[x], y: y ? r.o.inputs[y] : (r.o.output as number) });
    const fails = rows.filter((r) => Math.abs((r.o.output as number) - r.old) > 3 * width);
    const holds = rows.filter((r) => Math.abs((r.o.output as number) - r.old) <= 3 * width);
    const spec = (n: string) => detail.inputs.find((i) => i.name === n) ?? { name: n };
    return { round, x: axisLabel(spec(x)), y: y ? axisLabel(spec(y)) : axisLabel(detail.output), fails: fails.map(point), holds: holds.map(point), n: rows.length };
  }, [detail]);
  if (!map) return null;
  return (
    <section className="card break-map" aria-labelledby="break-map-title">
      <h2 id="break-map-title">Where the old law fails</h2>
      <p className="muted">
        The {map.n} measurements up to round {map.round}, where the law broke: red where the old law misses a measurement by more than three times the new law&apos;s typical
        residual ({map.fails.length} of them), grey where it still holds.
      </p>
      <Chart
        title={`The experiment space in round ${map.round}`}
        xLabel={map.x}
        yLabel={map.y}
        series={[
          { label: "old law holds", points: map.holds, kind: "points", tone: "data", shape: "circle" },
          { label: "old law fails", points: map.fails, kind: "points", tone: "breaker", shape: "cross" },
        ]}
      />
    </section>
  );
}
