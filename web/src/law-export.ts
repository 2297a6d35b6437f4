import { saveBlob, type ExplainView } from "./api";
import type { ScoreView } from "../../src/server/contract";

/** A front entry or the best law, as the exports need it (the same fields as a scored law). */
export type ExportLaw = ScoreView;

const NUMPY: Record<string, string> = {
  sin: "np.sin",
  cos: "np.cos",
  tan: "np.tan",
  asin: "np.arcsin",
  acos: "np.arccos",
  atan: "np.arctan",
  sinh: "np.sinh",
  cosh: "np.cosh",
  tanh: "np.tanh",
  exp: "np.exp",
  log: "np.log",
  sqrt: "np.sqrt",
  abs: "np.abs",
  min: "np.minimum",
  max: "np.maximum",
};

/** A law in contract infix as a NumPy expression: functions from `np`, `^` as `**`, `pi` as `np.pi`. */
export function numpyExpression(law: string): string {
  return law
    .replace(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g, (m, name: string) => (NUMPY[name] ? `${NUMPY[name]}(` : m))
    .replace(/\bpi\b/g, "np.pi")
    .replace(/\^/g, "**");
}

/** A Python function computing the law with NumPy, every digit of the constants kept. */
export function pythonFunction(law: string, target: string, variables: readonly string[]): string {
  const used = variables.filter((v) => new RegExp(`\\b${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(law));
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(target) ? target : "law";
  return `import numpy as np\n\n\ndef ${name}(${used.join(", ")}):\n    """${target} = ${law}"""\n    return ${numpyExpression(law)}\n`;
}

function csvCell(s: string | number): string {
  const t = String(s);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The Pareto front as CSV, full precision: complexity, bits, R², RMSE, law. */
export function frontCsv(view: ExplainView): string {
  const rows = view.pareto.map((p) => [p.complexity, p.bits, p.r2, p.rmse, p.law].map(csvCell).join(","));
  return ["complexity,bits,r2,rmse,law", ...rows].join("\n") + "\n";
}

/** The front and the chosen law as JSON, full precision. */
export function frontJson(view: ExplainView, chosen: ExportLaw): string {
  const { sample: _sample, ...rest } = view;
  return JSON.stringify({ ...rest, chosen: { target: view.target, ...chosen } }, null, 2) + "\n";
}

/** The chosen law as a LaTeX equation (constants to 5 significant figures, as shown). */
export function latexEquation(target: string, latex: string): string {
  return `\\begin{equation}\n  \\mathrm{${target.replace(/[_{}$&#%^~\\]/g, (c) => `\\${c}`)}} = ${latex}\n\\end{equation}\n`;
}

/** Hands text to the browser as a download. */
export function saveText(fileName: string, text: string, mime: string): void {
  saveBlob(new Blob([text], { type: mime }), fileName);
}
