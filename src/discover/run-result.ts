import type { LoopState, RoundRecord, RunResult } from "./types.js";

/** A run's outcome from its round records and last state (empty fields when no round finished). */
export function runResult(
  run: { runId: string; world: string; seed: number; queries: number },
  records: RoundRecord[],
  state: LoopState | undefined,
  stop: { reason: string; aborted: boolean },
): RunResult {
  const derived = state && Object.keys(state.current.derived).length > 0 ? state.current.derived : undefined;
  return {
    world: run.world,
    runId: run.runId,
    seed: run.seed,
    initialLaw: state?.initialLaw ?? "",
    finalLaw: state?.current.law ?? "",
    bits: state?.current.bits.total ?? NaN,
    r2: state?.current.r2 ?? NaN,
    queries: run.queries,
    breaks: state?.breaks ?? 0,
    rounds: records,
    seconds: state?.seconds ?? 0,
    ...(derived ? { derived } : {}),
    falsification: state?.falsification ?? null,
    stopReason: stop.reason,
    status: stop.aborted ? "aborted" : "finished",
  };
}
