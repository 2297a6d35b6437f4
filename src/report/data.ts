import { compile, toLatex, type Expr } from "../expr/index.js";
import { isNoiseKind } from "../core/noise.js";
import { UserError, WorldbreakerError } from "../errors.js";
import type { RunStore } from "../journal/store.js";
import { buildEvidence, type RunObservation } from "../discover/evidence.js";
import type { LoopState, RoundRecord, RunResult } from "../discover/types.js";
import type { WorldInfo } from "../worlds/world.js";
import type { ReportData, ReportExchange, ReportRound } from "./types.js";

/** LaTeX of a law, its fitted constants substituted. */
export function lawLatex(expr: Expr, params: readonly number[]): string {
  return toLatex(expr, params);
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
    } catch (err) {
      // A law that cannot be evaluated on this data (one of our own failures) is still reported, without its chart.
      if (!(err instanceof WorldbreakerError)) throw err;
    }
    return { record, state, latex: lawLatex(law.expr, law.params), points };
  });
  const exchanges = store.exchanges<ReportExchange & { key: string; request: unknown }>(null).list(runId);
  return { run, info, result: run.result as RunResult | undefined, rounds: out, exchanges };
}
