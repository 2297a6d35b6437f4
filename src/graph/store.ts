/**
 * Concept graphs in the run store: a SQLite file (by default `.wb-runs/worldbreaker.sqlite`) holding one
 * row per graph, node and edge, so that `graph build` can add documents to a saved graph later.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../errors.js";
import { emptyGraph } from "./concept-graph.js";
import type { ConceptAttributes, ConceptGraph, GraphAttributes, RelationAttributes } from "./types.js";

/** Where the store lives when `--store` is not given, relative to the working directory. */
export const DEFAULT_STORE = ".wb-runs/worldbreaker.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kg_graph (name TEXT PRIMARY KEY, attributes TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kg_node (graph TEXT NOT NULL, key TEXT NOT NULL, attributes TEXT NOT NULL, PRIMARY KEY (graph, key));
CREATE TABLE IF NOT EXISTS kg_edge (graph TEXT NOT NULL, key TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, attributes TEXT NOT NULL, PRIMARY KEY (graph, key));
`;

/** A summary row of a stored graph. */
export interface StoredGraphInfo {
  name: string;
  nodes: number;
  edges: number;
  documents: number;
  updatedAt: string;
}

/** An open graph store; close it when done. */
export class GraphStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the store at `path`. */
  constructor(readonly path: string) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma("journal_mode = WAL");
      this.db.exec(SCHEMA);
    } catch (err) {
      throw new UserError(`cannot open graph store ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Opens the store named by `--store`, or the default one under `cwd`. */
  static open(cwd: string, store?: string): GraphStore {
    return new GraphStore(resolve(cwd, store ?? DEFAULT_STORE));
  }

  /** Saves the whole graph under its name in one transaction (replacing a previous version). */
  save(g: ConceptGraph): void {
    const name = g.getAttribute("name");
    const tx = this.db.transaction(() => {
      this.db.prepare("INSERT INTO kg_graph (name, attributes, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at").run(name, JSON.stringify(g.getAttributes()), new Date().toISOString());
      this.db.prepare("DELETE FROM kg_node WHERE graph = ?").run(name);
      this.db.prepare("DELETE FROM kg_edge WHERE graph = ?").run(name);
      const node = this.db.prepare("INSERT INTO kg_node (graph, key, attributes) VALUES (?, ?, ?)");
      g.forEachNode((key, a) => node.run(name, key, JSON.stringify(a)));
      const edge = this.db.prepare("INSERT INTO kg_edge (graph, key, source, target, attributes) VALUES (?, ?, ?, ?, ?)");
      g.forEachEdge((key, a, source, target) => edge.run(name, key, source, target, JSON.stringify(a)));
    });
    tx();
  }

  /** Loads a graph by name, or undefined when the store has none of that name. */
  load(name: string): ConceptGraph | undefined {
    const row = this.db.prepare("SELECT attributes FROM kg_graph WHERE name = ?").get(name) as { attributes: string } | undefined;
    if (!row) return undefined;
    const g = emptyGraph(name);
    g.replaceAttributes(JSON.parse(row.attributes) as GraphAttributes);
    for (const n of this.db.prepare("SELECT key, attributes FROM kg_node WHERE graph = ? ORDER BY rowid").iterate(name) as Iterable<{ key: string; attributes: string }>) {
      g.addNode(n.key, JSON.parse(n.attributes) as ConceptAttributes);
    }
    for (const e of this.db.prepare("SELECT key, source, target, attributes FROM kg_edge WHERE graph = ? ORDER BY rowid").iterate(name) as Iterable<{ key: string; source: string; target: string; attributes: string }>) {
      g.addDirectedEdgeWithKey(e.key, e.source, e.target, JSON.parse(e.attributes) as RelationAttributes);
    }
    return g;
  }

  /** Every stored graph with its size. */
  list(): StoredGraphInfo[] {
    return this.db
      .prepare(
        `SELECT g.name AS name, g.attributes AS attributes, g.updated_at AS updatedAt,
          (SELECT COUNT(*) FROM kg_node n WHERE n.graph = g.name) AS nodes,
          (SELECT COUNT(*) FROM kg_edge e WHERE e.graph = g.name) AS edges
         FROM kg_graph g ORDER BY g.name`,
      )
      .all()
      .map((r) => {
        const row = r as { name: string; attributes: string; updatedAt: string; nodes: number; edges: number };
        const attrs = JSON.parse(row.attributes) as GraphAttributes;
        return { name: row.name, nodes: row.nodes, edges: row.edges, documents: attrs.documents?.length ?? 0, updatedAt: row.updatedAt };
      });
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
