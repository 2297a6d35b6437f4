/**
 * Node-label embeddings of a graph, cached in memory and on disk under the run store, keyed by a hash
 * of what was embedded (node keys and labels) and of the model and endpoint that embedded it, so that
 * editing the graph or switching models never reuses stale vectors.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Embedder } from "../llm/embeddings.js";
import type { ConceptGraph } from "./types.js";

/** Embeddings of every node of one graph. */
export interface NodeEmbeddings {
  keys: string[];
  vectors: Float32Array[];
  /** Where they came from: computed now, the in-memory cache, or the file under the run store. */
  source: "computed" | "memory" | "disk";
}

const memory = new Map<string, { keys: string[]; vectors: Float32Array[] }>();

/** The cache key of a graph's node labels under one model and endpoint. */
export function nodeEmbeddingKey(g: ConceptGraph, model: string, baseUrl: string): string {
  const h = createHash("sha256");
  h.update(JSON.stringify([model, baseUrl]));
  for (const k of g.nodes().sort()) h.update(JSON.stringify([k, g.getNodeAttribute(k, "label")]));
  return h.digest("hex");
}

function toBase64(vectors: Float32Array[], dim: number): string {
  const all = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => all.set(v, i * dim));
  return Buffer.from(all.buffer).toString("base64");
}

function readDisk(file: string, keys: string[]): Float32Array[] | undefined {
  try {
    const raw = JSON.parse(readFileSync(file, "utf8")) as { keys?: unknown; dim?: unknown; vectors?: unknown };
    if (!Array.isArray(raw.keys) || raw.keys.length !== keys.length || raw.keys.some((k, i) => k !== keys[i])) return undefined;
    const dim = Number(raw.dim);
    if (!Number.isInteger(dim) || dim <= 0 || typeof raw.vectors !== "string") return undefined;
    const buf = Buffer.from(raw.vectors, "base64");
    if (buf.length !== keys.length * dim * 4) return undefined;
    // Copy into an aligned buffer: a Buffer's byteOffset need not be a multiple of 4.
    const all = new Float32Array(new Uint8Array(buf).buffer);
    return keys.map((_, i) => all.slice(i * dim, (i + 1) * dim));
  } catch (err) {
    // An unreadable or truncated cache file is recomputed, never trusted.
    if (!(err instanceof SyntaxError) && typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    return undefined;
  }
}

/** Where and how to cache. */
export interface EmbeddingCacheOptions {
  /** Folder for cache files (e.g. `.wb-runs/embeddings`); memory only when undefined. */
  dir?: string;
  /** One-line warnings (a cache that cannot be written). */
  log?: (line: string) => void;
}

/** Embeddings of all node labels of `g`, from memory, disk or the embedder (then cached in both). */
export async function nodeEmbeddings(g: ConceptGraph, embedder: Embedder, opts: EmbeddingCacheOptions = {}): Promise<NodeEmbeddings> {
  const id = nodeEmbeddingKey(g, embedder.model, embedder.profile.baseUrl);
  const hit = memory.get(id);
  if (hit) return { ...hit, source: "memory" };
  const keys = g.nodes().sort();
  const file = opts.dir ? join(opts.dir, `${id}.json`) : undefined;
  const fromDisk = file && existsSync(file) ? readDisk(file, keys) : undefined;
  if (fromDisk) {
    memory.set(id, { keys, vectors: fromDisk });
    return { keys, vectors: fromDisk, source: "disk" };
  }
  const vectors = await embedder.embed(keys.map((k) => g.getNodeAttribute(k, "label") || k));
  memory.set(id, { keys, vectors });
  if (file && opts.dir && vectors.length > 0) {
    try {
      mkdirSync(opts.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ model: embedder.model, baseUrl: embedder.profile.baseUrl, graph: g.getAttribute("name"), dim: vectors[0].length, keys, vectors: toBase64(vectors, vectors[0].length) }));
      renameSync(tmp, file);
    } catch (err) {
      opts.log?.(`embeddings: cannot write the cache ${file} (${err instanceof Error ? err.message : String(err)}); continuing`);
    }
  }
  return { keys, vectors, source: "computed" };
}

/** Forgets the in-memory cache (tests use it to exercise the disk cache). */
export function clearMemoryEmbeddings(): void {
  memory.clear();
}
