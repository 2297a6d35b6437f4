import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { WorldbreakerError } from "../errors.js";
import { accessControl } from "./auth.js";
import type { DiscoveryEngine, StartWorld } from "./contract.js";
import { observationsCsv } from "./data-csv.js";
import { streamRunEvents } from "./events-stream.js";
import { apiError, HttpError, validate } from "./respond.js";
import { RunManager } from "./run-manager.js";
import { eventsQuerySchema, explainRequestSchema, idSchema, scoreRequestSchema, startRunSchema, uploadQuerySchema, type WorldChoice } from "./schemas.js";
import { findStaticFile, isDecodablePath } from "./static-files.js";
import { addServerRoot, redactPaths } from "./redact.js";
import { UploadStore, type UploadInfo } from "./uploads.js";
import { requireExternalAllowed } from "./world-policy.js";

/** How the server behaves; everything has a safe default. */
export interface AppOptions {
  engine: DiscoveryEngine;
  /** Folder for uploads and generated reports. */
  dataDir: string;
  /** Access token every request must carry; undefined on a loopback-only server. */
  token?: string;
  /** Whether runs may start external world commands (off unless the operator says so). */
  allowExternal?: boolean;
  /** Largest accepted upload, in bytes (default 20 MiB). */
  maxUploadBytes?: number;
  /** Folder holding the built web app. */
  webRoot: string;
  /** The package version, shown in the app. */
  version: string;
  /** Where the server logs one-line notes (stderr in the CLI). */
  log?: (line: string) => void;
}

/** The HTTP app plus the run manager behind it (the CLI stops runs through it on shutdown). */
export interface ServerApp {
  app: Hono;
  runs: RunManager;
  uploads: UploadStore;
}

const JSON_LIMIT = 1024 * 1024;

function publicUpload(u: UploadInfo): Omit<UploadInfo, "path"> {
  const { path: _path, ...rest } = u;
  return rest;
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "send the request body as JSON (Content-Type: application/json)");
  try {
    return await c.req.json();
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    throw new HttpError(400, "the request body is not valid JSON");
  }
}

