/**
 * Running the documentation's commands as tests (the README's and docs/*.md's): shell-like word splitting
 * and the short budgets every documented command runs with.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "../..");

/** Splits a command line into words like a shell: single and double quotes, `$VAR` from the block. */
export function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote in a documented command: ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === "$" && /^[A-Za-z_]/.test(line.slice(i + 1))) {
      const name = /^[A-Za-z_]\w*/.exec(line.slice(i + 1))![0];
      if (!(name in vars)) throw new Error(`a documented command uses an unset variable: ${line}`);
      word = (word ?? "") + vars[name];
      i += name.length;
    } else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? "") + c;
  }
  if (word !== null) out.push(word);
  return out;
}

/** The command with a short budget, and paths that name files of the repository made absolute. */
export function shortened(words: readonly string[]): string[] {
  const argv = [...words];
  const set = (flag: string, value: string): void => {
    const at = argv.indexOf(flag);
    if (at >= 0) argv[at + 1] = value;
    else argv.push(flag, value);
  };
  const [command, sub] = argv;
  if (command === "explain") set("--time", "2");
  if (command === "discover") {
    set("--rounds", "1");
    set("--evaluations", "2000");
  }
  if (command === "design") {
    set("--budget", "96");
    set("--replicas", "2");
  }
  if (command === "predict" && sub === "force") set("--replicas", "4");
  const inRepo = (w: string): string => (w !== "" && !w.startsWith("-") && existsSync(join(ROOT, w)) ? join(ROOT, w) : w);
  return argv.map((w, k) => {
    if (argv[k - 1] === "--out") return w; // written into the scratch directory
    if (argv[k - 1] === "--external") return w.split(" ").map(inRepo).join(" ");
    return inRepo(w);
  });
}
