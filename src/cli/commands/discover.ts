import { basename, dirname, join, resolve } from "node:path";
import { parseCommandArgs, numberFlag } from "../args.js";
import type { Command } from "../command.js";
import { UserError } from "../errors.js";
import { noiseFlag } from "../noise-flag.js";

const USAGE = `usage: worldbreaker discover <world> [options]
       worldbreaker discover --external "<command line>" [options]

Starts from the world's received theory (or the law explained from the first data), lets the Breaker
design experiments to falsify it and the Explainer revise it under the description-length gate.
<world> is a built-in world (see 'worldbreaker worlds'), a staged-dataset .json or a .csv file.

options:
  --rounds <n>          rounds after round 0 (default 8)
  --seed <n>            seed of the world's noise and of every choice (default 1)
  --budget <n>          most observations in the run (default 400)
  --batch <n>           experiments per round (default 12)
  --initial <n>         experiments in round 0, inside the initial sub-range (default 24)
  --patience <k>        stop once the law survived k rounds unchanged (default 3)
  --threshold <bits>    bits a new law must save to be accepted (default 10)
  --strategies <list>   Breaker strategies: frontier,disagreement,residuals,coverage,stages,random
  --evaluations <n>     Explainer evaluations per round (default 4000 unless --time is
                        given: a seed reproduces the run on any machine)
  --time <s>            Explainer wall-time budget per round in seconds instead (or, with
                        --evaluations, a limit on top of it; default limit 60)
  --threads <n>         Explainer threads (default 1)
  --derived <def>       derived variable, e.g. --derived "cummax(strain)" (repeatable; "off" for none)
  --noise <model>       absolute, relative or poisson: how the measurement noise spreads with the level,
                        overriding the world's declaration (default: the world's, else absolute)
  --target <column>     target column of a .csv world (default: the last)
  --store <dir>         run journal directory (default $WORLDBREAKER_HOME or .wb-runs/)
  --out <dir>           write report.html, metrics.csv and laws.json there
                        (default: <store>/<runId>/)
  --llm <profile>       let language-model agents propose laws and experiments
  --llm-config <file>   language-model profiles file (default $WORLDBREAKER_LLM_CONFIG,
                        then ./worldbreaker.llm.json)
  --json                print the result as one JSON object

environment:
  WORLDBREAKER_WORLD_TIMEOUT  seconds an external world gets per request (default 30); a world that
                              hangs is ended with everything it started and retried twice
`;

/** `worldbreaker discover`: the main job. */
export const command: Command = {
  name: "discover",
  summary: "break a world's received theory with designed experiments and find the law that survives",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("discover", args, {
      rounds: { type: "string" },
      seed: { type: "string" },
      budget: { type: "string" },
      batch: { type: "string" },
      initial: { type: "string" },
      patience: { type: "string" },
      threshold: { type: "string" },
      strategies: { type: "string" },
      time: { type: "string" },
      evaluations: { type: "string" },
      threads: { type: "string" },
      derived: { type: "string", multiple: true },
      noise: { type: "string" },
      target: { type: "string" },
      external: { type: "string" },
      store: { type: "string" },
      out: { type: "string" },
      llm: { type: "string" },
      "llm-config": { type: "string" },
      json: { type: "boolean" },
    });
    if (values["llm-config"] !== undefined && values.llm === undefined) throw new UserError("discover: --llm-config needs --llm <profile>");
    if (positionals.length > 1) throw new UserError(`discover: one world at a time, got ${positionals.join(", ")}`);
    const name = positionals[0];
    if ((name === undefined) === (values.external === undefined)) throw new UserError(`discover: give a world name or file, or --external "<command>" (see 'worldbreaker help discover')`);
    const world = values.external !== undefined
      ? { external: values.external }
      : /\.(json|csv)$/i.test(name!)
        ? { file: resolve(ctx.cwd, name!), ...(values.target ? { target: values.target } : {}) }
        : { name: name! };
    const n = (flag: string, v: string | undefined, o: { integer?: boolean; min?: number } = { integer: true, min: 1 }) => numberFlag("discover", flag, v, o);
    const derivedFlags = values.derived ?? [];
    const derived = derivedFlags.length === 0 ? undefined : derivedFlags.length === 1 && derivedFlags[0] === "off" ? ("off" as const) : derivedFlags.flatMap((d) => d.split(";")).map((d) => d.trim()).filter(Boolean);
    const options = {
      world,
      seed: n("seed", values.seed, { integer: true, min: 0 }),
      rounds: n("rounds", values.rounds, { integer: true, min: 0 }),
      budget: n("budget", values.budget),
      batch: n("batch", values.batch),
      initialCount: n("initial", values.initial),
      patience: n("patience", values.patience),
      thresholdBits: n("threshold", values.threshold, { min: 0 }),
      strategies: values.strategies?.split(",").map((s) => s.trim()).filter(Boolean),
      explainSeconds: n("time", values.time, { min: 0.01 }),
      explainEvaluations: n("evaluations", values.evaluations),
      threads: n("threads", values.threads),
      derived,
      llm: values.llm,
      noise: noiseFlag("discover", values.noise),
    };
    const { discover } = await import("../../discover/loop.js");
    const { openRunStore, contractJson, summaryText, loadAgents } = await import("../discover-wiring.js");
    const { newRunId } = await import("../../journal/index.js");
    const store = openRunStore(values.store, ctx);
    try {
      // The id is fixed before the run starts so that language-model exchanges are journaled under it.
      const runId = newRunId(name !== undefined ? basename(name).replace(/\.(json|csv)$/i, "") : "external");
      const agents = values.llm ? await loadAgents(values.llm, ctx, store, runId, { seed: options.seed ?? 1, configPath: values["llm-config"] }) : undefined;
      const result = await discover(options, { store, agents, runId, signal: ctx.signal, cwd: ctx.cwd, progress: (line) => ctx.stderr(line + "\n") });
      // Without --out the report goes beside the journal, under the run's id.
      const outDir = values.out ? resolve(ctx.cwd, values.out) : join(dirname(store.path), result.runId);
      const { writeReport } = await import("../../report/index.js");
      const files = writeReport(store, result.runId, outDir);
      ctx.stderr(`report written to ${files.html}\n`);
      ctx.stdout(values.json ? JSON.stringify(contractJson(result)) + "\n" : summaryText(result, outDir));
      return result.status === "aborted" ? 130 : 0;
    } finally {
      store.close();
    }
  },
};
