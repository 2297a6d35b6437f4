/** Finds and reads the text files a graph is built from. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { UserError } from "../errors.js";

/** Extensions read when a folder is given (explicitly named files are read whatever their extension). */
export const TEXT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".text", ".mdx", ".rst"]);

/** One input document: its path as shown in provenance (relative to cwd) and its text. */
export interface CorpusFile {
  file: string;
  text: string;
}

/** The files named by `paths` (folders searched recursively, hidden entries skipped), sorted, deduplicated. */
export function listCorpusFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.add(full);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let st;
    try {
      st = statSync(full);
    } catch (err) {
      if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
      throw new UserError(`graph build: no such file or folder: ${p}`);
    }
    if (st.isDirectory()) walk(full);
    else found.add(full);
  }
  return [...found].sort();
}

/** Reads one file as UTF-8 text, refusing binary files (PDFs must be exported to text first). */
export function readCorpusFile(fullPath: string, cwd: string): CorpusFile {
  const buf = readFileSync(fullPath);
  // Provenance names files relative to the working directory when they are under it, else absolutely.
  const rel = relative(cwd, fullPath);
  const file = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : fullPath;
  if (buf.subarray(0, 8000).includes(0)) throw new UserError(`graph build: ${file} is not a text file (export PDFs to text or Markdown first)`);
  return { file, text: buf.toString("utf8") };
}
