/**
 * External predictors: a command speaking JSON lines on stdin/stdout, or an HTTP endpoint taking the same JSON
 * by POST. One request per batch:
 *   {"op":"predict","kind":"force"|"modes","sequences":["…"],"seed":n,"replicas":n}
 *   → {"results":[{"fmax","energy","history":[25 numbers]} | {"modes":[[…],[…],[…]],"bfactors"?:[…]}, …]}
 * then {"op":"close"} (command only). Any request may be answered {"error":"message"}. Answers are validated;
 * a malformed answer is a one-line UserError naming the predictor and the problem.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { z } from "zod";
import { UserError } from "../errors.js";
import type { ForceResult, ModesResult, PredictOptions, Predictor } from "./predictor.js";

const forceSchema = z.object({ fmax: z.number().finite(), energy: z.number().finite(), history: z.array(z.number().finite()).length(25) });
const modesSchema = z.object({ modes: z.array(z.array(z.number().finite())).length(3), bfactors: z.array(z.number().finite()).optional() });
const answerSchema = z.union([z.object({ error: z.string() }), z.object({ results: z.array(z.unknown()) })]);

function validate(name: string, kind: "force" | "modes", answer: unknown, sequences: string[]): (ForceResult | ModesResult)[] {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) throw new UserError(`predictor ${name}: answer is neither {"results": [...]} nor {"error": "..."}`);
  if ("error" in parsed.data) throw new UserError(`predictor ${name}: ${parsed.data.error}`);
  const results = parsed.data.results;
  if (results.length !== sequences.length) throw new UserError(`predictor ${name}: ${results.length} results for ${sequences.length} sequences`);
  return results.map((r, i) => {
    const one = (kind === "force" ? forceSchema : modesSchema).safeParse(r);
    if (!one.success) {
      const issue = one.error.issues[0];
      throw new UserError(`predictor ${name}: result ${i + 1}: field '${issue.path.join(".")}': ${issue.message}`);
    }
    if (kind === "modes") {
      const m = one.data as ModesResult;
      if (m.modes.some((row) => row.length !== sequences[i].length)) {
        throw new UserError(`predictor ${name}: result ${i + 1}: each mode needs ${sequences[i].length} amplitudes`);
      }
    }
    return one.data as ForceResult | ModesResult;
  });
}

/** Splits a command line into words, honouring single and double quotes (no shell is involved). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null; else cur += ch;
    } else if (ch === "'" || ch === '"') { quote = ch; has = true; }
    else if (/\s/.test(ch)) { if (has || cur) words.push(cur); cur = ""; has = false; }
    else cur += ch;
  }
  if (quote) throw new UserError(`predictor command has an unclosed ${quote} quote`);
  if (has || cur) words.push(cur);
  if (words.length === 0) throw new UserError("predictor command is empty");
  return words;
}

/** A predictor running as a child process speaking JSON lines. */
export function commandPredictor(commandLine: string, cwd: string): Predictor {
  const [cmd, ...args] = splitCommandLine(commandLine);
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
    c.on("error", (e) => fail(new UserError(`predictor ${name} could not start: ${e.message}`)));
    c.on("exit", (code) => fail(new UserError(`predictor ${name} exited (code ${code})${stderrTail ? `: ${stderrTail.trim().split("\n").pop()}` : ""}`)));
    c.stderr.on("data", (d: Buffer) => { stderrTail = (stderrTail + d.toString()).slice(-500); });
    createInterface({ input: c.stdout }).on("line", (line) => {
      const w = waiting.shift();
      if (!w) return;
      try { w.resolve(JSON.parse(line)); } catch { w.reject(new UserError(`predictor ${name} wrote a line that is not JSON: ${line.slice(0, 80)}`)); }
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
      failure = new UserError(`predictor ${name} is closed`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { c.kill(); resolve(); }, 2000);
        c.once("exit", () => { clearTimeout(timer); resolve(); });
        c.stdin.end(JSON.stringify({ op: "close" }) + "\n");
      });
    },
  };
}

/** A predictor behind an HTTP endpoint taking the request JSON by POST. */
export function httpPredictor(url: string, signal?: AbortSignal): Predictor {
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
      throw new UserError(`predictor ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new UserError(`predictor ${name}: HTTP ${res.status}`);
    let body: unknown;
    try { body = await res.json(); } catch { throw new UserError(`predictor ${name}: answer is not JSON`); }
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
export function externalPredictor(spec: string, cwd: string, signal?: AbortSignal): Predictor {
  return /^https?:\/\//i.test(spec.trim()) ? httpPredictor(spec.trim(), signal) : commandPredictor(spec, cwd);
}
