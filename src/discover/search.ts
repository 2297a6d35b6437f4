import { roundLawText } from "../expr/significant.js";
import type { Evidence } from "../core/evidence.js";
import type { ExplainResult, WarmStart } from "../explain/types.js";
import { deriveSeed } from "../random/index.js";
import type { RoundLog, SearchSettings } from "./round-env.js";

/**
 * One round's search by the Explainer, warm-started, with a progress line every two seconds. A failed
 * search keeps the current law (a warning, not the end of the run); an aborted one returns nothing.
 */
export async function searchLaws(search: SearchSettings, log: RoundLog, evidence: Evidence, warmStart: WarmStart[]): Promise<ExplainResult | undefined> {
  let lastShown = 0;
  try {
    return await search.explain(evidence, {
      seed: deriveSeed(search.seed, "explain", log.round),
      ...search.budget,
      warmStart,
      signal: search.signal,
      onProgress: (p) => {
        if (p.seconds - lastShown >= 2) {
          lastShown = p.seconds;
          log.progress(`  round ${log.round}: searching… ${roundLawText(p.best)} (${Math.round(p.bits)} bits, ${p.evaluations} evaluations)`);
        }
      },
    });
  } catch (err) {
    // The Explainer is injected (worker threads, a test double, a remote search): any failure of it costs
    // this round its search, and the run goes on with the laws it has.
    if (search.signal?.aborted) return undefined;
    log.emit({ type: "warning", runId: log.runId, round: log.round, message: `Explainer failed: ${(err as Error).message}` });
    log.progress(`  round ${log.round}: the Explainer failed (${(err as Error).message}); keeping the current law`);
    return undefined;
  }
}
