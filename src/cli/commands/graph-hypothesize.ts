import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadGraphRef } from "../../graph/graph-files.js";
import { hypothesisMarkdown, hypothesize } from "../../graph/hypothesize.js";
import { openGraphLlm } from "../../graph/llm-session.js";
import { resolveConceptPair } from "../../graph/resolve-concepts.js";
import { builtinWorlds } from "../../worlds/registry.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** `graph hypothesize <g> <a> <b> --llm p [--seed n] [--waypoints n] [--json] [--out file.md|file.json] [--budget n] [--store file] [--min-similarity x]`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph hypothesize", args, {
    llm: { type: "string" },
    seed: { type: "string" },
    waypoints: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    budget: { type: "string" },
    store: { type: "string" },
    "min-similarity": { type: "string" },
  });
  if (positionals.length !== 3) throw new UserError("graph hypothesize: give a graph and two concepts, e.g. graph hypothesize g.json silk melody --llm default");
  if (values.llm === undefined) {
    throw new UserError("graph hypothesize: a language model is needed to write hypotheses; pass --llm <profile> (e.g. --llm default with WORLDBREAKER_LLM_BASE_URL set). 'graph path' samples the path offline.");
  }
  const [ref, a, b] = positionals;
  const g = loadGraphRef(ref, ctx.cwd, values.store);
  const session = openGraphLlm(values.llm, {
    env: ctx.env,
    cwd: ctx.cwd,
    store: values.store,
    budget: numberFlag("graph hypothesize", "budget", values.budget, { integer: true, min: 1 }),
    signal: ctx.signal,
    log: (l) => ctx.stderr(l + "\n"),
  });
  // With an embeddings model in the profile, names the offline matcher cannot place are matched by embeddings.
  const minSimilarity = numberFlag("graph hypothesize", "min-similarity", values["min-similarity"], { min: -1, max: 1 });
  const resolved = await resolveConceptPair(g, a, b, { profile: session.profile, cwd: ctx.cwd, store: values.store, minSimilarity, signal: ctx.signal, log: (l) => ctx.stderr(l + "\n"), who: "graph hypothesize" });
  const report = await hypothesize(g, a, b, session, {
    resolved: [resolved[0].key, resolved[1].key],
    seed: numberFlag("graph hypothesize", "seed", values.seed, { integer: true }) ?? 1,
    waypoints: numberFlag("graph hypothesize", "waypoints", values.waypoints, { integer: true, min: 0, max: 20 }) ?? 2,
    randomness: 1,
    worlds: builtinWorlds.map((w) => ({ name: w.name, summary: w.summary })),
    progress: (l) => ctx.stderr(l + "\n"),
  });
  const markdown = hypothesisMarkdown(report);
  if (values.out) {
    const path = resolve(ctx.cwd, values.out);
    try {
      writeFileSync(path, values.out.toLowerCase().endsWith(".json") ? JSON.stringify(report, null, 1) + "\n" : markdown);
    } catch (err) {
      throw new UserError(`cannot write ${values.out}: ${err instanceof Error ? err.message : String(err)}`);
    }
    ctx.stderr(`written to ${path}\n`);
  }
  ctx.stdout(values.json ? JSON.stringify(report) + "\n" : markdown);
  const stats = session.stats();
  ctx.stderr(`llm: ${stats.calls} calls, ${stats.tokens.total} tokens\n`);
  return 0;
}
