import { computeDerived, parseDerived } from "../core/derived.js";
import { DerivedVariableError } from "../core/errors.js";
import type { LoopState, RoundRecord } from "../discover/types.js";
import { compile, variablesOf, type Expr } from "../expr/index.js";
import type { EventRow, ExperimentRow, ObservationRow, RunRow } from "../journal/index.js";
import type { WorldInfo } from "../worlds/world.js";
import type { ExchangeView, ObservationView, RoundView, RunDetail, RunListItem } from "./contract.js";

/** Everything the journal holds about one run, as read for display. */
export interface RunRecords {
  run: RunRow;
  info: Pick<WorldInfo, "inputs" | "output" | "receivedTheory">;
  experiments: ExperimentRow[];
  observations: ObservationRow[];
  rounds: { round: number; record: RoundRecord; state: LoopState }[];
  events: EventRow[];
  exchanges: unknown[];
}

/** Renders a law with fitted constants as LaTeX (injected: the expression engine's printer). */
export type LatexPrinter = (expr: Expr, params: readonly number[]) => string;

const MAX_TEXT = 4000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text;
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  const msgs = (v as { messages?: Array<{ role?: string; content?: unknown }> }).messages;
  if (Array.isArray(msgs)) return msgs.map((m) => `[${m.role ?? "?"}] ${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`).join("\n\n");
  return JSON.stringify(v, null, 1);
}

/** One row of the runs list. */
export function runListItem(run: RunRow, roundsDone: number): RunListItem {
  const result = run.result as { finalLaw?: string } | undefined;
  return {
    runId: run.id,
    world: run.world,
    status: run.status,
    seed: run.seed,
    createdAt: run.createdAt,
    rounds: roundsDone,
    ...(result?.finalLaw ? { finalLaw: result.finalLaw } : {}),
  };
}

/**
 * Predictions of a law at every observation, in run order: derived variables are computed over the whole
 * ordered history first, as the loop does, so history-dependent laws predict what they predicted there.
 */
export function predictAll(
  law: { expr: Expr; params: readonly number[]; derived?: Record<string, string> },
  inputNames: readonly string[],
  observations: readonly { inputs: Record<string, number> }[],
): (number | null)[] {
  const n = observations.length;
  const columns: Record<string, Float64Array> = {};
  for (const name of inputNames) columns[name] = Float64Array.from(observations, (o) => o.inputs[name] ?? NaN);
  for (const [name, text] of Object.entries(law.derived ?? {})) {
    try {
      columns[name] = computeDerived(parseDerived(text, inputNames), columns, n);
    } catch (err) {
      if (!(err instanceof DerivedVariableError)) throw err;
      return observations.map(() => null);
    }
  }
  const names = Object.keys(columns);
  if (!variablesOf(law.expr).every((v) => names.includes(v))) return observations.map(() => null);
  const values = compile(law.expr, names).evaluate(
    names.map((k) => columns[k]),
    law.params,
  );
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/** Builds the live view of a run from its journal records. */
export function buildRunDetail(rec: RunRecords, latex: LatexPrinter): RunDetail {
  const { run, info } = rec;
  const inputNames = info.inputs.map((i) => i.name);
  const roundOfExperiment = new Map<number, ExperimentRow>();
  for (const e of rec.experiments) roundOfExperiment.set(e.seq, e);
  const sentences = new Map<number, string>();
  for (const e of rec.events) {
    if (e.type === "break" && typeof e.payload.round === "number" && typeof e.payload.sentence === "string") sentences.set(e.payload.round, e.payload.sentence);
  }
  const roundViews: RoundView[] = rec.rounds.map(({ record, state }) => ({
    round: record.round,
    law: record.law,
    latex: safeLatex(latex, state.current.expr, state.current.params, record.law),
    bits: record.bits,
    r2: record.r2,
    experiments: record.experiments,
    break: record.break
      ? { type: record.break.type, gainBits: record.break.gainBits, sentence: record.sentence ?? sentences.get(record.round) ?? `The law changed form, saving ${Math.round(record.break.gainBits)} bits.` }
      : record.revision?.type === "parameter_update"
        ? { type: "parameter_update", gainBits: record.revision.gainBits, sentence: "" }
        : null,
  }));
  const last = rec.rounds[rec.rounds.length - 1];
  const current = last?.state.current;
  const predicted = current ? predictAll(current, inputNames, rec.observations) : rec.observations.map(() => null);
  const observations: ObservationView[] = rec.observations.map((o, i) => {
    const exp = roundOfExperiment.get(o.experimentSeq);
    return {
      index: o.seq,
      round: exp?.round ?? 0,
      inputs: o.inputs,
      output: o.output,
      ...(o.stage !== undefined ? { stage: o.stage } : {}),
      predicted: predicted[i],
      breaker: exp !== undefined && exp.strategy !== "initial" && exp.round > 0,
    };
  });
  const exchanges: ExchangeView[] = rec.exchanges.map((raw) => {
    const x = raw as { role?: string; round?: number; request?: unknown; response?: unknown; error?: string; tokens?: { prompt?: number; completion?: number }; latencyMs?: number };
    const tokens = x.tokens ? (x.tokens.prompt ?? 0) + (x.tokens.completion ?? 0) : null;
    return {
      role: x.role ?? "?",
      round: typeof x.round === "number" ? x.round : null,
      request: clip(asText(x.request)),
      response: clip(x.response === null || x.response === undefined ? `(no answer${x.error ? `: ${x.error}` : ""})` : asText(x.response)),
      tokens,
      latencyMs: typeof x.latencyMs === "number" ? x.latencyMs : null,
    };
  });
  const options = run.options as { rounds?: number };
  const failed = rec.events.find((e) => e.type === "run_failed");
  return {
    ...runListItem(run, Math.max(0, rec.rounds.length - 1)),
    inputs: info.inputs.map((i) => ({ name: i.name, min: i.min, max: i.max, ...(i.unit ? { unit: i.unit } : {}), ...(i.description ? { description: i.description } : {}) })),
    output: info.output,
    plannedRounds: typeof options.rounds === "number" ? options.rounds : null,
    queries: rec.observations.length,
    ...(last ? { initialLaw: last.state.initialLaw } : {}),
    ...(info.receivedTheory ? { receivedTheory: info.receivedTheory } : {}),
    ...(last
      ? {
          falsification: last.state.falsification
            ? { round: last.state.falsification.round, queries: last.state.falsification.queries, gainBits: last.state.falsification.gainBits }
            : null,
        }
      : {}),
    ...(current
      ? {
          currentLaw: {
            law: current.law,
            latex: safeLatex(latex, current.expr, current.params, current.law),
            bits: current.bits.total,
            r2: current.r2,
            ...(Object.keys(current.derived ?? {}).length > 0 ? { derived: current.derived } : {}),
          },
        }
      : {}),
    roundViews,
    observations,
    exchanges,
    ...(run.error ? { error: run.error } : failed && typeof failed.payload.error === "string" ? { error: failed.payload.error } : {}),
  };
}

function safeLatex(latex: LatexPrinter, expr: Expr, params: readonly number[], fallback: string): string {
  try {
    return latex(expr, params);
  } catch (_err) {
    // A law from a journal written by another version may hold a node this printer does not know; the
    // page still shows it as text rather than failing as a whole.
    return `\\text{${fallback.replace(/[\\{}$&#^_%~]/g, " ")}}`;
  }
}
