/**
 * The layers of worldbreaker, checked on every build (`npm run check:deps`, part of `npm test`).
 * A folder may import only from folders on a LOWER level (and from itself); folders on the same level
 * are independent of each other. No import cycles anywhere. The pure layers reach no `node:` module.
 * docs/architecture.md draws the same picture for people.
 */
const levels = [
  ["random", "stats"], // seeded streams and distributions; statistical functions
  ["expr"], // the expression language: parse, print, simplify, compile, fit constants
  ["core"], // the vocabulary: evidence, bits, noise models, laws, derived variables
  ["data"], // tables and CSV files
  ["mdl"], // description length, and the one way to fit and score a law
  ["explain", "worlds"], // the Explainer (pure); worlds (simulators, processes, datasets)
  ["breaker", "parallel"], // experiment selection (pure); the Explainer's islands on worker threads
  ["discover"], // the discovery loop, over interfaces for its journal and agents
  ["journal", "llm"], // adapters: run storage (SQLite); language-model agents
  ["report", "graph", "design"], // reports; knowledge graphs; protein design
  ["server"], // HTTP API for the web app
  ["cli"], // the command line: wires store, world, agents and threads
];
const pure = ["random", "stats", "expr", "core", "mdl", "explain", "breaker"];

const levelOf = new Map(levels.flatMap((names, i) => names.map((name) => [name, i])));
const layerRules = [...levelOf].map(([folder, level]) => {
  const notBelow = [...levelOf].filter(([other, l]) => other !== folder && l >= level).map(([other]) => other);
  return {
    name: `layer-${folder}`,
    comment: `src/${folder} (level ${level}) may import only from lower levels: see .dependency-cruiser.cjs`,
    severity: "error",
    from: { path: `^src/${folder}/` },
    to: { path: `^src/(${notBelow.join("|")})/` },
  };
});

module.exports = {
  forbidden: [
    { name: "no-circular", comment: "import cycles hide the architecture", severity: "error", from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: "errors-is-the-bottom",
      comment: "src/errors.ts holds the base error classes every layer extends; it imports nothing of ours",
      severity: "error",
      from: { path: "^src/errors\\.ts$" },
      to: { path: "^src/" },
    },
    {
      name: "unknown-folder",
      comment: "every folder of src/ has a level in .dependency-cruiser.cjs",
      severity: "error",
      from: { path: "^src/", pathNot: `^src/(errors\\.ts|types/|(${[...levelOf.keys()].join("|")})/)` },
      to: {},
    },
    {
      name: "pure-layers-no-node",
      comment: "pure layers compute; reading files, threads and processes belong to the edges",
      severity: "error",
      from: { path: `^src/(${pure.join("|")})/` },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "src-not-bench",
      comment: "benchmarks sit beside the package; the package never imports them",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^bench/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(dist|web/dist|node_modules)/" },
  },
};
