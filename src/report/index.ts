import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../errors.js";
import type { RunStore } from "../journal/store.js";
import { loadReportData } from "./data.js";
import { lawsJson, metricsCsv } from "./files.js";
import { reportHtml } from "./html.js";
import type { ReportFiles } from "./types.js";

/** Writes `report.html`, `metrics.csv` and `laws.json` for a journaled run into `dir` (created if needed). */
export function writeReport(store: RunStore, runId: string, dir: string): ReportFiles {
  const data = loadReportData(store, runId);
  const out = resolve(dir);
  try {
    mkdirSync(out, { recursive: true });
    const files = { html: join(out, "report.html"), metricsCsv: join(out, "metrics.csv"), lawsJson: join(out, "laws.json") };
    writeFileSync(files.html, reportHtml(data));
    writeFileSync(files.metricsCsv, metricsCsv(data));
    writeFileSync(files.lawsJson, lawsJson(data));
    return files;
  } catch (err) {
    throw new UserError(`cannot write the report into ${out}: ${(err as Error).message}`);
  }
}

export { loadReportData, lawLatex } from "./data.js";
export type { ReportData, ReportExchange, ReportFiles, ReportRound } from "./types.js";
export { reportHtml } from "./html.js";
export { metricsCsv, lawsJson } from "./files.js";
