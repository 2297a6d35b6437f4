import { basename, extname } from "node:path";
import { buildGraph, type Extractor } from "../../graph/build-graph.js";
import { writeGraphFile } from "../../graph/graph-files.js";
import { parseCommandArgs, numberFlag } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** `graph build <files or folders> [--name n] [--out file] [--store file] [--llm p] [--budget n] [--json]`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph build", args, {
    name: { type: "string" },
    out: { type: "string" },
    store: { type: "string" },
    llm: { type: "string" },
    budget: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length === 0) throw new UserError("graph build: give at least one file or folder to read");
  const name = values.name ?? (values.out ? basename(values.out, extname(values.out)) : "default");
  let extractor: Extractor | undefined;
  if (values.llm !== undefined) {
    const { llmExtractor } = await import("../../graph/extract-llm.js");
    extractor = await llmExtractor(values.llm, { env: ctx.env, cwd: ctx.cwd, store: values.store, budget: numberFlag("graph build", "budget", values.budget, { integer: true, min: 1 }), progress: (l) => ctx.stderr(l + "\n") });
  }
  const summary = await buildGraph({ paths: positionals, cwd: ctx.cwd, name, store: values.store, extractor, signal: ctx.signal, progress: (l) => ctx.stderr(l + "\n") });
  const g = summary.graph;
  const written = values.out ? writeGraphFile(g, values.out, ctx.cwd) : undefined;
  if (values.json) {
    ctx.stdout(
      JSON.stringify({ graph: g.getAttribute("name"), nodes: g.order, edges: g.size, added: summary.added, skipped: summary.skipped, words: summary.words, seconds: summary.seconds, interrupted: summary.interrupted, store: summary.storePath, out: written ?? null }) + "\n",
    );
  } else {
    ctx.stdout(`graph ${g.getAttribute("name")}: ${g.order} concepts, ${g.size} edges from ${g.getAttribute("documents").length} documents (${summary.added.length} added, ${summary.skipped.length} unchanged, ${summary.words} words in ${summary.seconds.toFixed(2)} s)\n`);
    ctx.stdout(`saved in ${summary.storePath}${written ? `; written to ${written}` : ""}\n`);
  }
  if (summary.interrupted) ctx.stderr("interrupted: the documents read so far are saved\n");
  return summary.interrupted ? 130 : 0;
}
