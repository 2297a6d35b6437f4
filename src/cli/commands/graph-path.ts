import { DEFAULT_MIN_SIMILARITY } from "../../graph/embed-match.js";
import { loadGraphRef } from "../../graph/graph-files.js";
import { formatPath, samplePath, samplePathBetween, type PathOptions } from "../../graph/path.js";
import { resolveConceptPair } from "../../graph/resolve-concepts.js";
import { loadLlmProfile, type LlmProfile } from "../../llm/profiles.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/**
 * `graph path <g.json|name> <a> <b> [--seed n] [--waypoints n] [--json] [--store file]
 * [--llm profile | --embeddings profile] [--min-similarity x]`.
 */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("graph path", args, {
    seed: { type: "string" },
    waypoints: { type: "string" },
    randomness: { type: "string" },
    json: { type: "boolean" },
    store: { type: "string" },
    llm: { type: "string" },
    embeddings: { type: "string" },
    "min-similarity": { type: "string" },
  });
  if (positionals.length !== 3) throw new UserError("graph path: give a graph and two concepts, e.g. graph path g.json silk melody");
  const [ref, a, b] = positionals;
  const opts: PathOptions = {
    seed: numberFlag("graph path", "seed", values.seed, { integer: true }) ?? 1,
    waypoints: numberFlag("graph path", "waypoints", values.waypoints, { integer: true, min: 0, max: 20 }) ?? 2,
    randomness: numberFlag("graph path", "randomness", values.randomness, { min: 0, max: 10 }) ?? 1,
  };
  const minSimilarity = numberFlag("graph path", "min-similarity", values["min-similarity"], { min: -1, max: 1 }) ?? DEFAULT_MIN_SIMILARITY;
  const g = loadGraphRef(ref, ctx.cwd, values.store);
  const profile = embeddingsProfile(values.embeddings, values.llm, ctx);
  if (!profile) {
    const path = samplePath(g, a, b, opts);
    ctx.stdout(values.json ? JSON.stringify({ ...path, text: formatPath(path) }) + "\n" : formatPath(path) + "\n");
    return 0;
  }
  const [from, to] = await resolveConceptPair(g, a, b, { profile, cwd: ctx.cwd, store: values.store, minSimilarity, signal: ctx.signal, log: (l) => ctx.stderr(l + "\n"), who: "graph path" });
  const path = samplePathBetween(g, from.key, to.key, opts, [a, b]);
  const matches = { from: { query: a, ...from }, to: { query: b, ...to } };
  ctx.stdout(values.json ? JSON.stringify({ ...path, matches, text: formatPath(path) }) + "\n" : formatPath(path) + "\n");
  return 0;
}

/** The profile of `--embeddings p` (which must have an embeddings model) or `--llm p` (when it has one). */
function embeddingsProfile(embeddings: string | undefined, llm: string | undefined, ctx: CommandContext): LlmProfile | undefined {
  if (embeddings !== undefined && llm !== undefined && embeddings !== llm) throw new UserError("graph path: give --embeddings or --llm, not both");
  const name = embeddings ?? llm;
  if (name === undefined) return undefined;
  const profile = loadLlmProfile(name, { env: ctx.env, cwd: ctx.cwd });
  if (profile.embeddingModel) return profile;
  if (embeddings !== undefined) throw new UserError(`graph path: LLM profile '${name}' has no embeddings model: set embeddingModel in its entry of ${profile.source || "worldbreaker.llm.json"} (or WORLDBREAKER_EMBEDDINGS_MODEL for the default profile)`);
  ctx.stderr(`graph path: LLM profile '${name}' has no embeddingModel; matching concepts by name and lemma only\n`);
  return undefined;
}
