import { WorldError } from "./errors.js";
import { parse, ParseError } from "../expr/index.js";
import { splitCommandLine } from "./command-line.js";
import { describeSchema, errorAnswer, firstIssue, readOutputs, type DescribeAnswer } from "./external-protocol.js";
import { JsonLinesProcess, ProcessFailure } from "./json-lines-process.js";
import { assertExperiments } from "./space.js";
import type { Experiment, InputSpec, World, WorldInfo } from "./world.js";

/**
 * A world in another process, spoken to in the JSON-lines protocol of DESIGN.md. The command line is
 * split without a shell (see `splitCommandLine`). Each request has a timeout; a process that crashes
 * or hangs is killed, restarted and the request retried a bounded number of times; a garbage line or
 * an `{"error"}` answer becomes a clear error at once. Experiments outside the declared ranges are
 * never sent, and a world that describes itself differently after a restart is refused.
 */

/** How an external world is run. */
export interface ExternalWorldOptions {
  /** Directory the command runs in. */
  cwd: string;
  /** Limit for each request, in ms (default: $WORLDBREAKER_WORLD_TIMEOUT seconds, else 30 000). */
  timeoutMs?: number;
  /** Restarts allowed per request after a crash or timeout (default 2). */
  retries?: number;
  /** Environment of the child (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Told about each restart (progress goes to stderr in the CLI). */
  onRestart?: (why: string) => void;
  /** Aborting kills the process at once; the request in flight fails with "interrupted" and is not retried. */
  signal?: AbortSignal;
}

/** Starts the command, asks it to describe itself, and returns the World. */
export async function openExternalWorld(commandLine: string, options: ExternalWorldOptions): Promise<World> {
  const argv = splitCommandLine(commandLine);
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv(process.env.WORLDBREAKER_WORLD_TIMEOUT) ?? 30_000;
  const retries = options.retries ?? 2;
  const label = `external world '${commandLine.length > 60 ? commandLine.slice(0, 60) + "…" : commandLine}'`;
  let proc: JsonLinesProcess | null = null;
  let described: string | null = null;
  options.signal?.addEventListener("abort", () => (proc as JsonLinesProcess | null)?.kill(), { once: true });
  const interrupted = (): WorldError => new WorldError(`${label}: interrupted`);

  const start = async (): Promise<DescribeAnswer> => {
    proc = new JsonLinesProcess(argv, options.cwd, options.env);
    try {
      return checkDescribe(await proc.request({ op: "describe" }, timeoutMs));
    } catch (err) {
      if (err instanceof WorldError) {
        proc.kill();
        proc = null;
      }
      throw err;
    }
  };

  const checkDescribe = (answer: unknown): DescribeAnswer => {
    const err = errorAnswer(answer);
    if (err !== null) throw new WorldError(`${label}: describe answered an error: ${err}`);
    const parsed = describeSchema.safeParse(answer);
    if (!parsed.success) throw new WorldError(`${label}: bad describe answer: ${firstIssue(parsed.error)}`);
    if (parsed.data.receivedTheory !== undefined) {
      try {
        parse(parsed.data.receivedTheory, { variables: parsed.data.inputs.map((i) => i.name) });
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
        throw new WorldError(`${label}: bad describe answer: receivedTheory: ${err.message}`);
      }
    }
    const text = JSON.stringify(parsed.data);
    if (described !== null && text !== described) throw new WorldError(`${label}: described itself differently after a restart; refusing to mix its answers`);
    described = text;
    return parsed.data;
  };

  /** Sends one request, restarting the process after a crash or a timeout, at most `retries` times. */
  const send = async (message: unknown): Promise<unknown> => {
    let lastFailure = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (options.signal?.aborted) throw interrupted();
      try {
        if (proc === null) await start();
        return await proc!.request(message, timeoutMs);
      } catch (err) {
        if (options.signal?.aborted) throw interrupted();
        if (!(err instanceof ProcessFailure)) throw err;
        proc?.kill();
        proc = null;
        if (err.reason === "garbage") throw new WorldError(`${label}: ${err.message}`);
        lastFailure = err.message;
        if (attempt < retries) options.onRestart?.(`${label} ${err.message}; restarting (${attempt + 1}/${retries})`);
      }
    }
    throw new WorldError(`${label}: ${lastFailure}; gave up after ${retries + 1} attempts`);
  };

  let desc: DescribeAnswer;
  try {
    desc = await start();
  } catch (err) {
    (proc as JsonLinesProcess | null)?.kill();
    if (err instanceof ProcessFailure) throw new WorldError(`${label}: ${err.message} while describing itself`);
    throw err;
  }

  const inputs: InputSpec[] = desc.inputs.map((s) => {
    const spec: InputSpec = { name: s.name, min: s.min, max: s.max, kind: s.kind };
    if (s.unit !== undefined) spec.unit = s.unit;
    if (s.initial) spec.initial = [s.initial[0], s.initial[1]];
    if (s.description !== undefined) spec.description = s.description;
    if (s.scale !== undefined) spec.scale = s.scale;
    return spec;
  });
  const info: WorldInfo = {
    name: desc.name,
    description: desc.description,
    shape: "simulator",
    inputs,
    output: { ...desc.output },
    cost: desc.cost ?? 1,
    noise: desc.noise ?? "unknown (external world)",
  };
  if (desc.receivedTheory !== undefined) info.receivedTheory = desc.receivedTheory;
  if (desc.noiseModel !== undefined) info.noiseModel = { kind: desc.noiseModel.kind };

  return {
    info,
    async run(experiments: Experiment[]): Promise<(number | null)[]> {
      assertExperiments(info.name, inputs, experiments);
      if (experiments.length === 0) return [];
      // Send exactly the declared inputs, in declared order.
      const clean = experiments.map((e) => Object.fromEntries(inputs.map((s) => [s.name, e[s.name]])));
      const answer = await send({ op: "run", inputs: clean });
      const err = errorAnswer(answer);
      if (err !== null) throw new WorldError(`${label} answered an error: ${err}`);
      const read = readOutputs(answer, experiments.length);
      if ("problem" in read) throw new WorldError(`${label}: ${read.problem}`);
      return read.outputs;
    },
    async close(): Promise<void> {
      const p = proc as JsonLinesProcess | null;
      proc = null;
      await p?.close();
    },
  };
}

/** `$WORLDBREAKER_WORLD_TIMEOUT` (seconds per request) in ms; a value that is not a positive number is refused. */
function timeoutFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new WorldError(`WORLDBREAKER_WORLD_TIMEOUT must be a positive number of seconds, got '${value}'`);
  return Math.round(seconds * 1000);
}
