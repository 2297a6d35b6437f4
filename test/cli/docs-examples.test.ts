/**
 * The commands of docs/*.md run as written in a fresh clone (architecture.md has none). Every line of a
 * shell code block that runs `worldbreaker` (also as `npx worldbreaker` or `$ worldbreaker`) is run as
 * `node bin/worldbreaker.js …` with a short budget and must exit 0. The commands of one doc run in order in
 * one scratch directory (with its own run journal), as a reader would type them. Usage synopses (`<file>`, `[--flag n]`) are not
 * commands; commands that need a server, a language model or a run the reader made are skipped, each saying
 * why in its name. Needs dist/ (`npm test` builds it first; by hand: `npx tsc -p tsconfig.build.json`).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT, shortened, words } from "../helpers/doc-commands.js";

const BIN = join(ROOT, "bin", "worldbreaker.js");
const run = promisify(execFile);

/** One command of a doc, as words after `worldbreaker`. */
interface Example {
  text: string;
  argv: string[];
  /** Environment assignments written before the command (`A=b worldbreaker …`). */
  env: Record<string, string>;
}

/** The shell code blocks of one doc that run `worldbreaker`, each with its commands in order. */
function docBlocks(file: string): Array<{ line: number; examples: Example[] }> {
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const blocks: Array<{ line: number; examples: Example[] }> = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^\s*```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    if (!["", "sh", "bash", "console", "shell"].includes(fence[1])) continue;
    const vars: Record<string, string> = {};
    const examples: Example[] = [];
    for (const raw of body) {
      const line = raw.replace(/\s+#.*$/, "").replace(/^\s*\$\s+/, "").trim();
      const assignment = /^([A-Za-z_]\w*)=(\S+)$/.exec(line);
      if (assignment) vars[assignment[1]] = assignment[2];
      for (const part of line.split("&&")) {
        const m = /^((?:[A-Z_][A-Z0-9_]*=\S+\s+)*)(?:npx\s+)?worldbreaker(\s.*)?$/.exec(part.trim());
        if (!m) continue;
        const env = Object.fromEntries(m[1].trim().split(/\s+/).filter(Boolean).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
        examples.push({ text: part.trim(), argv: words(m[2] ?? "", vars), env });
      }
    }
    if (examples.length > 0) blocks.push({ line: start + 1, examples });
  }
  return blocks;
}

/** Why a command is not run here, or null to run it. */
function skipReason(ex: Example): string | null {
  if (/<[^>]+>|\[[^\]]*\]|\|/.test(ex.text.replace(/"[^"]*"/g, ""))) return "a usage synopsis, not a command";
  if (ex.argv[0] === "serve") return "`serve` starts a web server that runs until stopped (test/server and test/e2e cover it)";
  if (ex.argv.includes("--llm") || ex.argv[0] === "llm") return "needs a language-model server (test/llm covers it with a stub)";
  if (Object.keys(ex.env).length > 0) return "the command needs environment settings of the user's own";
  return null;
}

const docs = readdirSync(join(ROOT, "docs"))
  .filter((f) => f.endsWith(".md") && f !== "architecture.md")
  .sort();

describe("docs examples", () => {
  it("finds commands in the docs", () => {
    const all = docs.flatMap((d) => docBlocks(join(ROOT, "docs", d)).flatMap((b) => b.examples.map((e) => e.argv[0])));
    expect(all).toEqual(expect.arrayContaining(["discover", "explain", "score", "graph", "design", "predict", "worlds"]));
    expect(existsSync(join(ROOT, "dist", "cli", "main.js")), "dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm test builds it)").toBe(true);
  });

  for (const doc of docs) {
    const cwd = mkdtempSync(join(tmpdir(), "wb-docs-"));
    for (const block of docBlocks(join(ROOT, "docs", doc))) {
      describe(`docs/${doc}:${block.line}`, () => {
        for (const ex of block.examples) {
          const reason = skipReason(ex);
          if (reason) {
            it.skip(`${ex.text} — skipped: ${reason}`, () => {});
            continue;
          }
          it(ex.text, async () => {
            const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("WORLDBREAKER_")));
            const argv = shortened(ex.argv);
            const r = await run(process.execPath, [BIN, ...argv], { cwd, env: { ...env, WORLDBREAKER_HOME: cwd }, maxBuffer: 64 * 1024 * 1024, timeout: 110_000 }).catch(
              (err: { code?: number; stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? "", stderr: `exit ${err.code}: ${err.stderr ?? ""}` }),
            );
            expect(r.stderr, `worldbreaker ${argv.join(" ")}`).not.toMatch(/^exit /);
            expect(r.stdout.trim().length + r.stderr.trim().length, "the command printed nothing").toBeGreaterThan(0);
          }, 120_000);
        }
      });
    }
  }
});
