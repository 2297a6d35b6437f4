import type { Command, CommandContext } from "../command.js";
import { UserError } from "../errors.js";

/** Subcommand name → loader of its handler (each lives in its own `graph-<name>.ts`). */
const subcommands: Record<string, () => Promise<{ run: (args: string[], ctx: CommandContext) => Promise<number> }>> = {
  build: () => import("./graph-build.js"),
  stats: () => import("./graph-stats.js"),
  path: () => import("./graph-path.js"),
  hypothesize: () => import("./graph-hypothesize.js"),
  analogy: () => import("./graph-analogy.js"),
};

const usage = `usage: worldbreaker graph <subcommand> ...

Knowledge graphs of concepts and relations read from text, path reasoning and cross-domain analogies.

  graph build <files or folders> [--name n] [--out g.json|g.graphml] [--store file] [--llm profile] [--budget n]
      Extracts concepts and typed relations (offline NLP by default; a language model with --llm) and adds
      them to the stored graph <n> (default: the --out file's base name, else 'default'). Re-running with
      new files extends the stored graph without rebuilding it.
  graph stats <g.json|name> [--json] [--max-community n] [--top n] [--seed n]
      Size, degree distribution, scale-free fit, communities (Louvain split recursively to a size cap),
      hubs (degree) and bridges (betweenness).
  graph path <g.json|name> <a> <b> [--seed n] [--waypoints n] [--json] [--llm|--embeddings profile] [--min-similarity x]
      A randomised path between two concepts through random waypoints, printed as a -[rel]-> b -[rel]-> ...
      With a profile that has an embeddingModel, a name matching no concept by lemma is matched to the
      nearest concept by embeddings (refused below --min-similarity, default 0.5).
  graph hypothesize <g.json|name> <a> <b> --llm <profile> [--seed n] [--json] [--out h.md] [--min-similarity x]
      Ontologist, scientist and critic agents turn a sampled path into a testable hypothesis with a
      falsification plan that 'worldbreaker discover' can run.
  graph analogy <a.json> <b.json> [--json] [--top n] [--seed n] [--min-size n]
      Structure-preserving maps between two graphs (relation types respected, missing edges tolerated),
      best first, with the statements of one domain restated in the other's terms.

A graph argument is a graphology JSON file or the name of a graph saved in the store
(default .wb-runs/worldbreaker.sqlite; --store to choose another).
`;

/** `worldbreaker graph …`: dispatches to the subcommand files. */
export const command: Command = {
  name: "graph",
  summary: "knowledge graphs from text: build, stats, path, hypothesize, analogy",
  usage,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === undefined) throw new UserError(`graph: missing subcommand (one of ${Object.keys(subcommands).join(", ")}); see 'worldbreaker help graph'`);
    const load = Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    if (!load) throw new UserError(`graph: unknown subcommand '${sub}' (one of ${Object.keys(subcommands).join(", ")})`);
    return (await load()).run(rest, ctx);
  },
};
