import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { UserError } from "../errors.js";
import { createApp, type AppOptions, type ServerApp } from "./app.js";
import { checkBindAllowed } from "./bind.js";

/** Options of a listening server: the app's plus where to listen. */
export interface ServerOptions extends AppOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

/** A listening server. */
export interface RunningServer extends ServerApp {
  /** The address to open (with `?token=` when a token is set). */
  url: string;
  /** The address without the token, safe to log. */
  baseUrl: string;
  port: number;
  /** Stops the run in progress, closes connections and the journal. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts listening; refuses a non-loopback address without a token before opening any socket. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  checkBindAllowed(opts.host, opts.token);
  const parts = createApp(opts);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: parts.app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s));
    s.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") reject(new UserError(`serve: port ${opts.port} on ${opts.host} is already in use; choose another with --port`));
      else if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") reject(new UserError(`serve: cannot listen on '${opts.host}': not an address of this machine`));
      else if (err.code === "EACCES") reject(new UserError(`serve: not allowed to listen on port ${opts.port}; choose one above 1023`));
      else reject(err);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${urlHost(opts.host)}:${port}/`;
  const url = opts.token ? `${baseUrl}?token=${encodeURIComponent(opts.token)}` : baseUrl;
  return {
    ...parts,
    url,
    baseUrl,
    port,
    async close() {
      await parts.runs.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      opts.engine.close();
    },
  };
}
