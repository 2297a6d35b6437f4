import type { RunDetail } from "./contract.js";

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A run's observations as CSV: one row per experiment, with the round that asked it and the current law's prediction. */
export function observationsCsv(detail: RunDetail): string {
  const names = detail.inputs.map((i) => i.name);
  const hasStage = detail.observations.some((o) => o.stage !== undefined);
  const header = ["index", "round", ...(hasStage ? ["stage"] : []), ...names, detail.output.name, "predicted", "chosen_by"];
  const lines = [header.map(cell).join(",")];
  for (const o of detail.observations) {
    lines.push(
      [o.index, o.round, ...(hasStage ? [o.stage ?? ""] : []), ...names.map((n) => o.inputs[n]), o.output, o.predicted, o.breaker ? "breaker" : "start"]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}
