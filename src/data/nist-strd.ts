/**
 * Reader of the NIST StRD nonlinear regression files (`data/nist-strd/*.dat`): the model as our law
 * language reads it, the two official starting points, the certified values with their standard
 * deviations, the certified residual sum of squares, and the data.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { UserError } from "../errors.js";

/** One NIST StRD nonlinear least-squares problem. */
export interface NistProblem {
  /** Dataset name, e.g. `Misra1a`. */
  name: string;
  /** Right-hand side of the model in contract infix (`**` → `^`, `[ ]` → `( )`, `arctan` → `atan`). */
  model: string;
  /** Whether the model is stated for log(y) (Nelson): fit it to the log of the response. */
  logResponse: boolean;
  /** Parameter names b1 … bk in certified order. */
  params: string[];
  start1: number[];
  start2: number[];
  certified: number[];
  certifiedStdDev: number[];
  certifiedRss: number;
  /** Predictor names as the file heads them (x, or x1 and x2). */
  predictors: string[];
  /** Response, then one column per predictor. */
  y: Float64Array;
  x: Float64Array[];
}

/** Parses the text of one `.dat` file; `name` labels errors. Throws `UserError` naming the file and line. */
export function parseNistStrd(text: string, name: string): NistProblem {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, what: string): never => {
    throw new UserError(`${name}:${line + 1}: ${what}`);
  };
  const modelAt = lines.findIndex((l) => /^Model:/.test(l));
  if (modelAt < 0) fail(0, "no 'Model:' section");
  const modelLines: string[] = [];
  let i = modelAt + 1;
  for (; i < lines.length && !/Starting\s+values/i.test(lines[i]); i++) {
    const l = lines[i].trim();
    if (l === "" || /Class|Parameters?\s*\(/.test(l) || /^pi\s*=/.test(l)) continue;
    modelLines.push(l);
  }
  const equation = modelLines.join(" ").replace(/\+\s*e\s*$/, "");
  const eq = equation.indexOf("=");
  if (eq < 0) fail(modelAt, `model '${equation}' has no '='`);
  const lhs = equation.slice(0, eq).trim();
  const model = equation
    .slice(eq + 1)
    .replace(/\*\*/g, "^")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/arctan/g, "atan")
    .replace(/\s+/g, " ")
    .trim();
  const params: string[] = [];
  const start1: number[] = [];
  const start2: number[] = [];
  const certified: number[] = [];
  const certifiedStdDev: number[] = [];
  for (; i < lines.length && !/Residual Sum of Squares/i.test(lines[i]); i++) {
    const m = /^\s*(b\d+)\s*=\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const nums = m[2].trim().split(/\s+/).map(Number);
    if (nums.length !== 4 || !nums.every(Number.isFinite)) fail(i, `expected start 1, start 2, certified value and standard deviation for ${m[1]}`);
    params.push(m[1]);
    start1.push(nums[0]);
    start2.push(nums[1]);
    certified.push(nums[2]);
    certifiedStdDev.push(nums[3]);
  }
  if (params.length === 0) fail(modelAt, "no parameter lines");
  const rss = /Residual Sum of Squares:\s*(\S+)/.exec(lines[i] ?? "");
  if (!rss) fail(i, "no 'Residual Sum of Squares' line");
  const headAt = lines.findIndex((l, j) => j > i && /^Data:\s+y\s+x/.test(l));
  if (headAt < 0) fail(i, "no data header ('Data:  y  x')");
  const predictors = lines[headAt].trim().split(/\s+/).slice(2);
  const rows: number[][] = [];
  for (let j = headAt + 1; j < lines.length; j++) {
    if (lines[j].trim() === "") continue;
    const nums = lines[j].trim().split(/\s+/).map(Number);
    if (nums.length !== predictors.length + 1 || !nums.every(Number.isFinite)) fail(j, `expected ${predictors.length + 1} numbers`);
    rows.push(nums);
  }
  return {
    name,
    model,
    logResponse: /^log/i.test(lhs),
    params,
    start1,
    start2,
    certified,
    certifiedStdDev,
    certifiedRss: Number(rss![1]),
    predictors,
    y: Float64Array.from(rows, (r) => r[0]),
    x: predictors.map((_, c) => Float64Array.from(rows, (r) => r[c + 1])),
  };
}

/** Reads and parses one `.dat` file. */
export function readNistStrd(path: string): NistProblem {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`${path}: ${(err as Error).message}`);
  }
  return parseNistStrd(text, basename(path, ".dat"));
}
