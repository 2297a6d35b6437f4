import type { WorldSpec } from "../worlds/open.js";
import type { World } from "../worlds/world.js";
import type { Agents } from "./agents.js";
import type { RunEvent } from "./events.js";
import type { ExplainFn } from "./explainer.js";
import type { RunJournal } from "./run-journal.js";

/** Opens the world a run names (seeded; `queryOffset` skips the answers a resumed run already has). */
export type OpenWorldFn = (spec: WorldSpec, options: { seed: number; queryOffset?: number; cwd: string }) => Promise<World>;

/** Hooks and injected parts of a run (none is journaled): the edges (CLI, server, tests) wire them. */
export interface DiscoverDeps {
  /** The Explainer (default: `src/explain`). */
  explain?: ExplainFn;
  /** Opens the world (default: `openWorld` of `src/worlds/open.ts`). */
  openWorld?: OpenWorldFn;
  /** The journal (required: the run lives in it). */
  store: RunJournal;
  agents?: Agents;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  cwd?: string;
  /** Use this run id instead of a fresh one. */
  runId?: string;
}
