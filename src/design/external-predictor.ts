/**
 * External predictors: a command speaking JSON lines on stdin/stdout, or an HTTP endpoint taking the same JSON
 * by POST. One request per batch:
 *   {"op":"predict","kind":"force"|"modes","sequences":["…"],"seed":n,"replicas":n}
 *   → {"results":[{"fmax","energy","history":[25 numbers]} | {"modes":[[…],[…],[…]],"bfactors"?:[…]}, …]}
 * then {"op":"close"} (command only). Any request may be answered {"error":"message"}. Answers are validated;
 * a malformed answer is a one-line DesignError naming the predictor and the problem.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { z } from "zod";
import { splitCommandLine } from "../worlds/command-line.js";
import { WorldError } from "../worlds/errors.js";
import { DesignError } from "./errors.js";
import type { ForceResult, ModesResult, PredictOptions, ProteinPredictor } from "./predictor.js";

const forceSchema = z.object({ fmax: z.number().finite(), energy: z.number().finite(), history: z.array(z.number().finite()).length(25) });
const modesSchema = z.object({ modes: z.array(z.array(z.number().finite())).length(3), bfactors: z.array(z.number().finite()).optional() });
const answerSchema = z.union([z.object({ error: z.string() }), z.object({ results: z.array(z.unknown()) })]);

function validate(name: string, kind: "force" | "modes", answer: unknown, sequences: string[]): (ForceResult | ModesResult)[] {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) throw new DesignError(`predictor ${name}: answer is neither {"results": [...]} nor {"error": "..."}`);
  if ("error" in parsed.data) throw new DesignError(`predictor ${name}: ${parsed.data.error}`);
  const results = parsed.data.results;
  if (results.length !== sequences.length) throw new DesignError(`predictor ${name}: ${results.length} results for ${sequences.length} sequences`);
  return results.map((r, i) => {
    const one = (kind === "force" ? forceSchema : modesSchema).safeParse(r);
    if (!one.success) {
      const issue = one.error.issues[0];
      throw new DesignError(`predictor ${name}: result ${i + 1}: field '${issue.path.join(".")}': ${issue.message}`);
    }
    if (kind === "modes") {
      const m = one.data as ModesResult;
      if (m.modes.some((row) => row.length !== sequences[i].length)) {
        throw new DesignError(`predictor ${name}: result ${i + 1}: each mode needs ${sequences[i].length} amplitudes`);
      }
    }
    return one.data as ForceResult | ModesResult;
  });
}

/** The predictor's argv, split as external worlds split theirs (see `splitCommandLine`); a bad line is a DesignError. */
function predictorArgv(commandLine: string): string[] {
  try {
    return splitCommandLine(commandLine, "predictor command");
  } catch (err) {
    if (!(err instanceof WorldError)) throw err;
    throw new DesignError(err.message);
  }
}

/** A predictor running as a child process speaking JSON lines. */
export function commandPredictor(commandLine: string, cwd: string): ProteinPredictor {
  const [cmd, ...args] = predictorArgv(commandLine);
  const name = `'${commandLine}'`;
  let child: ChildProcessWithoutNullStreams | null = null;
  const waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  let stderrTail = "";
  const fail = (e: Error) => {
    failure ??= e;
    while (waiting.length) waiting.shift()!.reject(failure);
  };
  const start = () => {
    const c = spawn(cmd, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    c.on("error", (e) => fail(new DesignError(`predictor ${name} could not start: ${e.message}`)));
    c.on("exit", (code) => fail(new DesignError(`predictor ${name} exited (code ${code})${stderrTail ? `: ${stderrTail.trim().split("\n").pop()}` : ""}`)));
    c.stderr.on("data", (d: Buffer) => { stderrTail = (stderrTail + d.toString()).slice(-500); });
    createInterface({ input: c.stdout }).on("line", (line) => {
      const w = waiting.shift();
      if (!w) return;
      try {
        w.resolve(JSON.parse(line));
      } catch (err) {
        if (!(err instanceof SyntaxError)) throw err;
        w.reject(new DesignError(`predictor ${name} wrote a line that is not JSON: ${line.slice(0, 80)}`));
      }
    });
    return c;
  };
  const request = (body: object): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    child ??= start();
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      child!.stdin.write(JSON.stringify(body) + "\n");
    });
  };
  const predict = async (kind: "force" | "modes", sequences: string[], o: PredictOptions) =>
    validate(name, kind, await request({ op: "predict", kind, sequences, seed: o.seed, replicas: o.replicas }), sequences);
  return {
    name: `command ${commandLine}`,
    force: async (s, o) => (await predict("force", s, o)) as ForceResult[],
    modes: async (s, o) => (await predict("modes", s, o)) as ModesResult[],
    async close() {
      if (!child || failure) return;
      const c = child;
      failure = new DesignError(`predictor ${name} is closed`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { c.kill(); resolve(); }, 2000);
        c.once("exit", () => { clearTimeout(timer); resolve(); });
        c.stdin.end(JSON.stringify({ op: "close" }) + "\n");
      });
    },
  };
}

/** A predictor behind an HTTP endpoint taking the request JSON by POST. */
export function httpPredictor(url: string, signal?: AbortSignal): ProteinPredictor {
  const name = url;
  const predict = async (kind: "force" | "modes", sequences: string[], o: PredictOptions) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ op: "predict", kind, sequences, seed: o.seed, replicas: o.replicas }),
        signal,
      });
    } catch (e) {
      throw new DesignError(`predictor ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new DesignError(`predictor ${name}: HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      throw new DesignError(`predictor ${name}: answer is not JSON`);
    }
    return validate(name, kind, body, sequences);
  };
  return {
    name: `http ${url}`,
    force: async (s, o) => (await predict("force", s, o)) as ForceResult[],
    modes: async (s, o) => (await predict("modes", s, o)) as ModesResult[],
    async close() {},
  };
}

/** Chooses an HTTP or command predictor from a user-given specification. */
export function externalPredictor(spec: string, cwd: string, signal?: AbortSignal): ProteinPredictor {
  return /^https?:\/\//i.test(spec.trim()) ? httpPredictor(spec.trim(), signal) : commandPredictor(spec, cwd);
}