/** Builds the HTTP API and static file server of `worldbreaker serve`. */
export function createApp(opts: AppOptions): ServerApp {
  const log = opts.log ?? (() => {});
  const maxUpload = opts.maxUploadBytes ?? 20 * 1024 * 1024;
  const engine = opts.engine;
  mkdirSync(opts.dataDir, { recursive: true });
  addServerRoot(opts.dataDir);
  addServerRoot(opts.webRoot);
  const uploads = new UploadStore(join(opts.dataDir, "uploads"), (kind, name, path) => engine.inspectUpload(kind, name, path));
  const runs = new RunManager(engine, log, { allowExternal: Boolean(opts.allowExternal) });
  let explaining = false;

  const worldSpecOf = (choice: WorldChoice): StartWorld => {
    if (choice.kind === "builtin") {
      if (!engine.worlds().some((w) => w.name === choice.name)) {
        throw new HttpError(400, `unknown world '${choice.name}'; known: ${engine.worlds().map((w) => w.name).join(", ")}`, "world.name");
      }
      return { name: choice.name };
    }
    if (choice.kind === "upload") {
      const up = uploads.get(choice.uploadId);
      if (choice.target !== undefined) {
        if (up.kind !== "csv") throw new HttpError(400, "a target column only applies to CSV files", "world.target");
        if (!up.columns.includes(choice.target)) {
          throw new HttpError(400, `column '${choice.target}' is not in ${up.name}; its columns are ${up.columns.join(", ")}`, "world.target");
        }
      }
      return choice.target === undefined ? { file: up.path } : { file: up.path, target: choice.target };
    }
    requireExternalAllowed({ external: choice.command }, Boolean(opts.allowExternal), "world.command");
    return { external: choice.command };
  };

  const runId = (c: Context): string => validate(idSchema, c.req.param("id"), "run id");

  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  app.use("*", accessControl(opts.token));

  app.get("/api/info", (c) =>
    c.json({
      version: opts.version,
      worlds: engine.worlds(),
      llmProfiles: engine.llmProfiles(),
      allowExternal: Boolean(opts.allowExternal),
      maxUploadBytes: maxUpload,
      activeRunId: runs.activeRunId ?? null,
    }),
  );

  // A journal says "running" for a run whose process died; a run runs when it is in progress here or another
  // live process (a CLI, another server) holds its lease.
  const liveStatus = (item: { runId: string; status: string; drivenBy?: unknown }): string =>
    item.status === "running" && runs.activeRunId !== item.runId && !item.drivenBy ? "interrupted" : item.status;

  app.get("/api/runs", (c) =>
    c.json({ runs: engine.listRuns().map((r) => ({ ...r, status: liveStatus(r) })), activeRunId: runs.activeRunId ?? null }),
  );

  app.post("/api/runs", bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => apiError(c, 413, "the request is too large") }), async (c) => {
    const req = validate(startRunSchema, await jsonBody(c), "start a run");
    if (req.llm !== undefined && !engine.llmProfiles().includes(req.llm)) {
      throw new HttpError(400, `no language-model profile named '${req.llm}' is configured`, "llm");
    }
    const spec = {
      world: worldSpecOf(req.world),
      rounds: req.rounds,
      seed: req.seed,
      ...(req.llm ? { llm: req.llm } : {}),
      ...(req.explainSeconds !== undefined ? { explainSeconds: req.explainSeconds } : {}),
    };
    const id = await runs.start(spec);
    return c.json({ runId: id }, 201);
  });

  app.get("/api/runs/:id", (c) => {
    const id = runId(c);
    const detail = engine.runDetail(id);
    if (!detail) throw new HttpError(404, `no run with id '${id}'`);
    return c.json({ ...detail, ...(detail.error !== undefined ? { error: redactPaths(detail.error) } : {}), status: liveStatus(detail), active: runs.activeRunId === id });
  });

  app.post("/api/runs/:id/stop", (c) => {
    const id = runId(c);
    if (!engine.runDetail(id)) throw new HttpError(404, `no run with id '${id}'`);
    if (!runs.stop(id)) throw new HttpError(409, `run ${id} is not in progress`);
    return c.json({ runId: id, stopping: true });
  });

  app.post("/api/runs/:id/resume", async (c) => {
    const id = runId(c);
    const detail = engine.runDetail(id);
    if (!detail) throw new HttpError(404, `no run with id '${id}'`);
    if (detail.status === "finished") throw new HttpError(409, `run ${id} has already finished`);
    if (detail.drivenBy && runs.activeRunId !== id) {
      const d = detail.drivenBy;
      throw new HttpError(409, `run ${id} is being driven by pid ${d.pid} on host ${d.host} since ${d.since}; wait for it to finish or stop that process`);
    }
    return c.json({ runId: await runs.resume(id) });
  });

  app.get("/api/runs/:id/events", (c) => {
    const id = runId(c);
    const { after } = validate(eventsQuerySchema, c.req.query(), "events");
    if (!engine.runDetail(id) && runs.activeRunId !== id) throw new HttpError(404, `no run with id '${id}'`);
    return streamRunEvents(c, engine, runs, id, after);
  });

  const reportFile = async (c: Context, which: "html" | "metricsCsv" | "lawsJson", type: string, name: string): Promise<Response> => {
    const id = runId(c);
    if (!engine.runDetail(id)) throw new HttpError(404, `no run with id '${id}'`);
    const files = await engine.writeReport(id, join(opts.dataDir, "reports", id));
    const body = new Uint8Array(readFileSync(files[which]));
    const disposition = c.req.query("download") !== undefined ? "attachment" : "inline";
    return c.body(body, 200, {
      "Content-Type": type,
      "Content-Disposition": `${disposition}; filename="${id}-${name}"`,
      // The report is a static document: it may style itself and use inline fonts and images, nothing more.
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
    });
  };
  app.get("/api/runs/:id/report.html", (c) => reportFile(c, "html", "text/html; charset=utf-8", "report.html"));
  app.get("/api/runs/:id/metrics.csv", (c) => reportFile(c, "metricsCsv", "text/csv; charset=utf-8", "metrics.csv"));
  app.get("/api/runs/:id/laws.json", (c) => reportFile(c, "lawsJson", "application/json", "laws.json"));
  app.get("/api/runs/:id/data.csv", (c) => {
    const id = runId(c);
    const detail = engine.runDetail(id);
    if (!detail) throw new HttpError(404, `no run with id '${id}'`);
    return c.body(observationsCsv(detail), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${id}-data.csv"`,
    });
  });

  app.post(
    "/api/uploads",
    bodyLimit({
      maxSize: maxUpload,
      onError: (c) => apiError(c, 413, `the file is larger than this server accepts (${Math.round(maxUpload / 1024 / 1024)} MiB)`),
    }),
    async (c) => {
      const { name } = validate(uploadQuerySchema, c.req.query(), "upload");
      // Streamed to disk as it arrives: a 19 MB body is never held whole on the server's thread.
      const body = c.req.raw.body ?? new Uint8Array(0);
      return c.json(publicUpload(await uploads.add(name, body, maxUpload)), 201);
    },
  );

  app.get("/api/uploads/:id", (c) => c.json(publicUpload(uploads.get(validate(idSchema, c.req.param("id"), "upload id")))));

  app.post("/api/explain", bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => apiError(c, 413, "the request is too large") }), async (c) => {
    const req = validate(explainRequestSchema, await jsonBody(c), "explain");
    const up = uploads.get(req.uploadId);
    if (up.kind !== "csv") throw new HttpError(400, `${up.name} is a staged dataset; explain takes a CSV table`, "uploadId");
    if (!up.columns.includes(req.target)) throw new HttpError(400, `column '${req.target}' is not in ${up.name}; its columns are ${up.columns.join(", ")}`, "target");
    if (explaining) throw new HttpError(409, "another explanation is running; wait for it to finish");
    explaining = true;
    try {
      const { uploadId: _u, target: _t, seconds, seed, ...options } = req;
      const view = await engine.explain({ path: up.path, name: up.name }, req.target, { seconds, seed, signal: c.req.raw.signal, ...options });
      return c.json(view);
    } finally {
      explaining = false;
    }
  });

  app.post("/api/score", bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => apiError(c, 413, "the request is too large") }), async (c) => {
    const req = validate(scoreRequestSchema, await jsonBody(c), "score");
    const up = uploads.get(req.uploadId);
    if (up.kind !== "csv") throw new HttpError(400, `${up.name} is a staged dataset; scoring takes a CSV table`, "uploadId");
    if (!up.columns.includes(req.target)) throw new HttpError(400, `column '${req.target}' is not in ${up.name}; its columns are ${up.columns.join(", ")}`, "target");
    const { scoreTable } = await import("./score-view.js");
    return c.json(scoreTable(uploads.text(up.id), up.name, req.target, req.law, { ...(req.noise ? { noise: req.noise } : {}), ...(req.units ? { units: req.units } : {}) }));
  });

  app.all("/api/*", (c) => apiError(c, 404, `no such API endpoint: ${c.req.method} ${c.req.path}`));

  // Only the app's files are compressed: the event stream must reach the browser as it is written.
  app.get("*", compress(), (c) => {
    // An address that is not valid percent-encoding is the client's mistake, not a missing build.
    if (!isDecodablePath(c.req.path)) return c.text("Bad request: the address is not valid percent-encoding.\n", 400);
    const file = findStaticFile(opts.webRoot, c.req.path);
    if (!file) return c.text("The web app is not built yet: run `npm run build` in the worldbreaker folder, then reload.\n", 503);
    return c.body(file.body, 200, {
      "Content-Type": file.type,
      "Cache-Control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'",
    });
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) return apiError(c, err.status, err.message, err.field);
    if (err instanceof WorldbreakerError) return apiError(c, 400, err.message);
    log(`internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    return apiError(c, 500, "the server hit an internal error; the details are in its log");
  });

  return { app, runs, uploads };
}
