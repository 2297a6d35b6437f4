import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { WorldError } from "./errors.js";
import { createCsvPoolWorld, type PoolTable } from "./csv-pool.js";
import { openExternalWorld } from "./external.js";
import { findWorld, requireWorld } from "./registry.js";
import { openStagedDataset } from "./staged-dataset.js";
import type { World, WorldOptions } from "./world.js";

/**
 * One entry point for every kind of world: a built-in simulator by name, a staged-dataset `.json`, a
 * `.csv` pool, or an external process. This is what `discover`, `resume` and the server call.
 */

/** Which world to open: exactly one of a built-in name, a file, or an external command line. */
export interface WorldSpec {
  name?: string;
  file?: string;
  external?: string;
  /** For a CSV: the target column (default: the last column). */
  target?: string;
}

/** How to open it: seed and resume offset, plus where relative paths start and the external request timeout. */
export type OpenWorldOptions = WorldOptions & {
  cwd: string;
  timeoutMs?: number;
  /** Restarts allowed per external request (default 2). */
  retries?: number;
  /** Told when an external world is restarted. */
  onRestart?: (why: string) => void;
  /** Interrupts an external world's request in flight (the process is killed). */
  signal?: AbortSignal;
};

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (err) {
    // A path the system cannot stat (missing, not a folder on the way, not readable) is not a world file.
    if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    return false;
  }
}

/** Opens the world a spec names. A `name` that is not a built-in world and ends in .json/.csv or names an existing file is treated as a file. */
export async function openWorld(spec: WorldSpec, options: OpenWorldOptions): Promise<World> {
  const given = [spec.name, spec.file, spec.external].filter((x) => x !== undefined && x !== "");
  if (given.length !== 1) throw new WorldError("give exactly one world: a built-in name, a .json or .csv file, or --external \"<command>\"");
  if (spec.external) {
    return openExternalWorld(spec.external, {
      cwd: options.cwd,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      onRestart: options.onRestart,
      signal: options.signal,
    });
  }
  let file = spec.file;
  // Built-in names win over same-named files or folders; anything else that looks like a file is one.
  if (spec.name !== undefined && !findWorld(spec.name) && (/\.(json|csv)$/i.test(spec.name) || isFile(resolve(options.cwd, spec.name)))) file = spec.name;
  if (file === undefined) return requireWorld(spec.name!).create(options);
  const path = resolve(options.cwd, file);
  if (!existsSync(path)) throw new WorldError(`no such file: ${file}`);
  if (/\.json$/i.test(path)) return openStagedDataset(path);
  if (/\.csv$/i.test(path)) return createCsvPoolWorld(await readTable(path), path, spec.target);
  throw new WorldError(`${file}: a world file must be a staged-dataset .json or a .csv`);
}

/** Reads a CSV through `src/data/csv.ts` (loaded on demand: most runs never touch a CSV). */
async function readTable(path: string): Promise<PoolTable> {
  const csv = await import("../data/csv.js");
  return csv.readCsvFile(path);
}
