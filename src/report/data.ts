import { compile, mapExpr, num, toLatex, type Expr } from "../expr/index.js";
import { roundSignificant } from "../expr/significant.js";
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

/** LaTeX of a law for reading: every constant (fitted or literal) to 5 significant figures. */
export function displayLatex(expr: Expr, params: readonly number[]): string {
  const shown = mapExpr(expr, (n) => (n.kind === "num" ? num(roundSignificant(n.value)) : n));
  return toLatex(shown, params.map((p) => roundSignificant(p)));
}

/** A law's predictions at the observations up to a round, or null when it cannot be evaluated there. */
function predictionsOf(info: WorldInfo, upTo: RunObservation[], law: LoopState["current"]): Float64Array | null {
  try {
    const { evidence } = buildEvidence(info, upTo, law.derived, { dropTwins: false });
    return compile(law.expr, evidence.variables).evaluate(evidence.variables.map((v) => evidence.columns[v]), law.params);
  } catch (err) {
    if (!(err instanceof WorldbreakerError)) throw err;
    return null;
  }
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
  const out: ReportRound[] = rounds.map(({ record, state }, idx) => {
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
    // Where a break happened, the old law's predictions on the same data show where it fails.
    const before = idx > 0 ? rounds[idx - 1].state.current : undefined;
    if (record.break && before && points.length > 0) {
      const old = predictionsOf(info, upTo as RunObservation[], before);
      if (old && old.length === points.length) points.forEach((p, i) => (p.oldPredicted = old[i]));
    }
    return { record, state, latex: lawLatex(law.expr, law.params), displayLatex: displayLatex(law.expr, law.params), points };
  });
  const exchanges = store.exchanges<ReportExchange & { key: string; request: unknown }>(null).list(runId);
  return { run, info, result: run.result as RunResult | undefined, rounds: out, exchanges };
}
