import * as exprModule from "../expr/index.js";
import { compile, type Expr } from "../expr/index.js";
import { isNoiseKind } from "../mdl/noise-model.js";
import { UserError } from "../errors.js";
import type { RunStore } from "../journal/store.js";
import type { RunRow } from "../journal/types.js";
import { buildEvidence, type RunObservation } from "../discover/evidence.js";
import type { LoopState, RoundRecord, RunResult } from "../discover/types.js";
import type { WorldInfo } from "../worlds/world.js";
import type { ReportExchange } from "./exchanges.js";

/** One round of a report: its record, its law's state and the data it saw, with predictions. */
export interface ReportRound {
  record: RoundRecord;
  state: LoopState;
  latex: string;
  /** Observations answered up to this round (in run order) and the law's prediction at each. */
  points: Array<{ inputs: Record<string, number>; observed: number; predicted: number; round: number; strategy: string }>;
}

/** Everything a report shows, read from the journal alone. */
export interface ReportData {
  run: RunRow;
  info: WorldInfo;
  result?: RunResult;
  rounds: ReportRound[];
  /** The run's language-model exchanges in the order they happened (none without --llm). */
  exchanges?: ReportExchange[];
}

const toLatexFn = (exprModule as unknown as { toLatex?: (e: Expr, p?: ArrayLike<number>) => string }).toLatex;

/** LaTeX of a law (fitted constants substituted); falls back to the infix text in \texttt if no printer exists. */
export function lawLatex(expr: Expr, params: readonly number[], infix: string): string {
  if (toLatexFn) {
    try {
      return toLatexFn(expr, params);
    } catch {
      // fall through to plain text
    }
  }
  return `\\texttt{${infix.replace(/[\\{}_^#$%&~]/g, (c) => `\\${c}`)}}`;
}

/** Loads a run's report data from the journal; UserError if the run is unknown or has no round yet. */
export function loadReportData(store: RunStore, runId: string): ReportData {
  const run = store.getRun(runId);
  if (!run) throw new UserError(`no run '${runId}' in ${store.path}`);
  const opts = run.options as { worldInfo?: WorldInfo; noise?: string };
  if (!opts.worldInfo) throw new UserError(`run '${runId}' has no world description in its journal`);
  // The noise model the run used: the user's --noise overrides the world's declaration.
  const info: WorldInfo = isNoiseKind(opts.noise) ? { ...opts.worldInfo, noiseModel: { kind: opts.noise } } : opts.worldInfo;
  const rounds = store.rounds<RoundRecord, LoopState>(runId);
  const exps = new Map(store.experiments(runId).map((e) => [e.seq, e]));
  const obs = store.observations(runId).map((o) => ({
    inputs: o.inputs,
    output: o.output,
    stage: o.stage,
    round: exps.get(o.experimentSeq)?.round ?? 0,
    strategy: exps.get(o.experimentSeq)?.strategy ?? "",
  }));
  const out: ReportRound[] = rounds.map(({ record, state }) => {
    const upTo = obs.filter((o) => o.round <= record.round);
    const law = state.current;
    const points: ReportRound["points"] = [];
    try {
      const { evidence } = buildEvidence(info, upTo as RunObservation[], law.derived, { dropTwins: false });
      const pred = compile(law.expr, evidence.variables).evaluate(evidence.variables.map((v) => evidence.columns[v]), law.params);
      let k = 0;
      for (const o of upTo) {
        if (o.output === null || !Number.isFinite(o.output)) continue;
        const inputs: Record<string, number> = {};
        for (const v of evidence.variables) inputs[v] = evidence.columns[v][k];
        points.push({ inputs, observed: o.output, predicted: pred[k], round: o.round, strategy: o.strategy });
        k++;
      }
    } catch {
      // A law that cannot be evaluated is still reported, without its chart.
    }
    return { record, state, latex: lawLatex(law.expr, law.params, law.law), points };
  });
  const exchanges = store.exchanges<ReportExchange & { key: string; request: unknown }>(null).list(runId);
  return { run, info, result: run.result as RunResult | undefined, rounds: out, exchanges };
}
