/**
 * `graph build`: reads documents into a stored concept graph, adding to the graph of that name when it
 * already exists. Each document is saved as soon as it is read, so an interruption loses nothing done.
 */
import { addExtraction, emptyGraph } from "./concept-graph.js";
import { listCorpusFiles, readCorpusFile } from "./corpus-files.js";
import { extractOffline } from "./extract-offline.js";
import { GraphStore } from "./store.js";
import type { ConceptGraph, Extraction } from "./types.js";

/** Extracts one document; the offline extractor or a language-model one. */
export type Extractor = (file: string, text: string, signal: AbortSignal) => Promise<Extraction>;

/** Options of a build. */
export interface BuildOptions {
  paths: string[];
  cwd: string;
  name: string;
  store?: string;
  extractor?: Extractor;
  signal: AbortSignal;
  progress: (line: string) => void;
}

/** What a build did. */
export interface BuildSummary {
  graph: ConceptGraph;
  added: string[];
  skipped: string[];
  words: number;
  seconds: number;
  interrupted: boolean;
  storePath: string;
}

/** The offline extractor as an `Extractor`. */
export const offlineExtractor: Extractor = async (file, text) => extractOffline(file, text);

/** Builds or extends the named graph from the files under `paths`, saving after each document. */
export async function buildGraph(opts: BuildOptions): Promise<BuildSummary> {
  const start = performance.now();
  const files = listCorpusFiles(opts.paths, opts.cwd);
  const store = GraphStore.open(opts.cwd, opts.store);
  try {
    const graph = store.load(opts.name) ?? emptyGraph(opts.name);
    const extractor = opts.extractor ?? offlineExtractor;
    const added: string[] = [];
    const skipped: string[] = [];
    let words = 0;
    let interrupted = false;
    for (const [i, full] of files.entries()) {
      if (opts.signal.aborted) {
        interrupted = true;
        break;
      }
      const doc = readCorpusFile(full, opts.cwd);
      const ex = await extractor(doc.file, doc.text, opts.signal);
      if (addExtraction(graph, ex)) {
        added.push(doc.file);
        words += ex.document.words;
        store.save(graph);
      } else skipped.push(doc.file);
      opts.progress(`[${i + 1}/${files.length}] ${doc.file}: ${ex.concepts.length} mentions, ${ex.relations.filter((r) => r.kind === "relation").length} relations; graph ${graph.order} concepts, ${graph.size} edges`);
    }
    return { graph, added, skipped, words, seconds: (performance.now() - start) / 1000, interrupted, storePath: store.path };
  } finally {
    store.close();
  }
}
