import type { ReportData } from "./types.js";

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return "";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `metrics.csv`: one row per round (bits, fit, break, the received theory's bits, time). */
export function metricsCsv(data: ReportData): string {
  const head = ["round", "experiments", "queries", "law", "bits", "model_bits", "data_bits", "r2", "break", "gain_bits", "received_bits", "falsified_received", "seconds"];
  const rows = data.rounds.map(({ record: r }) =>
    [r.round, r.experiments, r.queries, r.law, r.bits, r.bitsDetail.model, r.bitsDetail.data, r.r2, r.break?.type ?? "", r.break?.gainBits ?? "", r.receivedBits ?? "", r.falsifiedReceived ? 1 : 0, r.seconds]
      .map(csvCell)
      .join(","),
  );
  return [head.join(","), ...rows].join("\n") + "\n";
}

/** `laws.json`: every round's law (infix, LaTeX, tree, constants, derived variables) with its bits and break. */
export function lawsJson(data: ReportData): string {
  const body = {
    world: data.info.name,
    runId: data.run.id,
    seed: data.run.seed,
    status: data.run.status,
    receivedTheory: data.info.receivedTheory ?? null,
    initialLaw: data.rounds[0]?.record.law ?? null,
    finalLaw: data.rounds.at(-1)?.record.law ?? null,
    falsification: data.rounds.at(-1)?.state.falsification ?? null,
    rounds: data.rounds.map(({ record: r, state, latex }) => ({
      round: r.round,
      law: r.law,
      latex,
      expr: state.current.expr,
      params: state.current.params,
      derived: state.current.derived,
      bits: r.bitsDetail,
      r2: r.r2,
      experiments: r.experiments,
      queries: r.queries,
      break: r.break,
      sentence: r.sentence ?? null,
      previousLaw: r.previousLaw ?? null,
      challenger: r.challenger ?? null,
      receivedBits: r.receivedBits ?? null,
      competitors: state.pareto.map((p) => ({ law: p.law, bits: p.bits })),
    })),
  };
  return JSON.stringify(body, null, 2) + "\n";
}
