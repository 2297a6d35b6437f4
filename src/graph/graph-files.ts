/** Loading a graph named on the command line (a JSON file, or a graph saved in the store) and writing exports. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { UserError } from "../errors.js";
import { graphFromJSON, graphToGraphML, graphToJSON } from "./serialize.js";
import { GraphStore } from "./store.js";
import type { ConceptGraph } from "./types.js";

/** Loads `ref`: a graphology JSON file, or else the name of a graph saved in the store. */
export function loadGraphRef(ref: string, cwd: string, store?: string): ConceptGraph {
  const path = resolve(cwd, ref);
  if (existsSync(path)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new UserError(`${ref}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    return graphFromJSON(data, ref);
  }
  if (/\.(json|graphml)$/i.test(ref)) throw new UserError(`no such graph file: ${ref}`);
  const db = GraphStore.open(cwd, store);
  try {
    const g = db.load(ref);
    if (!g) throw new UserError(`no graph file or stored graph named '${ref}' (stored: ${db.list().map((s) => s.name).join(", ") || "none"})`);
    return g;
  } finally {
    db.close();
  }
}

/** Writes the graph to `out`: GraphML when it ends in `.graphml`, graphology JSON otherwise. */
export function writeGraphFile(g: ConceptGraph, out: string, cwd: string): string {
  const path = resolve(cwd, out);
  const text = extname(path).toLowerCase() === ".graphml" ? graphToGraphML(g) : JSON.stringify(graphToJSON(g), null, 1) + "\n";
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UserError(`cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return path;
}
