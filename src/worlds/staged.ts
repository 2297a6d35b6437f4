import { WorldError } from "./errors.js";
import type { Observation, StageSpec, World, WorldInfo } from "./world.js";

/**
 * A staged world over fixed stage contents: stages are revealed by `collect`, and only once every
 * prerequisite stage has been collected, so a run respects the physical order of a protocol
 * (you cannot unload a specimen you have not yet loaded).
 */

/** Checks that stage ids are unique, prerequisites name known stages, there is no cycle and initial stages need only initial stages. */
export function stageProblems(stages: readonly StageSpec[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of stages) {
    if (ids.has(s.id)) problems.push(`stage '${s.id}' is listed twice`);
    ids.add(s.id);
  }
  for (const s of stages) {
    for (const p of s.prerequisites) {
      if (!ids.has(p)) problems.push(`stage '${s.id}' requires unknown stage '${p}'`);
      else if (s.initial && !stages.find((t) => t.id === p)?.initial) problems.push(`initial stage '${s.id}' requires '${p}', which is not initial`);
    }
  }
  // Depth-first search for a cycle among prerequisites.
  const state = new Map<string, 1 | 2>();
  const byId = new Map(stages.map((s) => [s.id, s]));
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      problems.push(`stage prerequisites form a cycle: ${[...path, id].join(" → ")}`);
      return;
    }
    state.set(id, 1);
    for (const p of byId.get(id)?.prerequisites ?? []) if (byId.has(p)) visit(p, [...path, id]);
    state.set(id, 2);
  };
  for (const s of stages) visit(s.id, []);
  if (!stages.some((s) => s.initial)) problems.push("no initial stage (a run must start from some collected data)");
  return problems;
}

/** The stages that may be collected now, given those already collected, in stage order. */
export function collectableStages(stages: readonly StageSpec[], collected: ReadonlySet<string>): StageSpec[] {
  return stages.filter((s) => !collected.has(s.id) && s.prerequisites.every((p) => collected.has(p)));
}

/**
 * A staged World whose stage contents come from `rows(stageId)`. The world remembers which stages
 * were collected (initial stages count as collected from the start); a resumed run re-collects its
 * stages in the journaled order, which is always allowed.
 */
export function createStagedWorld(info: WorldInfo, rows: (stageId: string) => Observation[], onClose?: () => Promise<void>): World {
  const stages = info.stages ?? [];
  const problems = stageProblems(stages);
  if (problems.length > 0) throw new WorldError(`world '${info.name}': ${problems[0]}`);
  const collected = new Set(stages.filter((s) => s.initial).map((s) => s.id));
  return {
    info: { ...structuredClone(info), shape: "staged" },
    async run(): Promise<(number | null)[]> {
      throw new WorldError(`world '${info.name}' is staged: its observations come in stages (collect a stage), not from free experiments`);
    },
    async collect(stageId: string): Promise<Observation[]> {
      const stage = stages.find((s) => s.id === stageId);
      if (!stage) throw new WorldError(`world '${info.name}': unknown stage '${stageId}'; stages: ${stages.map((s) => s.id).join(", ")}`);
      const missing = stage.prerequisites.filter((p) => !collected.has(p));
      if (missing.length > 0) throw new WorldError(`world '${info.name}': stage '${stageId}' cannot be collected before ${missing.map((m) => `'${m}'`).join(", ")}`);
      collected.add(stageId);
      return rows(stageId).map((o) => ({ inputs: { ...o.inputs }, output: o.output, stage: stageId }));
    },
    async close(): Promise<void> {
      await onClose?.();
    },
  };
}
