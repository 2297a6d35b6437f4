import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parentPort } from "node:worker_threads";
import { WorldbreakerError } from "../errors.js";
import type { ExplainRequestOptions, ExplainView } from "./contract.js";
import { readTableCache, sampleTable, writeTableCache } from "./table-cache.js";
import { readUploadText } from "./uploads.js";
// Loaded up front so a spare thread starts a job at once.
import "../data/csv.js";
import "./explain-view.js";

/**
 * The server's heavy requests, in a worker thread so its event loop stays free: reading an upload (a
 * 19 MB CSV takes seconds to parse) and explaining a table (the Explainer's fast paths and final
 * refits run on the calling thread). One job per thread; the server ends the thread when the job's
 * time is up, whatever it is doing.
 */

/** Rows an explanation from the web page works on; a larger table is explained on a seeded sample. */
export const MAX_EXPLAIN_ROWS = 20_000;

/** Reads an upload, says what it holds, and caches its numbers for later explanations. */
export interface InspectJob {
  kind: "inspect";
  uploadKind: "csv" | "staged";
  path: string;
  fileName: string;
  cwd: string;
}

/** Explains one column of an uploaded CSV within `seconds` counted from `startedAt` (ms since the epoch). */
export interface ExplainJob {
  kind: "explain";
  path: string;
  fileName: string;
  target: string;
  seconds: number;
  seed: number;
  startedAt: number;
  threads?: number;
  options: ExplainRequestOptions;
}

/** A job for the task thread. */
export type TaskJob = InspectJob | ExplainJob;

/** Messages from the task thread. */
export type TaskMessage = { type: "result"; value: unknown } | { type: "error"; message: string; user: boolean };

/** The share of the remaining time the Explainer is given: its final refits and the view come after it. */
const SEARCH_SHARE = 0.4;

async function inspect(job: InspectJob): Promise<{ columns: string[]; rows: number }> {
  const text = readUploadText(job.path, job.fileName);
  if (job.uploadKind === "csv") {
    const { parseCsv } = await import("../data/csv.js");
    const table = parseCsv(text, job.fileName);
    writeTableCache(dirname(job.path), table);
    return { columns: table.names, rows: table.rowCount };
  }
  const { openWorld } = await import("../worlds/open.js");
  const world = await openWorld({ file: job.path }, { seed: 1, cwd: job.cwd });
  try {
    const rows = (JSON.parse(text) as { observations?: unknown[] }).observations?.length ?? 0;
    return { columns: [...world.info.inputs.map((i) => i.name), world.info.output.name], rows };
  } finally {
    await world.close();
  }
}

async function explainJob(job: ExplainJob): Promise<ExplainView> {
  const { parseCsv } = await import("../data/csv.js");
  const { explainTable } = await import("./explain-view.js");
  const full = readTableCache(dirname(job.path)) ?? parseCsv(readFileSync(job.path, "utf8"), job.fileName);
  const table = sampleTable(full, MAX_EXPLAIN_ROWS, job.seed);
  const left = job.startedAt + job.seconds * 1000 - Date.now();
  const seconds = Math.max(0.2, (left / 1000) * SEARCH_SHARE);
  const view = await explainTable(table, job.fileName, job.target, { ...job.options, seconds, seed: job.seed, signal: new AbortController().signal, ...(job.threads !== undefined ? { threads: job.threads } : {}) });
  return { ...view, rows: { used: table.rowCount, total: full.rowCount } };
}

const port = parentPort;
if (port) {
  port.once("message", (job: TaskJob) => {
    const post = (m: TaskMessage) => port.postMessage(m);
    (job.kind === "inspect" ? inspect(job) : explainJob(job)).then(
      (value) => post({ type: "result", value }),
      (err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err), user: err instanceof WorldbreakerError }),
    );
  });
}
