/**
 * `npm run bench [-- <name> ...]`: runs the registered benchmarks (all by default).
 * Each benchmark prints ratios against a baseline measured in the same run, so noisy machines compare fairly.
 */
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  graph: () => import("./graph.js"),
  design: () => import("./design.js"),
  feynman: () => import("./feynman.js"),
  expr: () => import("./expr.js"),
  llm: () => import("./llm.js"),
  web: () => import("./web.js"),
  discover: () => import("./discover.js"),
  falsification: () => import("./falsification.js"),
  worlds: () => import("./worlds.js"),
  periodic: () => import("./periodic.js"),
  templates: () => import("./templates.js"),
  noise: () => import("./noise.js"),
  "nist-strd": () => import("./nist-strd.js"),
  reliability: () => import("./reliability.js"),
  "real-tables": () => import("./real-tables.js"),
  heldout: () => import("./heldout.js"),
  "search-throughput": () => import("./search-throughput.js"),
};

async function runAll(): Promise<void> {
  const args = process.argv.slice(2);
  // Names come first; everything from the first flag on (values included: `--time 60`) goes to the benchmark.
  const firstFlag = args.findIndex((a) => a.startsWith("-"));
  const names = firstFlag < 0 ? args : args.slice(0, firstFlag);
  const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
  const selected = names.length > 0 ? names : Object.keys(benches);
  for (const name of selected) {
    const load = benches[name];
    if (!load) {
      process.stderr.write(`unknown benchmark '${name}'; known: ${Object.keys(benches).join(", ")}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`\n## ${name}\n\n`);
    await (await load()).run(flags);
  }
}

await runAll();
