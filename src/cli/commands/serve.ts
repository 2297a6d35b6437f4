import { resolve } from "node:path";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { packageVersion } from "../version.js";

const USAGE = `usage: worldbreaker serve [--host h] [--port p] [--token t] [--allow-external] [--store dir] [--max-upload-mb n]

Starts the web app: open the printed address in a browser to start runs, watch them live,
explain uploaded tables and download reports. Stop it with Ctrl-C.

  --host h            address to listen on (default 127.0.0.1, this machine only). Any other
                      address needs an access token.
  --port p            port (default 4317; 0 picks a free one)
  --token t           access token every request must carry (default: env WORLDBREAKER_TOKEN).
                      The printed address carries it once as ?token=…
  --allow-external    let the page start external world programs (off by default: anyone
                      with access could otherwise run commands on this machine)
  --store dir         run journal folder (default: env WORLDBREAKER_HOME or ./.wb-runs)
  --max-upload-mb n   largest accepted upload (default 20)
`;

/** `worldbreaker serve`: the HTTP API and browser app. */
export const command: Command = {
  name: "serve",
  summary: "start the web app (runs, live view, explain, reports) in your browser",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("serve", args, {
      host: { type: "string" },
      port: { type: "string" },
      token: { type: "string" },
      "allow-external": { type: "boolean" },
      store: { type: "string" },
      "max-upload-mb": { type: "string" },
    });
    const { UserError } = await import("../errors.js");
    if (positionals.length > 0) throw new UserError(`serve: unexpected argument '${positionals[0]}' (see 'worldbreaker help serve')`);
    const host = values.host ?? "127.0.0.1";
    const port = numberFlag("serve", "port", values.port, { integer: true, min: 0, max: 65535 }) ?? 4317;
    const maxMb = numberFlag("serve", "max-upload-mb", values["max-upload-mb"], { min: 0.001, max: 2048 }) ?? 20;
    const token = values.token ?? (ctx.env.WORLDBREAKER_TOKEN || undefined);

    const { checkBindAllowed, isLoopbackHost } = await import("../../server/bind.js");
    checkBindAllowed(host, token);
    const { resolveStoreDir } = await import("../../journal/index.js");
    const { createDiscoveryEngine } = await import("../../server/discovery-engine.js");
    const { startServer } = await import("../../server/server.js");
    const { defaultWebRoot } = await import("../../server/static-files.js");

    const storeDir = resolveStoreDir({ store: values.store, env: ctx.env, cwd: ctx.cwd });
    const engine = createDiscoveryEngine({ storeDir, env: ctx.env, cwd: ctx.cwd, log: (l) => ctx.stderr(`${l}\n`) });
    let server;
    try {
      server = await startServer({
        engine,
        host,
        port,
        token,
        allowExternal: values["allow-external"] === true,
        maxUploadBytes: Math.round(maxMb * 1024 * 1024),
        dataDir: resolve(storeDir, "web"),
        webRoot: defaultWebRoot(),
        version: packageVersion(),
        log: (l) => ctx.stderr(`${l}\n`),
      });
    } catch (err) {
      engine.close();
      throw err;
    }
    if (!isLoopbackHost(host)) {
      if (host === "0.0.0.0" || host === "::") ctx.stderr("note: listening on every address; from another machine, use this machine's name or address in place of 127.0.0.1\n");
      ctx.stderr("note: traffic is plain HTTP; on an untrusted network put it behind HTTPS (a reverse proxy)\n");
    }
    if (values["allow-external"]) ctx.stderr("note: --allow-external: anyone with access can start programs on this machine\n");
    ctx.stderr(`runs are journaled in ${storeDir}; press Ctrl-C to stop\n`);
    ctx.stdout(`worldbreaker is ready: open ${server.url}\n`);
    await new Promise<void>((done) => {
      if (ctx.signal.aborted) done();
      else ctx.signal.addEventListener("abort", () => done(), { once: true });
    });
    ctx.stderr("stopping: finishing the current run's step and closing\n");
    await server.close();
    return 0;
  },
};
