/** One Feynman benchmark task: generate data, explain it, check recovery. Runs in a worker or in-process. */
import { explain } from "../src/explain/explain.js";
import { checkRecovery } from "./feynman-recovery.js";
import { generateData, loadFeynmanProblems, loadFeynmanUnits } from "./feynman-problems.js";

/** What to run. */
export interface FeynmanTask {
  id: string;
  noise: number;
  units: boolean;
  time: number;
  seed: number;
  /** Fast paths only (the baseline): no evolutionary search. */
  baseline?: boolean;
}

/** One result line of bench-out/feynman.jsonl. */
export interface FeynmanResult extends FeynmanTask {
  recovered: boolean;
  r2: number;
  nrmseIn: number;
  nrmseOut: number;
  law: string;
  truth: string;
  seconds: number;
  evaluations: number;
  error?: string;
}

/** Runs one task (1,000 training rows). */
export async function runFeynmanTask(task: FeynmanTask): Promise<FeynmanResult> {
  const p = loadFeynmanProblems().find((q) => q.id === task.id);
  if (!p) throw new Error(`unknown Feynman problem '${task.id}'`);
  const data = generateData(p, 1000, task.seed, task.noise);
  const names = p.variables.map((v) => v.name);
  let units: Record<string, string> | undefined;
  if (task.units) {
    const all = loadFeynmanUnits();
    units = {};
    for (const n of [...names, p.output]) if (all[n] !== undefined) units[n] = all[n];
  }
  // The target column keeps a distinct name so that it can never collide with an input.
  const targetName = names.includes(p.output) ? `${p.output}_out` : p.output;
  if (units && targetName !== p.output) units[targetName] = units[p.output];
  const t0 = Date.now();
  try {
    const res = await explain(
      { variables: names, columns: data.columns, target: data.target, targetName, units },
      { seed: task.seed, timeSeconds: task.time, maxEvaluations: task.baseline ? 1 : undefined },
    );
    const check = checkRecovery(p, res.expr, res.params, task.noise, task.seed);
    return { ...task, ...check, r2: res.r2, law: res.law, truth: p.formula, seconds: (Date.now() - t0) / 1000, evaluations: res.evaluations };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...task, recovered: false, r2: NaN, nrmseIn: NaN, nrmseOut: NaN, law: "", truth: p.formula, seconds: (Date.now() - t0) / 1000, evaluations: 0, error: message };
  }
}
