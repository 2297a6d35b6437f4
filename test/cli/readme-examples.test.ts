/**
 * The README's examples run as written in a fresh clone. Every `npx worldbreaker …` command in a code
 * block of README.md is run (as `node bin/worldbreaker.js …`, with a short budget) and must exit 0 and
 * print its result; a code block right after a block of commands is the output the README shows, and
 * its lines must appear in what the last command printed. So changing the README changes this test.
 * Needs dist/ (`npm test` builds it first; by hand: `npx tsc -p tsconfig.build.json`).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT, shortened, words } from "../helpers/doc-commands.js";

const BIN = join(ROOT, "bin", "worldbreaker.js");
const run = promisify(execFile);

/** One `npx worldbreaker` command of the README, as words after `worldbreaker`. */
interface Example {
  /** The command as the README writes it. */
  text: string;
  argv: string[];
}

/** A code block of the README: its commands, and the output block shown right after it (if any). */
interface Block {
  line: number;
  examples: Example[];
  shownOutput: string[];
}

/** The README's code blocks that hold `npx worldbreaker` commands. */
function readmeBlocks(): Block[] {
  const lines = readFileSync(join(ROOT, "README.md"), "utf8").split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  let previous: Block | null = null; // the last command block, while only blank lines follow it
  while (i < lines.length) {
    if (!lines[i].startsWith("```")) {
      if (lines[i].trim() !== "") previous = null;
      i++;
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith("```"); i++) body.push(lines[i]);
    i++;
    const vars: Record<string, string> = {};
    const examples: Example[] = [];
    for (const raw of body) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      const assignment = /^([A-Za-z_]\w*)=(\S+)$/.exec(line);
      if (assignment) vars[assignment[1]] = assignment[2];
      for (const part of line.split("&&")) {
        const at = part.indexOf("npx worldbreaker");
        if (at < 0) continue;
        examples.push({ text: part.trim(), argv: words(part.slice(at + "npx worldbreaker".length), vars) });
      }
    }
    if (examples.length > 0) {
      previous = { line: start + 1, examples, shownOutput: [] };
      blocks.push(previous);
    } else if (previous) {
      previous.shownOutput = body.map((l) => l.trim()).filter((l) => l !== "" && l !== "...");
      previous = null;
    } else previous = null;
  }
  return blocks;
}

/** Why a command is not run here, or null to run it. */
function skipReason(ex: Example): string | null {
  if (ex.argv[0] === "serve") return "`serve` starts a web server that runs until stopped (the server tests cover it)";
  if (ex.argv.includes("--llm")) return "`--llm` needs a language-model server (test/llm covers it with a stub)";
  if (/^\s*\w+=/.test(ex.text)) return "the command needs environment settings of the user's own";
  return null;
}

/** Checks that a command printed its result: a law, a graph or a mapping. */
function expectResult(argv: string[], stdout: string, stderr: string): void {
  const [command, sub] = argv;
  expect(stderr, "a warning on the README's own example").not.toMatch(/^note:/m);
  if (argv.includes("--json")) {
    const out = JSON.parse(stdout) as Record<string, unknown>;
    if (command === "discover") expect(out.finalLaw).toMatch(/\w/);
    else expect(out.law).toMatch(/\w/);
  } else if (command === "discover") expect(stdout).toMatch(/^ended at +\S+/m);
  else if (command === "explain") expect(stdout.split("\n")[0]).toMatch(/^\w+ = \S+/);
  else if (command === "score") {
    expect(stdout).toMatch(/^law +\w+ = \S+/m);
    expect(Number(/^R² +(\S+)/m.exec(stdout)?.[1]), "the law should fit the example's data").toBeGreaterThan(0.9);
  }
  else if (command === "graph" && sub === "build") expect(stdout).toMatch(/^graph \S+: \d+ concepts, \d+ edges/m);
  else if (command === "graph" && sub === "analogy") expect(stdout).toMatch(/^mapping 1: score /m);
  else throw new Error(`no check for 'worldbreaker ${command}' yet: add one to ${import.meta.filename}`);
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
const blocks = readmeBlocks();

describe("README examples", () => {
  it("finds the README's commands", () => {
    const commands = blocks.flatMap((b) => b.examples.map((e) => e.argv[0]));
    expect(commands).toEqual(expect.arrayContaining(["discover", "explain", "score", "graph"]));
    expect(existsSync(join(ROOT, "dist", "cli", "main.js")), "dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm test builds it)").toBe(true);
  });

  for (const block of blocks) {
    // The commands of one block run in order in one scratch directory (later ones read what earlier ones wrote).
    describe(`code block at README.md:${block.line}`, () => {
      const cwd = mkdtempSync(join(tmpdir(), "wb-readme-"));
      block.examples.forEach((ex, k) => {
        const reason = skipReason(ex);
        if (reason) {
          it.skip(`${ex.text} — skipped: ${reason}`, () => {});
          return;
        }
        it(ex.text, async () => {
          const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("WORLDBREAKER_")));
          const argv = shortened(ex.argv);
          const r = await run(process.execPath, [BIN, ...argv], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 50_000 }).catch(
            (err: { code?: number; stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? "", stderr: `exit ${err.code}: ${err.stderr ?? ""}` }),
          );
          expect(r.stderr, `worldbreaker ${argv.join(" ")}`).not.toMatch(/^exit /);
          expectResult(argv, r.stdout, r.stderr);
          if (k === block.examples.length - 1) {
            for (const shown of block.shownOutput) expect(squash(r.stdout), "the output the README shows").toContain(squash(shown));
          }
        });
      });
    });
  }
});
