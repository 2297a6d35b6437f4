import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { DiscoveryEngine, LiveEvent } from "./contract.js";
import { redactEvent } from "./redact.js";
import type { RunManager } from "./run-manager.js";

/** Seconds between keep-alive comments, so proxies and browsers do not drop a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Streams a run's events as server-sent events: `event: run` per live event (its `id` is its index in
 * the run's stream, so a client resumes with `?after=<id>`), then `event: end` with the final status.
 * A run in progress here is followed live; any other is replayed from the journal.
 */
export function streamRunEvents(c: Context, engine: DiscoveryEngine, runs: RunManager, runId: string, after: number): Response {
  return streamSSE(c, async (stream) => {
    const queue: Array<{ event: LiveEvent; index: number }> = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const unsubscribe = runs.subscribe(
      runId,
      after,
      (event, index) => {
        queue.push({ event, index });
        wake?.();
      },
      () => {
        ended = true;
        wake?.();
      },
    );
    const end = () => stream.writeSSE({ event: "end", data: JSON.stringify({ status: engine.runDetail(runId)?.status ?? "unknown" }) });
    if (!unsubscribe) {
      const stored = engine.storedEvents(runId);
      for (let i = after + 1; i < stored.length; i++) await stream.writeSSE({ id: String(i), event: "run", data: JSON.stringify(redactEvent(stored[i])) });
      await end();
      return;
    }
    stream.onAbort(() => {
      ended = true;
      wake?.();
    });
    try {
      while (!stream.aborted) {
        for (let m = queue.shift(); m; m = queue.shift()) await stream.writeSSE({ id: String(m.index), event: "run", data: JSON.stringify(redactEvent(m.event)) });
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, KEEP_ALIVE_MS).unref?.();
        });
        wake = undefined;
        if (queue.length === 0 && !ended && !stream.aborted) await stream.write(": keep-alive\n\n");
      }
      if (!stream.aborted) await end();
    } finally {
      unsubscribe();
    }
  });
}
