import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { WorldError } from "./errors.js";
import { createStagedWorld, stageProblems } from "./staged.js";
import type { InputSpec, Observation, StageSpec, World, WorldInfo } from "./world.js";

/**
 * Staged datasets in the JSON format of lamm-mit/BreakingTheWorld: `observations` (each with
 * `stage_id`, inputs in `observables` or as top-level fields, the target in `target_value` or in the
 * field named by `target_name`), `stage_order`, `initial_stage_ids`, `stage_prerequisites`, and
 * descriptions. Every validation error names the file and the field or observation index.
 */

/** Fields of an observation that are bookkeeping, never inputs. */
const RESERVED = new Set(["idx", "t", "stage_id", "stage_label", "observables", "target_value"]);

/** A validated staged dataset, independent of any file. */
export interface StagedDataset {
  info: WorldInfo;
  /** Observations of each stage, in file order. */
  rows: Map<string, Observation[]>;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function stringList(file: string, value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new WorldError(`${file}: '${field}' must be a list of stage ids (strings)`);
  return value as string[];
}

/** Validates parsed JSON as a staged dataset; `file` names the source in error messages. */
export function parseStagedDataset(data: unknown, file: string): StagedDataset {
  if (!isObject(data)) throw new WorldError(`${file}: a staged dataset must be a JSON object`);
  const obs = data.observations;
  if (!Array.isArray(obs) || obs.length === 0) throw new WorldError(`${file}: 'observations' must be a non-empty list`);
  const stageOrder = stringList(file, data.stage_order, "stage_order");
  if (stageOrder.length === 0) throw new WorldError(`${file}: 'stage_order' must list at least one stage`);
  const initialIds = stringList(file, data.initial_stage_ids, "initial_stage_ids");
  if (initialIds.length === 0) throw new WorldError(`${file}: 'initial_stage_ids' must list at least one stage`);
  for (const id of initialIds) if (!stageOrder.includes(id)) throw new WorldError(`${file}: initial_stage_ids names '${id}', which is not in stage_order`);
  const prereqRaw = data.stage_prerequisites ?? {};
  if (!isObject(prereqRaw)) throw new WorldError(`${file}: 'stage_prerequisites' must be an object (stage id → list of stage ids)`);
  const prereqs: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(prereqRaw)) {
    if (!stageOrder.includes(id)) throw new WorldError(`${file}: stage_prerequisites names '${id}', which is not in stage_order`);
    prereqs[id] = stringList(file, list, `stage_prerequisites.${id}`);
    for (const p of prereqs[id]) if (!stageOrder.includes(p)) throw new WorldError(`${file}: stage_prerequisites.${id} names '${p}', which is not in stage_order`);
  }
  const targetName = data.target_name === undefined ? "stress" : data.target_name;
  if (typeof targetName !== "string" || targetName === "") throw new WorldError(`${file}: 'target_name' must be a non-empty string`);
  const obsDescriptions = isObject(data.observable_descriptions) ? (data.observable_descriptions as Record<string, unknown>) : {};

  // Inputs: the keys of `observables` when observations carry them, else the described observables, else numeric top-level fields.
  const first = obs[0];
  if (!isObject(first)) throw new WorldError(`${file}: observations[0] must be an object`);
  let inputNames: string[];
  if (isObject(first.observables) && Object.keys(first.observables).length > 0) inputNames = Object.keys(first.observables);
  else if (Object.keys(obsDescriptions).length > 0) inputNames = Object.keys(obsDescriptions);
  else inputNames = Object.keys(first).filter((k) => !RESERVED.has(k) && k !== targetName && typeof first[k] === "number");
  if (inputNames.length === 0) throw new WorldError(`${file}: observations[0] has no numeric input fields`);

  const rows = new Map<string, Observation[]>(stageOrder.map((id) => [id, []]));
  const labels = new Map<string, string>();
  obs.forEach((o, i) => {
    const where = `${file}: observations[${i}]`;
    if (!isObject(o)) throw new WorldError(`${where} must be an object`);
    const stage = o.stage_id;
    if (typeof stage !== "string") throw new WorldError(`${where}: 'stage_id' must be a string`);
    const list = rows.get(stage);
    if (!list) throw new WorldError(`${where}: stage_id '${stage}' is not in stage_order`);
    if (typeof o.stage_label === "string" && !labels.has(stage)) labels.set(stage, o.stage_label);
    const source = isObject(o.observables) && Object.keys(o.observables).length > 0 ? o.observables : o;
    const inputs: Record<string, number> = {};
    for (const name of inputNames) {
      const value = source[name];
      if (typeof value !== "number" || !Number.isFinite(value)) throw new WorldError(`${where}: input '${name}' must be a finite number, got ${JSON.stringify(value) ?? "nothing"}`);
      inputs[name] = value;
    }
    const tv = o.target_value;
    let target: unknown = tv !== undefined && tv !== null ? tv : o[targetName];
    if (target === null) target = undefined;
    if (typeof target !== "number" || !Number.isFinite(target)) {
      throw new WorldError(`${where}: target must be a finite number in 'target_value' or '${targetName}', got ${JSON.stringify(target) ?? "nothing"}`);
    }
    list.push({ inputs, output: target, stage });
  });
  for (const [id, list] of rows) if (list.length === 0) throw new WorldError(`${file}: stage '${id}' in stage_order has no observations`);

  const all = [...rows.values()].flat();
  const initialRows = initialIds.flatMap((id) => rows.get(id) ?? []);
  const inputs: InputSpec[] = inputNames.map((name) => {
    const values = all.map((r) => r.inputs[name]);
    const initial = initialRows.map((r) => r.inputs[name]);
    const spec: InputSpec = {
      name,
      min: Math.min(...values),
      max: Math.max(...values),
      kind: values.every(Number.isInteger) ? "integer" : "real",
      initial: [Math.min(...initial), Math.max(...initial)],
    };
    const desc = obsDescriptions[name];
    if (typeof desc === "string") spec.description = desc;
    return spec;
  });
  const protocol = isObject(data.protocol_descriptions) ? data.protocol_descriptions : {};
  const stages: StageSpec[] = stageOrder.map((id) => {
    const s: StageSpec = { id, prerequisites: prereqs[id] ?? [], initial: initialIds.includes(id) };
    const label = labels.get(id);
    if (label) s.label = label;
    if (typeof protocol[id] === "string") s.description = protocol[id] as string;
    return s;
  });
  const problems = stageProblems(stages);
  if (problems.length > 0) throw new WorldError(`${file}: ${problems[0]}`);
  const description = typeof data.system_description === "string" && data.system_description ? data.system_description : `staged dataset ${basename(file)}`;
  const info: WorldInfo = {
    name: basename(file).replace(/\.json$/i, ""),
    description,
    shape: "staged",
    inputs,
    output: { name: targetName, ...(typeof data.target_description === "string" ? { description: data.target_description } : {}) },
    stages,
    cost: 1,
    noise: typeof data.source === "string" && data.source ? `as recorded (source: ${data.source})` : "as recorded",
  };
  return { info, rows };
}

/** Reads and validates a staged-dataset JSON file. */
export function readStagedDataset(path: string): StagedDataset {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new WorldError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new WorldError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseStagedDataset(data, path);
}

/** A staged World over a dataset file. */
export function openStagedDataset(path: string): World {
  const { info, rows } = readStagedDataset(path);
  return createStagedWorld(info, (id) => rows.get(id) ?? []);
}
