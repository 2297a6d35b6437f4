/**
 * `npm run bench [-- <name> ...]`: runs the registered benchmarks (all by default).
 * Each benchmark prints ratios against a baseline measured in the same run, so noisy machines compare fairly.
 */
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  feynman: () => import("./feynman.js"),
  llm: () => import("./llm.js"),
};

async function runAll(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith("-"));
  const selected = names.length > 0 ? names : Object.keys(benches);
  for (const name of selected) {
    const load = benches[name];
    if (!load) {
      process.stderr.write(`unknown benchmark '${name}'; known: ${Object.keys(benches).join(", ")}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`\n## ${name}\n\n`);
    await (await load()).run(args.filter((a) => a.startsWith("-")));
  }
}

await runAll();
